import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const stub = (file: string) => fileURLToPath(new URL(`./src/test/${file}`, import.meta.url));

// Component tests mount Svelte components in happy-dom; SvelteKit's plugin is not needed:
// pages get their `data` as a prop, and the few $app modules they use are stubbed.
export default defineConfig({
  plugins: [svelte()],
  resolve: {
    conditions: ["browser"],
    alias: {
      "$app/navigation": stub("app-navigation.ts"),
      "$app/paths": stub("app-paths.ts"),
      "$app/state": stub("app-state.svelte.ts"),
    },
  },
  test: { environment: "happy-dom", include: ["src/**/*.test.ts"] },
});
