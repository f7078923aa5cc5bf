// Dtypes by NumPy's names, their sizes, and element read/write in the heap.
//
// Reads and writes of single elements go through whole-heap typed arrays
// that heap.ts rebuilds after every grow, so nothing here ever holds a view
// of a detached buffer. Unaligned addresses (possible through asStrided or
// view(dtype)) fall back to a DataView.

import { DTypeError, OverflowError, ValueError } from "./errors.js";
import { float16BitsToNumber, float64ToBfloat16Bits, float64ToFloat16Bits, bfloat16BitsToNumber } from "./half.js";
import { dv, f32, f64, i16, i32, i64, i8, u16, u32, u64, u8 } from "./memory.js";

/** The 13 dtypes, by NumPy's names. */
export type DType =
  | "bool"
  | "int8"
  | "uint8"
  | "int16"
  | "uint16"
  | "int32"
  | "uint32"
  | "int64"
  | "uint64"
  | "float16"
  | "bfloat16"
  | "float32"
  | "float64";

/** One element as JavaScript sees it: bool → boolean, 64-bit integers → bigint, the rest → number. */
export type Scalar = number | bigint | boolean;

/**
 * The JavaScript value of one element of dtype `D`: `boolean` for bool,
 * `bigint` for int64 and uint64, `number` for the rest (a union when `D` is).
 * @example const x: ScalarOf<"float32"> = 1.5;
 */
export type ScalarOf<D extends DType> = D extends "bool" ? boolean : D extends "int64" | "uint64" ? bigint : number;

/**
 * The runtime's `Float16Array` (Node 24, Chrome 135, Firefox 129, Safari
 * 18.2) where the consumer's `lib` declares it, else `never`: typed from
 * `globalThis` so that projects whose `lib` lacks it still compile.
 */
export type Float16ArrayType = typeof globalThis extends { Float16Array: { prototype: infer P } } ? P : never;

/**
 * The TypedArray `toTypedArray()` returns for each dtype: float16 as a
 * `Float16Array` where the runtime has one, else (and bfloat16 always) the
 * `Uint16Array` of its bit patterns; bool as a `Uint8Array` of 0/1.
 */
export interface TypedArrayByDType {
  bool: Uint8Array;
  int8: Int8Array;
  uint8: Uint8Array;
  int16: Int16Array;
  uint16: Uint16Array;
  int32: Int32Array;
  uint32: Uint32Array;
  int64: BigInt64Array;
  uint64: BigUint64Array;
  float16: Float16ArrayType | Uint16Array;
  bfloat16: Uint16Array;
  float32: Float32Array;
  float64: Float64Array;
}

/** The TypedArray of dtype `D` (see `TypedArrayByDType`). @example const f: TypedArrayOf<"float32"> = new Float32Array(3); */
export type TypedArrayOf<D extends DType = DType> = TypedArrayByDType[D];

/**
 * The runtime's Float16Array constructor, or undefined where there is none
 * (Node 20 and 22). Looked up at each call, so a test can stand one in.
 */
export function float16ArrayClass(): (new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView) | undefined {
  return (globalThis as { Float16Array?: new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView }).Float16Array;
}

/** The TypedArrays `array` accepts, each mapping to its dtype. */
export type TypedArray =
  | Float16ArrayType
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

/** NumPy's dtype kinds: bool, signed and unsigned integer, float. */
export type DTypeKind = "b" | "i" | "u" | "f";

/** What stridewise knows about a dtype. */
export interface DTypeInfo {
  readonly name: DType;
  readonly itemsize: 1 | 2 | 4 | 8;
  /** log2(itemsize): address = index << shift for aligned access. */
  readonly shift: 0 | 1 | 2 | 3;
  readonly kind: DTypeKind;
  /** Smallest and largest value of an integer dtype (bigint for the 64-bit ones). */
  readonly min: number | bigint;
  readonly max: number | bigint;
}

function info(name: DType, itemsize: 1 | 2 | 4 | 8, kind: DTypeKind, min: number | bigint, max: number | bigint): DTypeInfo {
  const shift = (itemsize === 1 ? 0 : itemsize === 2 ? 1 : itemsize === 4 ? 2 : 3) as 0 | 1 | 2 | 3;
  return Object.freeze({ name, itemsize, shift, kind, min, max });
}

/** Every dtype's facts, keyed by name. */
export const DTYPES: Readonly<Record<DType, DTypeInfo>> = Object.freeze({
  bool: info("bool", 1, "b", 0, 1),
  int8: info("int8", 1, "i", -128, 127),
  uint8: info("uint8", 1, "u", 0, 255),
  int16: info("int16", 2, "i", -32768, 32767),
  uint16: info("uint16", 2, "u", 0, 65535),
  int32: info("int32", 4, "i", -2147483648, 2147483647),
  uint32: info("uint32", 4, "u", 0, 4294967295),
  int64: info("int64", 8, "i", -(2n ** 63n), 2n ** 63n - 1n),
  uint64: info("uint64", 8, "u", 0n, 2n ** 64n - 1n),
  float16: info("float16", 2, "f", -65504, 65504),
  bfloat16: info("bfloat16", 2, "f", -3.3895313892515355e38, 3.3895313892515355e38),
  float32: info("float32", 4, "f", -3.4028234663852886e38, 3.4028234663852886e38),
  float64: info("float64", 8, "f", -Number.MAX_VALUE, Number.MAX_VALUE),
});

/** All dtype names, in NumPy's type order (bool, integers by size, floats). */
export const DTYPE_NAMES: readonly DType[] = Object.freeze(Object.keys(DTYPES) as DType[]);

/**
 * Checks a dtype argument and returns it. Only NumPy's canonical names are accepted.
 * @example checkDType("float32") // "float32"; checkDType("f4") throws "data type 'f4' not understood"
 */
export function checkDType(d: unknown): DType {
  if (typeof d === "string" && Object.hasOwn(DTYPES, d)) return d as DType;
  throw new DTypeError(`data type ${typeof d === "string" ? `'${d}'` : String(d)} not understood`);
}

/** Bytes per element. @example itemsize("float16") // 2 */
export function itemsize(d: DType): number {
  return DTYPES[d].itemsize;
}

/**
 * Reads one element at a heap address.
 * @example readElement("float16", addr) // a number
 */
export function readElement(d: DType, addr: number): Scalar {
  switch (d) {
    case "bool":
      return u8[addr] !== 0;
    case "int8":
      return i8[addr]!;
    case "uint8":
      return u8[addr]!;
    case "int16":
      return addr % 2 === 0 ? i16[addr / 2]! : dv.getInt16(addr, true);
    case "uint16":
      return addr % 2 === 0 ? u16[addr / 2]! : dv.getUint16(addr, true);
    case "int32":
      return addr % 4 === 0 ? i32[addr / 4]! : dv.getInt32(addr, true);
    case "uint32":
      return addr % 4 === 0 ? u32[addr / 4]! : dv.getUint32(addr, true);
    case "int64":
      return addr % 8 === 0 ? i64[addr / 8]! : dv.getBigInt64(addr, true);
    case "uint64":
      return addr % 8 === 0 ? u64[addr / 8]! : dv.getBigUint64(addr, true);
    case "float16":
      return float16BitsToNumber(addr % 2 === 0 ? u16[addr / 2]! : dv.getUint16(addr, true));
    case "bfloat16":
      return bfloat16BitsToNumber(addr % 2 === 0 ? u16[addr / 2]! : dv.getUint16(addr, true));
    case "float32":
      return addr % 4 === 0 ? f32[addr / 4]! : dv.getFloat32(addr, true);
    case "float64":
      return addr % 8 === 0 ? f64[addr / 8]! : dv.getFloat64(addr, true);
  }
}

/**
 * Writes one already-converted element (see `toStored`) at a heap address.
 * Integers of up to 32 bits and 16-bit float patterns arrive as numbers,
 * 64-bit integers as bigint, floats as numbers.
 */
export function writeStored(d: DType, addr: number, v: number | bigint): void {
  switch (d) {
    case "bool":
    case "int8":
    case "uint8":
      u8[addr] = v as number;
      return;
    case "int16":
    case "uint16":
    case "float16":
    case "bfloat16":
      if (addr % 2 === 0) u16[addr / 2] = v as number;
      else dv.setUint16(addr, v as number, true);
      return;
    case "int32":
    case "uint32":
      if (addr % 4 === 0) u32[addr / 4] = v as number;
      else dv.setUint32(addr, v as number, true);
      return;
    case "int64":
    case "uint64":
      if (addr % 8 === 0) u64[addr / 8] = v as bigint;
      else dv.setBigUint64(addr, v as bigint, true);
      return;
    case "float32":
      if (addr % 4 === 0) f32[addr / 4] = v as number;
      else dv.setFloat32(addr, v as number, true);
      return;
    case "float64":
      if (addr % 8 === 0) f64[addr / 8] = v as number;
      else dv.setFloat64(addr, v as number, true);
      return;
  }
}

/**
 * Converts a JavaScript scalar to what `writeStored` stores for dtype `d`,
 * with NumPy's rules for assigning a Python scalar into an array element:
 * to bool is truthiness; a non-integer number into an integer dtype is
 * truncated toward zero, then must fit (`OverflowError`); NaN and infinity
 * cannot become integers; floats round to nearest even.
 * @example toStored("int8", 3.7) // 3; toStored("int8", 300) throws "Python integer 300 out of bounds for int8"
 */
export function toStored(d: DType, v: Scalar): number | bigint {
  // Python's truthiness: NaN is true (JavaScript's is false).
  if (d === "bool") return typeof v === "number" ? (v !== 0 ? 1 : 0) : v ? 1 : 0;
  const t = DTYPES[d];
  if (t.kind === "f") {
    const x = typeof v === "number" ? v : Number(v);
    // A Python int beyond the float64 range cannot become a float at all.
    if (typeof v === "bigint" && !Number.isFinite(x)) throw new OverflowError("int too large to convert to float");
    if (d === "float16") return float64ToFloat16Bits(x);
    if (d === "bfloat16") return float64ToBfloat16Bits(x);
    return x;
  }
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "boolean") n = v ? 1n : 0n;
  else {
    if (Number.isNaN(v)) throw new ValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
    const tr = Math.trunc(v);
    if (t.itemsize < 8) {
      if (tr < (t.min as number) || tr > (t.max as number)) throw outOfBounds(BigInt(tr), d);
      return tr;
    }
    n = BigInt(tr);
  }
  if (n < BigInt(t.min) || n > BigInt(t.max)) throw outOfBounds(n, d);
  return t.itemsize < 8 ? Number(n) : d === "int64" ? BigInt.asIntN(64, n) : n;
}

function outOfBounds(n: bigint, d: DType): OverflowError {
  // NumPy first reads a Python int as a C long (int64); uint32 and uint64
  // also accept the unsigned 64-bit range. Past that it fails with CPython's
  // words, otherwise it names the value and the dtype.
  const widest = d === "uint32" || d === "uint64" ? 2n ** 64n - 1n : 2n ** 63n - 1n;
  if (n < -(2n ** 63n) || n > widest) return new OverflowError("Python int too large to convert to C long");
  return new OverflowError(`Python integer ${n} out of bounds for ${d}`);
}

/**
 * Writes a JavaScript scalar into one element, converting with `toStored`.
 * @example writeElement("float16", addr, 0.1)
 */
export function writeElement(d: DType, addr: number, v: Scalar): void {
  writeStored(d, addr, toStored(d, v));
}

/**
 * The dtype NumPy infers for a JavaScript scalar: boolean → bool, bigint →
 * int64 (uint64 above its range), integer-valued number → int64, any other
 * number → float64.
 * @example scalarDType(2) // "int64"; scalarDType(2.5) // "float64"
 */
export function scalarDType(v: Scalar): DType {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "bigint") return v > 2n ** 63n - 1n ? "uint64" : "int64";
  return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? "int64" : "float64";
}
