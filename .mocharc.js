// Tests are TypeScript, run through ts-node without type checking (npm test type-checks them with tsc first).
process.env.TS_NODE_TRANSPILE_ONLY = "true";
module.exports = {
  require: ["ts-node/register"],
  extension: ["ts"],
  spec: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/e2e/**/*.test.ts"],
  timeout: 60000,
  reporter: "tests/support/reporter.js",
};
