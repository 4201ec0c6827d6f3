import { WebClient } from "@slack/web-api";

/**
 * The WebClient the war room uses. Its own retries are off and rate limits are
 * rejected at once, because `callSlack` owns waiting and bounds it.
 * The token comes from the caller (the environment), never from the repository.
 */
export function createSlackWebClient(
  token: string,
  options: { apiUrl?: string; timeoutMs?: number } = {},
): WebClient {
  return new WebClient(token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
  });
}
