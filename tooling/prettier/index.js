import { createRequire } from "node:module";

// Plugins are resolved from this package, so every workspace formats .svelte and .astro
// files the same way without depending on the plugins itself.
const require = createRequire(import.meta.url);

/** @type {import("prettier").Config} */
export default {
  printWidth: 100,
  singleQuote: false,
  trailingComma: "all",
  plugins: [require.resolve("prettier-plugin-svelte"), require.resolve("prettier-plugin-astro")],
  overrides: [
    { files: "*.svelte", options: { parser: "svelte" } },
    { files: "*.astro", options: { parser: "astro" } },
  ],
};
