import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    // The slow reliability runs (whole incidents replayed under faults) run with `npm run test:reliability`.
    exclude: ["**/node_modules/**", "test/reliability/**/*.slow.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
