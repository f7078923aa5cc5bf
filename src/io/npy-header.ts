// The header of NumPy's .npy format: a Python dict literal such as
// {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }, read with
// NumPy's checks and messages, and written exactly as np.save writes it.
//
// bfloat16: NumPy has no bfloat16; ml_dtypes' bfloat16 is saved by np.save
// as descr '<V2'. We read '<V2' and '>V2' as bfloat16 and write bfloat16 as
// '<V2', so files round-trip with ml_dtypes (np.load gives a V2 array there;
// `.view(ml_dtypes.bfloat16)` restores it). '|V2' (a plain void) is refused.

import { DTypeError, ValueError } from "../core/errors.js";
import { DTYPES, type DType } from "../core/dtype.js";

/** What a .npy header says. */
export interface NpyHeader {
  dtype: DType;
  shape: number[];
  fortranOrder: boolean;
  /** The file stores elements big-endian ('>' in descr). */
  bigEndian: boolean;
}

/** The magic string every .npy file starts with, `\x93NUMPY`. */
export const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

// ---------------------------------------------------------------------------
// Reading: a small parser for the Python literals np.save writes.

type PyValue = string | number | bigint | boolean | null | PyValue[] | { tuple: PyValue[] } | Map<string, PyValue>;

class PyLiteralError extends Error {}

/** Parses a Python literal made of dicts, tuples, lists, strings, ints, True/False/None. */
function parsePyLiteral(text: string): PyValue {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new PyLiteralError();
  };
  const value = (depth: number): PyValue => {
    if (depth > 32) fail();
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const m = new Map<string, PyValue>();
      for (;;) {
        ws();
        if (text[i] === "}") {
          i++;
          return m;
        }
        const k = value(depth + 1);
        if (typeof k !== "string") fail();
        ws();
        if (text[i++] !== ":") fail();
        m.set(k as string, value(depth + 1));
        ws();
        if (text[i] === ",") i++;
        else if (text[i] !== "}") fail();
      }
    }
    if (c === "(" || c === "[") {
      const close = c === "(" ? ")" : "]";
      i++;
      const items: PyValue[] = [];
      let commas = 0;
      for (;;) {
        ws();
        if (text[i] === close) {
          i++;
          break;
        }
        items.push(value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          commas++;
        } else if (text[i] !== close) fail();
      }
      if (c === "[") return items;
      // (x) is x, not a tuple; (x,) and () are tuples.
      if (items.length === 1 && commas === 0) return items[0]!;
      return { tuple: items };
    }
    if (c === "'" || c === '"') {
      i++;
      let s = "";
      while (i < text.length && text[i] !== c) {
        if (text[i] === "\\") {
          const e = text[i + 1];
          const esc: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" };
          if (e === undefined || !(e in esc)) fail();
          s += esc[e!];
          i += 2;
        } else s += text[i++];
      }
      if (text[i++] !== c) fail();
      return s;
    }
    const m = /^(-?\d+)L?|^(True|False|None)\b/.exec(text.slice(i, i + 40));
    if (!m) fail();
    i += m![0].length;
    if (m![2] !== undefined) return m![2] === "None" ? null : m![2] === "True";
    const n = Number(m![1]);
    // Python ints have no limit; a shape such as (0, 2**60, 2**60) must reach
    // the size check below with its exact values.
    return Number.isSafeInteger(n) ? n : BigInt(m![1]!);
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail();
  return v;
}

/** Python's repr of a string, near enough for messages. */
function pyRepr(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
}

function reprValue(v: PyValue): string {
  if (typeof v === "string") return pyRepr(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null) return "None";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (Array.isArray(v)) return `[${v.map(reprValue).join(", ")}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${pyRepr(k)}: ${reprValue(x)}`).join(", ")}}`;
  return v.tuple.length === 1 ? `(${reprValue(v.tuple[0]!)},)` : `(${v.tuple.map(reprValue).join(", ")})`;
}

const DESCR_OF: Record<DType, string> = {
  bool: "|b1",
  int8: "|i1",
  uint8: "|u1",
  int16: "<i2",
  uint16: "<u2",
  int32: "<i4",
  uint32: "<u4",
  int64: "<i8",
  uint64: "<u8",
  float16: "<f2",
  bfloat16: "<V2",
  float32: "<f4",
  float64: "<f8",
};

const TYPESTR: Record<string, DType> = {
  b1: "bool",
  i1: "int8",
  u1: "uint8",
  i2: "int16",
  u2: "uint16",
  i4: "int32",
  u4: "uint32",
  i8: "int64",
  u8: "uint64",
  f2: "float16",
  f4: "float32",
  f8: "float64",
};

/** Python's `ast.literal_eval` spelling of "contains an object": any 'O' typestr. */
function hasObject(v: PyValue): boolean {
  if (typeof v === "string") return /^[<>|=]?O\d*$/.test(v);
  if (Array.isArray(v)) return v.some(hasObject);
  if (v !== null && typeof v === "object" && "tuple" in v) return v.tuple.some(hasObject);
  return false;
}

function descrToDType(fn: string, descr: PyValue): { dtype: DType; bigEndian: boolean } {
  if (hasObject(descr)) throw new ValueError(`${fn}: Object arrays cannot be loaded when allow_pickle=False`);
  if (typeof descr !== "string") {
    throw new DTypeError(`${fn}: structured data type ${reprValue(descr)} is not supported`);
  }
  if (Object.hasOwn(DTYPES, descr)) return { dtype: descr as DType, bigEndian: false };
  const m = /^([<>|=]?)([a-zA-Z])(\d+)$/.exec(descr);
  if (m) {
    const [, order, kind, size] = m;
    const bigEndian = order === ">" && size !== "1";
    if (kind === "V" && size === "2" && (order === "<" || order === ">")) return { dtype: "bfloat16", bigEndian };
    const d = TYPESTR[`${kind === "?" ? "b" : kind}${size}`];
    if (d !== undefined) return { dtype: d, bigEndian };
    if (kind === "V" && size === "2") {
      throw new DTypeError(`${fn}: data type ${pyRepr(descr)} is a plain void; bfloat16 files from ml_dtypes use '<V2'`);
    }
  }
  if (descr === "?" || descr === "|?") return { dtype: "bool", bigEndian: false };
  throw new DTypeError(
    `${fn}: data type ${pyRepr(descr)} is not supported (supported: ${Object.values(DESCR_OF).join(" ")}, and '>' byte orders)`,
  );
}

/**
 * Parses the text of a .npy header with NumPy's checks and messages.
 * @example parseNpyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", "load")
 *   // { dtype: "float32", shape: [3], fortranOrder: false, bigEndian: false }
 */
export function parseNpyHeader(text: string, fn = "load"): NpyHeader {
  let d: PyValue;
  try {
    d = parsePyLiteral(text);
  } catch {
    throw new ValueError(`${fn}: Cannot parse header: ${pyRepr(text)}`);
  }
  if (!(d instanceof Map)) throw new ValueError(`${fn}: Header is not a dictionary: ${reprValue(d)}`);
  const keys = [...d.keys()].sort();
  if (keys.length !== 3 || keys[0] !== "descr" || keys[1] !== "fortran_order" || keys[2] !== "shape") {
    throw new ValueError(`${fn}: Header does not contain the correct keys: [${keys.map(pyRepr).join(", ")}]`);
  }
  const shapeV = d.get("shape")!;
  if (
    shapeV === null ||
    typeof shapeV !== "object" ||
    !("tuple" in shapeV) ||
    !shapeV.tuple.every((x) => (typeof x === "number" || typeof x === "bigint") && x >= 0)
  ) {
    throw new ValueError(`${fn}: shape is not valid: ${reprValue(shapeV)}`);
  }
  const fo = d.get("fortran_order")!;
  if (typeof fo !== "boolean") throw new ValueError(`${fn}: fortran_order is not a valid bool: ${reprValue(fo)}`);
  const { dtype, bigEndian } = descrToDType(fn, d.get("descr")!);
  const shape = checkShape(fn, shapeV.tuple as (number | bigint)[], DTYPES[dtype].itemsize);
  return { dtype, shape, fortranOrder: fo, bigEndian };
}

const MAX_INTP = 2n ** 63n - 1n;

/**
 * The shape as numbers, after the checks NumPy makes when it creates the
 * array, in its words: every dimension fits an intp, and the itemsize times
 * the product of the nonzero dimensions fits an intp too. A zero elsewhere
 * does not excuse an overflow, as in NumPy: (0, 2**60, 2**60) is refused.
 */
function checkShape(fn: string, dims: readonly (number | bigint)[], itemsize: number): number[] {
  if (dims.some((x) => BigInt(x) > MAX_INTP)) throw new ValueError(`${fn}: Maximum allowed dimension exceeded`);
  let bytes = BigInt(itemsize);
  for (const x of dims) if (BigInt(x) !== 0n) bytes *= BigInt(x);
  if (bytes > MAX_INTP) {
    throw new ValueError(`${fn}: array is too big; \`arr.size * arr.dtype.itemsize\` is larger than the maximum possible size.`);
  }
  // Only an empty array can get here with a dimension this large; its
  // shape would not survive as JavaScript numbers.
  const big = dims.find((x) => typeof x === "bigint");
  if (big !== undefined) {
    throw new ValueError(`${fn}: dimension ${big} of shape (${dims.join(", ")}) is larger than JavaScript counts exactly (2**53 - 1)`);
  }
  return dims as number[];
}

/**
 * Bytes of an array of `shape`: exact while it is a safe integer, which
 * every array the heap could hold is; larger sizes only need to be refused
 * by the allocator, which a close float does.
 */
export function dataBytes(shape: readonly number[], itemsize: number): number {
  let n = itemsize;
  for (const s of shape) n *= s;
  return n;
}

/** NumPy's repr of a shape tuple: (), (3,), (3, 4). */
// ---------------------------------------------------------------------------
// Writing.

function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * The header np.save writes for this dtype, shape and order (version 1.0
 * unless the header needs 2.0), padded so the data starts on a 64-byte boundary.
 */
export function npyHeader(dtype: DType, shape: readonly number[], fortranOrder: boolean): Uint8Array {
  let dict = `{'descr': '${DESCR_OF[dtype]}', 'fortran_order': ${fortranOrder ? "True" : "False"}, 'shape': ${shapeRepr(shape)}, }`;
  // NumPy leaves room to grow the leading (trailing for F) axis in place.
  if (shape.length > 0) dict += " ".repeat(21 - String(shape[fortranOrder ? shape.length - 1 : 0]).length);
  for (const [major, lenSize] of [
    [1, 2],
    [2, 4],
  ] as const) {
    const hlen = dict.length + 1;
    const pad = 64 - ((8 + lenSize + hlen) % 64);
    const total = hlen + pad;
    if (lenSize === 2 && total > 0xffff) continue;
    const out = new Uint8Array(8 + lenSize + total);
    out.set(MAGIC);
    out[6] = major;
    out[7] = 0;
    if (lenSize === 2) new DataView(out.buffer).setUint16(8, total, true);
    else new DataView(out.buffer).setUint32(8, total, true);
    let p = 8 + lenSize;
    for (let i = 0; i < dict.length; i++) out[p++] = dict.charCodeAt(i);
    out.fill(0x20, p, p + pad);
    out[out.length - 1] = 0x0a;
    return out;
  }
  throw new ValueError(`save: header too long`);
}

