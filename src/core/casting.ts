// NumPy 2's dtype rules: which casts each casting mode allows, which dtype
// two dtypes promote to, and the result dtype of a mixed operation with
// NEP 50's weak scalars (a JavaScript number or bigint adapts to the
// array's dtype instead of forcing int64/float64).
//
// The tables are NumPy 2.4.6's with ml_dtypes 0.6's bfloat16, as recorded
// by scripts/fixtures_astype.py (test/casting.test.ts compares every cell).
// They are data rather than derived rules because bfloat16 does not follow
// the rules of NumPy's own dtypes: it promotes with no integer wider than
// 8 bits, not with float16, and bfloat16 -> float16 is not even same_kind.

import { DTypeError, ValueError } from "./errors.js";
import { DTYPE_NAMES, checkDType, type DType } from "./dtype.js";
import { NDArray } from "./ndarray.js";

/** NumPy's casting modes, from strictest to anything-goes. */
export type Casting = "no" | "equiv" | "safe" | "same_kind" | "unsafe";

const CASTINGS: readonly Casting[] = ["no", "equiv", "safe", "same_kind", "unsafe"];

/** Position of each dtype in DTYPE_NAMES (the tables' row and column order). */
const INDEX: Readonly<Record<DType, number>> = Object.fromEntries(DTYPE_NAMES.map((d, i) => [d, i])) as Record<DType, number>;

// Rows: from; columns: to, in DTYPE_NAMES order
// (bool int8 uint8 int16 uint16 int32 uint32 int64 uint64 float16 bfloat16 float32 float64).
const SAFE = [
  "1111111111111", // bool
  "0101010101111", // int8
  "0011111111111", // uint8
  "0001010100011", // int16
  "0000111110011", // uint16
  "0000010100001", // int32
  "0000001110001", // uint32
  "0000000100001", // int64
  "0000000010001", // uint64
  "0000000001011", // float16
  "0000000000111", // bfloat16
  "0000000000011", // float32
  "0000000000001", // float64
];
const SAME_KIND = [
  "1111111111111", // bool
  "0101010101111", // int8
  "0111111111111", // uint8
  "0101010101111", // int16
  "0111111111111", // uint16
  "0101010101111", // int32
  "0111111111111", // uint32
  "0101010101111", // int64
  "0111111111111", // uint64
  "0000000001111", // float16
  "0000000000111", // bfloat16: not to float16
  "0000000001111", // float32
  "0000000001111", // float64
];

// promote_types, as one character per cell naming DTYPE_NAMES[i] by the
// i-th character of CODES; "-" where NumPy raises DTypePromotionError.
const CODES = "0123456789abc";
const PROMOTE = [
  "0123456789abc", // bool
  "11335577c9abc", // int8
  "2323456789abc", // uint8
  "33335577cb-bc", // int16
  "454545678b-bc", // uint16
  "55555577cc-cc", // int32
  "676767678c-cc", // uint32
  "77777777cc-cc", // int64
  "8c8c8c8c8c-cc", // uint64
  "999bbcccc9-bc", // float16
  "aaa-------abc", // bfloat16
  "bbbbbccccbbbc", // float32
  "ccccccccccccc", // float64
];

/**
 * NumPy's `can_cast(from, to, casting)`: whether `astype(to, { casting })`
 * is allowed. `from` may be an array (its dtype is used; values never matter
 * in NumPy 2).
 * @example canCast("int8", "float16") // true
 * @example canCast("float64", "int8", "same_kind") // false
 */
export function canCast(from: DType | NDArray, to: DType, casting: Casting = "safe"): boolean {
  const a = INDEX[from instanceof NDArray ? from.dtype : checkDType(from)];
  const b = INDEX[checkDType(to)];
  switch (checkCasting(casting)) {
    case "no":
    case "equiv":
      return a === b;
    case "safe":
      return SAFE[a]![b] === "1";
    case "same_kind":
      return SAME_KIND[a]![b] === "1";
    case "unsafe":
      return true;
  }
}

/** Checks a casting-mode argument, NumPy's ValueError otherwise. */
export function checkCasting(casting: unknown): Casting {
  if (typeof casting === "string" && (CASTINGS as readonly string[]).includes(casting)) return casting as Casting;
  throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got ${String(casting)})`);
}

/** How NumPy prints a dtype in messages: `dtype('int8')`, but `dtype(bfloat16)` for the ml_dtypes type. */
export function dtypeRepr(d: DType): string {
  return d === "bfloat16" ? "dtype(bfloat16)" : `dtype('${d}')`;
}

/** The error `astype` raises when `casting` forbids from -> to, in NumPy's words. */
export function castingError(from: DType, to: DType, casting: Casting): DTypeError {
  return new DTypeError(`Cannot cast array data from ${dtypeRepr(from)} to ${dtypeRepr(to)} according to the rule '${casting}'`);
}

const DTYPE_CLASS: Readonly<Record<DType, string>> = {
  bool: "numpy.dtypes.BoolDType",
  int8: "numpy.dtypes.Int8DType",
  uint8: "numpy.dtypes.UInt8DType",
  int16: "numpy.dtypes.Int16DType",
  uint16: "numpy.dtypes.UInt16DType",
  int32: "numpy.dtypes.Int32DType",
  uint32: "numpy.dtypes.UInt32DType",
  int64: "numpy.dtypes.Int64DType",
  uint64: "numpy.dtypes.UInt64DType",
  float16: "numpy.dtypes.Float16DType",
  bfloat16: "numpy.dtype[bfloat16]",
  float32: "numpy.dtypes.Float32DType",
  float64: "numpy.dtypes.Float64DType",
};

/**
 * NumPy's `promote_types(a, b)`: the smallest dtype both cast to safely,
 * by NumPy 2's table (int64 with uint64 gives float64). Raises DTypeError
 * (NumPy's DTypePromotionError) where NumPy has no common dtype: bfloat16
 * with float16 or any integer wider than 8 bits.
 * @example promoteTypes("int8", "uint8") // "int16"
 * @example promoteTypes("int64", "uint64") // "float64"
 */
export function promoteTypes(a: DType, b: DType): DType {
  const i = INDEX[checkDType(a)];
  const j = INDEX[checkDType(b)];
  const c = PROMOTE[i]![j]!;
  if (c === "-") {
    throw new DTypeError(
      `The DTypes <class '${DTYPE_CLASS[a]}'> and <class '${DTYPE_CLASS[b]}'> do not have a common DType. ` +
        "For example they cannot be stored in a single array unless the dtype is `object`.",
    );
  }
  return DTYPE_NAMES[CODES.indexOf(c)]!;
}

/** What `resultType` takes: dtypes and arrays are strong; JS numbers and bigints are weak scalars. */
export type ResultTypeArg = DType | NDArray | number | bigint | boolean;

/**
 * NumPy 2's `result_type` under NEP 50. Dtypes and arrays (0-d included)
 * are strong and promote with `promoteTypes`. JavaScript scalars are weak,
 * like Python's: an integer-valued number or a bigint is a Python int and
 * takes the strong dtype (int64 if there is none, or only bool); any other
 * number is a Python float and takes a float dtype (float64 for integer or
 * bool dtypes — and for bfloat16, as NumPy with ml_dtypes answers). A
 * boolean is NumPy's bool. Values are not checked here: as in NumPy,
 * `uint8 + 300` gets uint8 here and the operation then raises
 * OverflowError when 300 is stored as uint8 (see `toStored`).
 * @example resultType("int8", 1) // "int8"
 * @example resultType("int8", 1.5) // "float64"
 * @example resultType("float16", 1.5) // "float16"
 * @example resultType(1, 2.5) // "float64"
 */
export function resultType(...args: ResultTypeArg[]): DType {
  if (args.length === 0) throw new ValueError("at least one array or dtype is required");
  let strong: DType | null = null;
  let weakInt = false;
  let weakFloat = false;
  for (const x of args) {
    let d: DType;
    if (x instanceof NDArray) d = x.dtype;
    else if (typeof x === "boolean") d = "bool";
    else if (typeof x === "bigint") {
      weakInt = true;
      continue;
    } else if (typeof x === "number") {
      // Integer-valued numbers are Python ints, as scalarDType and array() decide.
      if (Number.isInteger(x) && Math.abs(x) < 2 ** 63) weakInt = true;
      else weakFloat = true;
      continue;
    } else d = checkDType(x);
    strong = strong === null ? d : promoteTypes(strong, d);
  }
  if (strong === null) return weakFloat ? "float64" : "int64";
  if (weakFloat) return strong === "float16" || strong === "float32" || strong === "float64" ? strong : "float64";
  if (weakInt && strong === "bool") return "int64";
  return strong;
}
