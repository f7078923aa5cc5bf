import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    // Each worker has its own 4 GiB heap; two cores, two workers.
    maxWorkers: 2,
  },
});
