// One lint configuration for the whole tree: typescript-eslint's recommended rules, with Prettier
// owning layout (eslint-config-prettier turns off every rule it would fight).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "examples/*/node_modules/",
      "examples/*/bin/",
      "model/generated/",
      "**/*.generated.*",
      "sdk/plugin/",
      "sdks/",
      "codegen/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // JSON models and wire bodies are walked untyped on purpose; the validator gives them their types.
      "@typescript-eslint/no-explicit-any": "off",
      // Lazy require() keeps the AWS SDK off the preview path and out of the serialized dynamic provider.
      "@typescript-eslint/no-require-imports": "off",
      // A leading underscore marks a value taken only to leave it out (`{ secret: _s, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The few plain-JS files are CommonJS run by Node (mocha's config and reporter, a bench probe).
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly" },
    },
  },
);
