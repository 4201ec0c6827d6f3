import type { Config } from "../../config/schema.js";

/** What the projection needs besides the history. */
export interface ProjectionContext {
  config: Config;
  /** The app's own login (`name[bot]`): its events are echoes, its markers the only trusted ones. */
  botLogin: string;
  /** Text of the incident issue form, to read the body with. */
  formTemplate: string;
}
