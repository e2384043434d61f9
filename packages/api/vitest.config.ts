import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["../db/src/testing/global-setup.ts"],
    hookTimeout: 60_000,
    testTimeout: 30_000,
    // Tests never touch the checkout's real complaint keyring (.data/); a fixed key for
    // authenticator secrets (servers make their own: docs/adr/0011).
    env: {
      COMPLAINT_KEYRING_FILE: join(tmpdir(), `ita-test-complaint-keyring-${process.pid}.json`),
      TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    },
  },
});
