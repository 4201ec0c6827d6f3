import type { IncomingMessage, ServerResponse } from "node:http";
import type { AlertAnswer } from "../pipelines/receive-alerts.js";
import type { PageBackRequest } from "../pipelines/receive-page-back.js";
import { ALERT_BODY_LIMIT, answer, readLimited } from "./alert-endpoint.js";

/** `POST /paging/pagerduty` and `/paging/opsgenie`: acknowledgements and resolutions back to the incident. */
export const PAGERDUTY_WEBHOOK_PATH = "/paging/pagerduty";
export const OPSGENIE_WEBHOOK_PATH = "/paging/opsgenie";

type Receive = (request: PageBackRequest) => Promise<AlertAnswer>;

export function pagingEndpoint(receivers: { pagerduty: Receive; opsgenie: Receive }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const receive =
      path === PAGERDUTY_WEBHOOK_PATH
        ? receivers.pagerduty
        : path === OPSGENIE_WEBHOOK_PATH
          ? receivers.opsgenie
          : null;
    if (!receive) return false;
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      answer(res, { status: 405, body: { error: "paging webhooks are sent with POST" } });
      return true;
    }
    const body = await readLimited(req, ALERT_BODY_LIMIT);
    if (body === null) {
      answer(res, { status: 413, body: { error: `the body is larger than ${ALERT_BODY_LIMIT} bytes` } });
      return true;
    }
    answer(res, await receive({ body, headers: req.headers }));
    return true;
  };
}
