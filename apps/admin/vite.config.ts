import adapter from "@sveltejs/adapter-static";
import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

// SvelteKit 3 reads its options here (svelte.config.js is gone). The admin is a
// single-page app served by the portal process under /admin (see docs/adr/0001).
export default defineConfig({
  plugins: [
    sveltekit({
      // precompress: a .br and .gz beside each file, which sirv sends (docs/adr/0016).
      adapter: adapter({ fallback: "index.html", precompress: true }),
      paths: { base: "/admin" },
    }),
  ],
  server: {
    port: 5173,
    // During `pnpm dev` the API lives in the portal's dev server.
    proxy: { "/api": "http://localhost:4321" },
  },
});
