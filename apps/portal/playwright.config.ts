import { defineE2EConfig } from "@ita/playwright-config";

export default defineE2EConfig({ name: "portal", port: 4411 });
