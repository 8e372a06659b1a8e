// ESLint with typescript-eslint: the recommended rules, type-aware, over the whole tree.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "**/.venv/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { project: "./tsconfig.test.json", tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a value deliberately left unused (destructuring away a field, an ignored parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Checks are pure functions of the inventory: no SDK, no I/O, and the data only through the evaluation context.
    files: ["checks/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@aws-sdk/*", "@smithy/*", "node:*"], message: "Checks are pure: no SDK and no I/O." },
            {
              group: [
                "**/src/services/index.js",
                "**/src/services/*/index.js",
                "**/src/gate.js",
                "**/src/engine.js",
                "**/src/collect/**",
                "**/src/aws/**",
              ],
              message: "Checks read the inventory through their evaluation context (read, unusable), not the registry or collectors.",
            },
          ],
        },
      ],
    },
  },
  {
    // Test matchers (expect.any, expect.objectContaining) and parsed JSON fixtures are typed `any` by design.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  // The HTML report's script runs in the browser that opens the page.
  { files: ["reports/html/client.js"], languageOptions: { globals: globals.browser } },
);
