// The kernel module: one export list for every kernel family.
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
