import { createApp } from "./app.js";

/** The Probot app, for `probot run` and `probot receive`. */
export default createApp();
