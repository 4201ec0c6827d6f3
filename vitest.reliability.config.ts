import { defineConfig } from "vitest/config";

/** `npm run test:reliability`: duplicates, concurrency, faults, hostile input, replicas (test/reliability/). */
export default defineConfig({
  test: {
    include: ["test/reliability/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
