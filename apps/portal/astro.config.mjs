import node from "@astrojs/node";
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "server",
  // Rendered to one string, not streamed: the middleware buffers every page anyway (its
  // ETag, the page cache), and Astro's streaming encodes each of its many small chunks
  // apart, which cost a cache miss ~10 % more CPU (docs/performance.md).
  adapter: node({ mode: "middleware", experimentalDisableStreaming: true }),
  // Public pages ship no JavaScript and no inline styles: the CSP forbids both.
  build: { inlineStylesheets: "never" },
  server: { port: 4321 },
  devToolbar: { enabled: false },
  // Astro's own check compares the Origin header, which browsers send as "null" under
  // the complaint pages' Referrer-Policy: no-referrer. The middleware checks
  // Sec-Fetch-Site first instead (the same rule as the API's, @ita/auth origin.ts).
  security: { checkOrigin: false },
  i18n: undefined,
  vite: {
    // PGlite loads its WASM and extension bundles from its own folder: never bundle it.
    // unpdf: the pdf.js fallback thread imports it by its resolved file URL. sharp: a
    // native addon that finds its platform package at run time.
    ssr: { external: ["@electric-sql/pglite", "@node-rs/argon2", "unpdf", "sharp"] },
    server: { fs: { allow: ["../.."] } },
    // Never inline a script (or anything) into the page: the CSP allows 'self' only.
    build: { assetsInlineLimit: 0 },
  },
});
