// NumPy's .npy format: a magic string, a version, a header (npy-header.ts),
// then the raw elements in C (or Fortran) order.
//
// Loading reads the header, makes one heap allocation of exactly the data's
// size (failing before any data is read when it cannot fit), streams the
// data into it, and byte-swaps once in place when the file is big-endian.
// A Fortran-order file becomes an F-contiguous array: no reordering.
// Saving writes what np.save writes, byte for byte.

import { ValueError } from "../core/errors.js";
import { DTYPES } from "../core/dtype.js";
import { free } from "../core/heap.js";
import * as heap from "../core/memory.js";
import { stridesFor } from "../core/layout.js";
import { NDArray } from "../core/ndarray.js";
import { allocateData, parseAsync, parseSync, type Parser } from "./driver.js";
import { dataBytes, MAGIC, npyHeader, parseNpyHeader } from "./npy-header.js";
import { FileSink, MemorySink, SyncFileSink, type Sink } from "./sink.js";
import type { ByteSource, ReadOptions, SyncByteSource } from "./source.js";

export { npyHeader, parseNpyHeader, type NpyHeader } from "./npy-header.js";

/** Options of `load` and `loadSync`. */
export interface LoadOptions extends ReadOptions {
  /**
   * Longest header accepted, in characters (NumPy's `max_header_size`,
   * default 10000): a guard against hostile files.
   */
  maxHeaderSize?: number;
}

const MAX_HEADER_SIZE = 10000;

function decodeLatin1(b: Uint8Array): string {
  // Not TextDecoder("latin1"): WHATWG maps that label to windows-1252.
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
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

/**
 * The .npy parser shared by every source (and by .npz entries).
 * `checkSize(bytes)`, when given, sees the file's whole size as its header
 * implies it, before anything is allocated or read past the header (a zip
 * entry compares it with the size it declares).
 */
export function* npyParser(fn: string, opts: LoadOptions = {}, checkSize?: (bytes: number) => void): Parser<NDArray> {
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
  const nbytes = dataBytes(h.shape, itemsize);
  checkSize?.(8 + lenSize + hlen + nbytes);
  yield { kind: "total", n: 8 + lenSize + hlen + nbytes };
  const mem = allocateData(fn, nbytes, h.shape, h.dtype);
  try {
    yield { kind: "heap", ptr: mem.ptr, n: nbytes, what: "array data" };
    if (h.bigEndian && itemsize > 1) byteswap(mem.ptr, nbytes / itemsize, itemsize);
  } catch (e) {
    free(mem);
    throw e;
  }
  // np.load reads the data as a new 1-d array, then gives it the file's
  // shape: an empty 1-d array keeps a new array's stride 0, any other shape
  // gets the reshape's strides (test/fixtures/io/strides.json).
  const strides = h.shape.length === 1 && h.shape[0] === 0 ? [0] : stridesFor(h.shape, itemsize, h.fortranOrder ? "F" : "C");
  return new NDArray(mem, h.dtype, h.shape, strides, 0, null, true);
}

/**
 * Loads a .npy file (only: `load` also takes .npz) into one new heap
 * allocation, from a path (Node, streamed in chunks), bytes, a Blob or
 * File, a fetch Response or a ReadableStream. Versions 1.0, 2.0 and 3.0;
 * every stridewise dtype in either byte order; Fortran-order files load
 * F-contiguous without reordering. Object (pickle) arrays are refused.
 * @example
 * const E = await loadNpy("embeddings.npy", { onProgress: (n, total) => console.log(n / total) });
 * @throws ValueError for a malformed or truncated file, DTypeError for an
 *   unsupported dtype, MemoryError (before reading the data) when it cannot fit.
 */
export function loadNpy(source: ByteSource, opts: LoadOptions = {}): Promise<NDArray> {
  return parseAsync("loadNpy", source, opts, npyParser("loadNpy", opts));
}

/**
 * `loadNpy`, synchronously, from a path (Node; read straight into the heap)
 * or bytes in memory.
 * @example const E = loadNpySync("embeddings.npy");
 */
export function loadNpySync(source: SyncByteSource, opts: LoadOptions = {}): NDArray {
  return parseSync("loadNpySync", source, opts, npyParser("loadNpySync", opts));
}

// ---------------------------------------------------------------------------
// Saving.

/**
 * @internal `a` in an order .npy can hold: itself when C- or F-contiguous
 * (F written with `fortran_order: True`, as np.save does), else a C copy
 * the caller disposes (`owned`).
 */
export function npyLayout(fn: string, a: NDArray): { c: NDArray; fortran: boolean; owned: boolean } {
  a.address(fn);
  if (a.isC) return { c: a, fortran: false, owned: false };
  if (a.isF) return { c: a, fortran: true, owned: false };
  return { c: a.copy("C"), fortran: false, owned: true };
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
  const { c, fortran, owned } = npyLayout("toNpy", a);
  try {
    const header = npyHeader(c.dtype, c.shape, fortran);
    const sink = new MemorySink(header.length + c.nbytes);
    sink.writeNow(header);
    sink.writeHeapNow(c.address("toNpy"), c.nbytes);
    return sink.out;
  } finally {
    if (owned) c.dispose();
  }
}

/**
 * Writes `a` to a .npy file (Node), streamed from the heap in chunks.
 * @example await save("out.npy", a); // np.load("out.npy") reads it back identically
 */
export async function save(file: string | URL, a: NDArray): Promise<void> {
  const { c, fortran, owned } = npyLayout("save", a);
  try {
    const sink = await FileSink.open("save", file);
    try {
      await writeNpy("save", sink, c, fortran);
    } finally {
      await sink.close();
    }
  } finally {
    if (owned) c.dispose();
  }
}

/**
 * `save`, synchronously, straight from the heap (Node).
 * @example saveSync("out.npy", a);
 */
export function saveSync(file: string | URL, a: NDArray): void {
  const { c, fortran, owned } = npyLayout("saveSync", a);
  try {
    const sink = SyncFileSink.open("saveSync", file);
    try {
      sink.writeNow(npyHeader(c.dtype, c.shape, fortran));
      sink.writeHeapNow(c.address("saveSync"), c.nbytes);
    } finally {
      sink.close();
    }
  } finally {
    if (owned) c.dispose();
  }
}
