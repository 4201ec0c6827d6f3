/**
 * The world the app's GraphQL documents are run in against the simulator is the
 * simulator's own seeded world: org `acme` (owner `olivia`, member `alice`), repo
 * `acme/svc` with collaborators `carl` (write) and `rita` (read) and the app's config
 * file, an org-wide `.github` repo, the app installed on both; outsider `oscar` exists.
 * With it come the readers of parsed JSON at a dotted path.
 */
export { at, listAt, START, seededSimulator, textAt } from "../../packages/github-simulator/test/support.js";
