export * from "./types";
export * from "./validate";
export { compilePattern } from "./pattern";
export { modelOverrides } from "./overrides";
