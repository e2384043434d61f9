import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The page cache's database parts run on both drivers (@ita/db/testing).
    globalSetup: ["@ita/db/testing/global-setup"],
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
