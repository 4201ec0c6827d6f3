import { CONFIG_PATH } from "../config/config-file-name.js";
import type { Octokit } from "./client.js";

/** The text of a repository's `.github/incident.yml`, or null when it has none. */
export async function readConfigText(octokit: Octokit, owner: string, repo: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: CONFIG_PATH });
    if (!("content" in data) || typeof data.content !== "string") return null;
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}
