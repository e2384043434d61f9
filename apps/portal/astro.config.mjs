import node from "@astrojs/node";
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "server",
  adapter: node({ mode: "middleware" }),
  // Public pages ship no JavaScript and no inline styles: the CSP forbids both.
  build: { inlineStylesheets: "never" },
  server: { port: 4321 },
  devToolbar: { enabled: false },
  i18n: undefined,
  vite: {
    // PGlite loads its WASM and extension bundles from its own folder: never bundle it.
    ssr: { external: ["@electric-sql/pglite", "@node-rs/argon2"] },
    server: { fs: { allow: ["../.."] } },
  },
});
