// The codes the kernels dispatch on: dtypes, operations, generators.
//
// This file is the one source of truth for them. scripts/embed-wasm.mjs
// turns every enum below into a frozen object in src/generated/codes.ts
// (`DType` -> `DTYPE_CODE`, `Binary` -> `BINARY_CODE`, …), so the façade
// names a code as `DTYPE_CODE.float32` and can never disagree with the
// `switch` that receives it. Member names are NumPy's. Values are
// explicit and dense from 0 (a `switch` over them compiles to one
// br_table). Add a member here, rebuild, and both sides have it.

/** Element types, in the order of src/dtype.ts DTYPES (a test checks it). */
export enum DType {
  bool = 0,
  int8 = 1,
  uint8 = 2,
  int16 = 3,
  uint16 = 4,
  int32 = 5,
  uint32 = 6,
  int64 = 7,
  uint64 = 8,
  float16 = 9,
  bfloat16 = 10,
  float32 = 11,
  float64 = 12,
}

/** Binary ufuncs with a kernel (assembly/elementwise). */
export enum Binary {
  add = 0,
  subtract = 1,
  multiply = 2,
  divide = 3,
  floor_divide = 4,
  remainder = 5,
  power = 6,
  maximum = 7,
  minimum = 8,
}

/** Unary ufuncs with a kernel (assembly/elementwise). */
export enum Unary {
  negative = 0,
  absolute = 1,
  sqrt = 2,
  square = 3,
  exp = 4,
  log = 5,
  log1p = 6,
  expm1 = 7,
  sin = 8,
  cos = 9,
  tanh = 10,
  sign = 11,
  floor = 12,
  ceil = 13,
  rint = 14,
  isnan = 15,
  isfinite = 16,
}

/** Comparisons into bool (assembly/compare.ts). */
export enum Compare {
  equal = 0,
  not_equal = 1,
  less = 2,
  less_equal = 3,
  greater = 4,
  greater_equal = 5,
}

/** Logical operations on truth bytes (assembly/compare.ts). */
export enum Logical {
  logical_and = 0,
  logical_or = 1,
  logical_xor = 2,
  logical_not = 3,
}

/** Reductions to one value per output element (assembly/reduce). */
export enum Reduce {
  sum = 0,
  prod = 1,
  max = 2,
  min = 3,
}

/** Index-of-extreme reductions over contiguous rows (assembly/reduce). */
export enum ArgReduce {
  argmax = 0,
  argmin = 1,
}

/** Running reductions over contiguous rows (assembly/reduce). */
export enum Accumulate {
  cumsum = 0,
  cumprod = 1,
}

/** Bit generators (assembly/random): the layout of the state at `st`. */
export enum Generator {
  mt19937 = 0,
  pcg64 = 1,
}
