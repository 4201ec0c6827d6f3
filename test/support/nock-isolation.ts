import nock from "nock";
import { afterEach, beforeEach } from "vitest";
import { clearConfigCache } from "../../src/config/config-cache.js";
import { forgetCheckedLabels } from "../../src/pipelines/ensure-labels.js";

/**
 * For `probot.receive` tests with GitHub in nock: no real network, no interceptor
 * or process-wide cache (config, labels already checked) left from the test before.
 */
export function isolateNock(): void {
  beforeEach(() => {
    nock.disableNetConnect();
    clearConfigCache();
    forgetCheckedLabels();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}
