import { defineE2EConfig } from "@ita/playwright-config";

// The admin is served by the portal process under /admin (docs/adr/0001).
export default defineE2EConfig({ name: "admin", port: 4412 });
