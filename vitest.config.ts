import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Most of the suite waits on moto servers and CLI processes: two files at a time keep two cores busy
    // (the default on a two-core machine is one).
    maxWorkers: 2,
    globalSetup: ["test/support/global-setup.ts"],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    reporters: ["default", "./test/support/closing-line-reporter.ts"],
  },
});
