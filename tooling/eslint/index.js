import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Shared flat config for every package: recommended JS + TypeScript rules.
 * Svelte and Astro files are checked by svelte-check / astro check (typecheck task).
 */
export default tseslint.config(
  { ignores: ["**/dist/**", "**/build/**", "**/.svelte-kit/**", "**/.astro/**", "**/drizzle/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
      ],
    },
  },
);
