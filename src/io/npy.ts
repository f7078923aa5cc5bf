// NumPy's .npy format: a magic string, a version, a header that is a Python
// dict literal ({'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }),
// then the raw elements in C (or Fortran) order.
//
// Loading reads the header, makes one heap allocation of exactly the data's
// size (failing before any data is read when it cannot fit), streams the
// data into it, and byte-swaps once in place when the file is big-endian.
// A Fortran-order file becomes an F-contiguous array: no reordering.
// Saving writes what np.save writes, byte for byte.
//
// bfloat16: NumPy has no bfloat16; ml_dtypes' bfloat16 is saved by np.save
// as descr '<V2'. We read '<V2' and '>V2' as bfloat16 and write bfloat16 as
// '<V2', so files round-trip with ml_dtypes (np.load gives a V2 array there;
// `.view(ml_dtypes.bfloat16)` restores it). '|V2' (a plain void) is refused.

import { DTypeError, ValueError } from "../core/errors.js";
import { DTYPES, type DType } from "../core/dtype.js";
import { free } from "../core/heap.js";
import * as heap from "../core/memory.js";
import { stridesFor } from "../core/layout.js";
import { NDArray } from "../core/ndarray.js";
import {
  allocateData,
  FileSink,
  MemorySink,
  parseAsync,
  parseSync,
  SyncFileSink,
  type ByteSource,
  type Parser,
  type ReadOptions,
  type Sink,
  type SyncByteSource,
} from "./source.js";

/** Options of `load` and `loadSync`. */
export interface LoadOptions extends ReadOptions {
  /**
   * Longest header accepted, in characters (NumPy's `max_header_size`,
   * default 10000): a guard against hostile files.
   */
  maxHeaderSize?: number;
}

/** What a .npy header says. */
export interface NpyHeader {
  dtype: DType;
  shape: number[];
  fortranOrder: boolean;
  /** The file stores elements big-endian ('>' in descr). */
  bigEndian: boolean;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const MAX_HEADER_SIZE = 10000;

// ---------------------------------------------------------------------------
// The header: a small parser for the Python literals np.save writes.

type PyValue = string | number | boolean | null | PyValue[] | { tuple: PyValue[] } | Map<string, PyValue>;

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
    if (!Number.isSafeInteger(n)) fail();
    return n;
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
  if (typeof v === "number") return String(v);
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
    !shapeV.tuple.every((x) => typeof x === "number" && x >= 0)
  ) {
    throw new ValueError(`${fn}: shape is not valid: ${reprValue(shapeV)}`);
  }
  const fo = d.get("fortran_order")!;
  if (typeof fo !== "boolean") throw new ValueError(`${fn}: fortran_order is not a valid bool: ${reprValue(fo)}`);
  const { dtype, bigEndian } = descrToDType(fn, d.get("descr")!);
  return { dtype, shape: shapeV.tuple as number[], fortranOrder: fo, bigEndian };
}

function decodeLatin1(b: Uint8Array): string {
  // Not TextDecoder("latin1"): WHATWG maps that label to windows-1252.
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** Bytes of an array of `shape`, or a ValueError when it exceeds what JavaScript can count exactly. */
export function dataBytes(fn: string, shape: readonly number[], itemsize: number): number {
  let n = itemsize;
  for (const s of shape) n *= s;
  if (!Number.isSafeInteger(n)) throw new ValueError(`${fn}: array of shape (${shape.join(", ")}) is too large (${n} bytes)`);
  return n;
}

/**
 * Reverses the bytes of `count` elements of `itemsize` bytes at `ptr`
 * (aligned to the itemsize), in place.
 */
export function byteswap(ptr: number, count: number, itemsize: number): void {
  const buf = heap.u8.buffer;
  if (itemsize === 2) {
    const a = new Uint16Array(buf, ptr, count);
    for (let i = 0; i < count; i++) {
      const x = a[i]!;
      a[i] = ((x & 0xff) << 8) | (x >>> 8);
    }
  } else if (itemsize === 4 || itemsize === 8) {
    const words = count * (itemsize / 4);
    const a = new Uint32Array(buf, ptr, words);
    for (let i = 0; i < words; i++) {
      const x = a[i]!;
      a[i] = ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
    }
    if (itemsize === 8) {
      for (let i = 0; i < words; i += 2) {
        const lo = a[i]!;
        a[i] = a[i + 1]!;
        a[i + 1] = lo;
      }
    }
  }
}

/** The .npy parser shared by every source (and by .npz entries). */
export function* npyParser(fn: string, opts: LoadOptions = {}): Parser<NDArray> {
  const magic = (yield { kind: "bytes", n: 8, what: "magic string" }) as Uint8Array;
  if (!MAGIC.every((b, i) => magic[i] === b)) {
    const got = [...magic.subarray(0, 6)].map((b) => (b >= 32 && b < 127 && b !== 92 && b !== 39 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`)).join("");
    throw new ValueError(`${fn}: the magic string is not correct; expected b'\\x93NUMPY', got b'${got}'`);
  }
  const major = magic[6]!;
  const minor = magic[7]!;
  if (minor !== 0 || major < 1 || major > 3) {
    throw new ValueError(`${fn}: we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`);
  }
  const lenSize = major === 1 ? 2 : 4;
  const lb = (yield { kind: "bytes", n: lenSize, what: "array header length" }) as Uint8Array;
  const hlen = major === 1 ? lb[0]! | (lb[1]! << 8) : (lb[0]! | (lb[1]! << 8) | (lb[2]! << 16) | (lb[3]! << 24)) >>> 0;
  const maxHeader = opts.maxHeaderSize ?? MAX_HEADER_SIZE;
  // Checked on the byte count before reading, so a hostile length costs nothing.
  if (hlen > maxHeader * (major === 3 ? 4 : 1)) {
    throw new ValueError(
      `${fn}: Header info length (${hlen}) is large and may not be safe to load securely. ` +
        `To allow loading, adjust \`maxHeaderSize\`.`,
    );
  }
  const hb = (yield { kind: "bytes", n: hlen, what: "array header" }) as Uint8Array;
  let text: string;
  if (major === 3) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(hb);
    } catch {
      throw new ValueError(`${fn}: the array header is not valid UTF-8`);
    }
  } else text = decodeLatin1(hb);
  if (text.length > maxHeader) {
    throw new ValueError(
      `${fn}: Header info length (${text.length}) is large and may not be safe to load securely. ` +
        `To allow loading, adjust \`maxHeaderSize\`.`,
    );
  }
  const h = parseNpyHeader(text, fn);
  const itemsize = DTYPES[h.dtype].itemsize;
  const nbytes = dataBytes(fn, h.shape, itemsize);
  yield { kind: "total", n: 8 + lenSize + hlen + nbytes };
  const mem = allocateData(fn, nbytes, h.shape, h.dtype);
  try {
    yield { kind: "heap", ptr: mem.ptr, n: nbytes, what: "array data" };
    if (h.bigEndian && itemsize > 1) byteswap(mem.ptr, nbytes / itemsize, itemsize);
  } catch (e) {
    free(mem);
    throw e;
  }
  return new NDArray(mem, h.dtype, h.shape, stridesFor(h.shape, itemsize, h.fortranOrder ? "F" : "C"), 0, null, true);
}

/**
 * Loads a .npy file into one new heap allocation: from a path (Node,
 * streamed in chunks), bytes, a Blob or File, a fetch Response or a
 * ReadableStream. Versions 1.0, 2.0 and 3.0; every stridewise dtype in
 * either byte order; Fortran-order files load F-contiguous without
 * reordering. Object (pickle) arrays are refused.
 * @example
 * const E = await load("embeddings.npy", { onProgress: (n, total) => console.log(n / total) });
 * @throws ValueError for a malformed or truncated file, DTypeError for an
 *   unsupported dtype, MemoryError (before reading the data) when it cannot fit.
 */
export function load(source: ByteSource, opts: LoadOptions = {}): Promise<NDArray> {
  return parseAsync("load", source, opts, npyParser("load", opts));
}

/**
 * `load`, synchronously, from a path (Node; read straight into the heap)
 * or bytes in memory.
 * @example const E = loadSync("embeddings.npy");
 */
export function loadSync(source: SyncByteSource, opts: LoadOptions = {}): NDArray {
  return parseSync("loadSync", source, opts, npyParser("loadSync", opts));
}

// ---------------------------------------------------------------------------
// Saving.

/** NumPy's repr of a shape tuple: (), (3,), (3, 4). */
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

/**
 * Calls `body(array, fortranOrder)` with a contiguous version of `a`: `a`
 * itself when C- or F-contiguous (F only when not also C, as NumPy), else
 * a temporary C-order copy, disposed afterwards.
 */
export async function withContiguous<T>(fn: string, a: NDArray, body: (c: NDArray, fortran: boolean) => Promise<T> | T): Promise<T> {
  a.address(fn);
  if (a.isC) return body(a, false);
  if (a.isF) return body(a, true);
  const c = a.copy("C");
  try {
    return await body(c, false);
  } finally {
    c.dispose();
  }
}

async function writeNpy(fn: string, sink: Sink, a: NDArray, fortran: boolean): Promise<void> {
  await sink.write(npyHeader(a.dtype, a.shape, fortran));
  await sink.writeHeap(a.address(fn), a.nbytes);
}

/**
 * The .npy file for `a`, as bytes (what np.save writes, byte for byte).
 * @example new Blob([toNpy(a)]) // for a download link
 */
export function toNpy(a: NDArray): Uint8Array {
  a.address("toNpy");
  let c = a;
  let fortran = false;
  if (!a.isC) {
    if (a.isF) fortran = true;
    else c = a.copy("C");
  }
  try {
    const header = npyHeader(c.dtype, c.shape, fortran);
    const sink = new MemorySink(header.length + c.nbytes);
    sink.writeNow(header);
    sink.writeHeapNow(c.address("toNpy"), c.nbytes);
    return sink.out;
  } finally {
    if (c !== a) c.dispose();
  }
}

/**
 * Writes `a` to a .npy file (Node), streamed from the heap in chunks.
 * @example await save("out.npy", a); // np.load("out.npy") reads it back identically
 */
export async function save(file: string | URL, a: NDArray): Promise<void> {
  await withContiguous("save", a, async (c, fortran) => {
    const sink = await FileSink.open("save", file);
    try {
      await writeNpy("save", sink, c, fortran);
    } finally {
      await sink.close();
    }
  });
}

/**
 * `save`, synchronously, straight from the heap (Node).
 * @example saveSync("out.npy", a);
 */
export function saveSync(file: string | URL, a: NDArray): void {
  a.address("saveSync");
  let c = a;
  let fortran = false;
  if (!a.isC) {
    if (a.isF) fortran = true;
    else c = a.copy("C");
  }
  try {
    const sink = SyncFileSink.open("saveSync", file);
    try {
      sink.writeNow(npyHeader(c.dtype, c.shape, fortran));
      sink.writeHeapNow(c.address("saveSync"), c.nbytes);
    } finally {
      sink.close();
    }
  } finally {
    if (c !== a) c.dispose();
  }
}
