import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Shared flat config for every package: recommended JS + TypeScript rules, and the
 * Svelte and Astro plugins' recommended rules for `.svelte` / `.astro` files (their
 * `<script>` blocks are read with the TypeScript parser, so the same rules hold there).
 */
export default tseslint.config(
  { ignores: ["**/dist/**", "**/build/**", "**/.svelte-kit/**", "**/.astro/**", "**/drizzle/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  ...astro.configs.recommended,
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: [".svelte"] },
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read environment variables through the package's env module.",
        },
        {
          // `: PageLoad` widens a page's data to Record<string, any>: pages and their tests
          // would read the API's answers untyped.
          selector:
            "VariableDeclarator[id.name='load'] > Identifier > TSTypeAnnotation TSTypeReference[typeName.name=/^(Page|Layout)Load$/]",
          message:
            "Write `export const load = (async (event) => { … }) satisfies PageLoad;` so the page's data keeps the API's types.",
        },
      ],
    },
  },
);
