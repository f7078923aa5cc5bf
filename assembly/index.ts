// The kernel module: one export list for every kernel family. The argument
// order every export follows is in ./abi.ts; the dtype and operation codes
// the dispatching exports switch on are in ./codes.ts (and, generated from
// it, src/generated/codes.ts).
export * from "./heap";
export * from "./fill";
export * from "./cast/index";
export * from "./copy";
export * from "./overlap";
export * from "./random/index";
export * from "./gather";
export * from "./compact";
export * from "./compare";
export * from "./elementwise/index";
export * from "./reduce/index";
