// NumPy's .npz: a zip archive of .npy files, stored (np.savez) or deflated
// (np.savez_compressed).
//
// Reading walks the archive front to back through its local file headers,
// so every source works, streams included, and no entry is buffered: a
// stored entry's bytes go straight from the source into its array's heap
// allocation; a deflated entry is inflated by the platform's
// DecompressionStream("deflate-raw") and its output goes into the heap
// chunk by chunk. Each entry's CRC-32 is checked as its bytes pass.
// np.savez writes sizes into the local headers (zip64 extras, as NumPy
// forces zip64); entries whose sizes only follow their data (a "data
// descriptor", from writers that could not seek) are refused.
//
// Writing produces what np.savez writes: zip64 local headers, a central
// directory, stored or deflated entries.

import { ValueError } from "../core/errors.js";
import { type NDArray } from "../core/ndarray.js";
import * as heap from "../core/memory.js";
import { npyHeader, npyParser, type LoadOptions } from "./npy.js";
import {
  AsyncDriver,
  checkAbort,
  CHUNK,
  describe,
  FileSink,
  openAsync,
  runAsync,
  truncated,
  type AsyncSource,
  type ByteSource,
  type Sink,
} from "./source.js";

/** What `loadNpz` returns: the arrays by name (without ".npy"), in archive order. */
export interface NpzFile {
  arrays: Map<string, NDArray>;
  /** Disposes every array. */
  dispose(): void;
  [Symbol.dispose](): void;
}

// ---------------------------------------------------------------------------
// CRC-32 (zip's), slicing by 4 tables.

const CRC = (() => {
  const t = new Uint32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 4; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c >>> 0;
    }
  }
  return t;
})();

/** Continues a CRC-32 over `b` (start with 0). */
export function crc32(b: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  let i = 0;
  const n = b.length;
  for (; i + 4 <= n; i += 4) {
    c ^= b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
    c = CRC[768 + (c & 0xff)]! ^ CRC[512 + ((c >>> 8) & 0xff)]! ^ CRC[256 + ((c >>> 16) & 0xff)]! ^ CRC[c >>> 24]!;
  }
  for (; i < n; i++) c = CRC[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// ---------------------------------------------------------------------------
// Reading.

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 2 ** 32;
}

async function readExact(fn: string, d: AsyncDriver, n: number, what: string): Promise<Uint8Array> {
  return (await d.exec({ kind: "bytes", n, what })) as Uint8Array;
}

async function skip(fn: string, d: AsyncDriver, n: number, what: string): Promise<void> {
  let done = 0;
  while (done < n) {
    const c = await d.take(Math.min(n - done, CHUNK));
    if (c === null) throw truncated(fn, what, n, done);
    done += c.length;
  }
}

/** An entry's bytes as a source: a window of the archive, or its inflated output. */
function entrySource(fn: string, outer: AsyncDriver, name: string, method: number, csize: number, usize: number): AsyncSource {
  let remaining = csize;
  const fromArchive = async (): Promise<Uint8Array | null> => {
    if (remaining === 0) return null;
    const c = await outer.take(Math.min(remaining, CHUNK));
    if (c === null) throw truncated(fn, `zip entry '${name}'`, csize, csize - remaining);
    remaining -= c.length;
    outer.report();
    return c;
  };
  if (method === 0) return { total: usize, pull: fromArchive, cancel() {} };
  const input = new ReadableStream<Uint8Array>(
    {
      async pull(ctrl) {
        const c = await fromArchive();
        if (c === null) ctrl.close();
        // Copied: the archive's chunk is only valid until its next read.
        else ctrl.enqueue(c.slice());
      },
    },
    { highWaterMark: 0 },
  );
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  return {
    total: usize,
    async pull() {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        if (e instanceof ValueError || (e as Error)?.name === "AbortError") throw e;
        throw new ValueError(`${fn}: zip entry '${name}' is not valid deflate data (${(e as Error)?.message ?? e})`);
      }
      return r.done ? null : r.value;
    },
    async cancel() {
      try {
        await reader.cancel();
      } catch {
        // Already failed: nothing left to release.
      }
    },
  };
}

/** Most bytes of central directory read after the entries (it holds ~60 bytes per entry). */
const MAX_DIRECTORY = 64 << 20;

/**
 * After the entries: the central directory must end in an end record that
 * counts as many entries as were read (a truncated archive has none), as
 * Python's zipfile requires.
 */
async function checkDirectory(fn: string, outer: AsyncDriver, sig: Uint8Array, entries: number): Promise<void> {
  const parts: Uint8Array[] = [sig];
  let size = sig.length;
  for (;;) {
    const c = await outer.take(CHUNK);
    if (c === null) break;
    size += c.length;
    if (size > MAX_DIRECTORY) throw new ValueError(`${fn}: the zip central directory is larger than ${MAX_DIRECTORY} bytes`);
    parts.push(c.slice());
  }
  const rest = concat(parts);
  let at = -1;
  for (let i = rest.length - 22; i >= Math.max(0, rest.length - 22 - 0xffff); i--) {
    if (u32(rest, i) === END) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ValueError(`${fn}: File is not a zip file (no end of central directory record; truncated?)`);
  const count = u16(rest, at + 10);
  if (count !== 0xffff && count !== entries) {
    throw new ValueError(`${fn}: the zip central directory lists ${count} entries but the archive holds ${entries}`);
  }
}

async function readEntry(fn: string, outer: AsyncDriver, opts: LoadOptions, seen: number): Promise<{ name: string; array: NDArray | null } | null> {
  const sig = (await outer.exec({ kind: "bytes", n: 4, what: "zip record signature" })) as Uint8Array;
  const s = u32(sig, 0);
  if (s === CENTRAL || s === END || s === END64) {
    await checkDirectory(fn, outer, sig, seen);
    return null;
  }
  if (s !== LOCAL) throw new ValueError(`${fn}: File is not a zip file (bad record signature 0x${s.toString(16).padStart(8, "0")})`);
  const h = await readExact(fn, outer, 26, "zip local header");
  const flags = u16(h, 2);
  const method = u16(h, 4);
  const crc = u32(h, 10);
  let csize = u32(h, 14);
  let usize = u32(h, 18);
  const nameLen = u16(h, 22);
  const extraLen = u16(h, 24);
  const nameBytes = await readExact(fn, outer, nameLen, "zip entry name");
  const extra = await readExact(fn, outer, extraLen, "zip extra field");
  const name = new TextDecoder().decode(nameBytes);
  // The zip64 extra holds the sizes that do not fit 32 bits, in this order.
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16(extra, at);
    const len = u16(extra, at + 2);
    if (id === 1) {
      let p = at + 4;
      if (usize === 0xffffffff && p + 8 <= at + 4 + len) (usize = u64(extra, p)), (p += 8);
      if (csize === 0xffffffff && p + 8 <= at + 4 + len) csize = u64(extra, p);
    }
    at += 4 + len;
  }
  if (flags & 1) throw new ValueError(`${fn}: zip entry '${name}' is encrypted`);
  if (flags & 8) {
    throw new ValueError(`${fn}: zip entry '${name}' gives its sizes after its data (a data descriptor); stridewise reads archives written by np.savez`);
  }
  if (method !== 0 && method !== 8) throw new ValueError(`${fn}: zip entry '${name}' uses compression method ${method}; only stored (0) and deflate (8) are supported`);
  if (method === 0 && csize !== usize) throw new ValueError(`${fn}: stored zip entry '${name}' has different sizes (${csize} and ${usize})`);
  if (!name.endsWith(".npy")) {
    // NumPy exposes other members as raw bytes; they are skipped here.
    await skip(fn, outer, csize, `zip entry '${name}'`);
    return { name, array: null };
  }
  let sum = 0;
  const inner = new AsyncDriver(entrySource(fn, outer, name, method, csize, usize), fn, {}, (c) => (sum = crc32(c, sum)));
  let array: NDArray | null = null;
  try {
    array = await runAsync(npyParser(fn, opts), inner);
    // The entry must end where its array does.
    if (!((await inner.exec({ kind: "end" })) as boolean)) throw new ValueError(`${fn}: zip entry '${name}' holds bytes after its array`);
    if (inner.pos !== usize) throw new ValueError(`${fn}: zip entry '${name}' holds ${inner.pos} bytes, its header says ${usize}`);
    if (sum !== crc) throw new ValueError(`${fn}: Bad CRC-32 for file '${name}'`);
  } catch (e) {
    array?.dispose();
    await inner.close();
    throw e;
  }
  return { name: name.slice(0, -4), array };
}

/**
 * Loads every array of a .npz archive (np.savez or np.savez_compressed):
 * from a path (Node), bytes, Blob/File, Response or ReadableStream, in one
 * pass; each array gets one heap allocation. Progress counts archive bytes.
 * @example
 * using z = await loadNpz("vectors.npz");
 * const E = z.arrays.get("emb")!;
 * @throws ValueError for a malformed archive or entry (bad CRC included),
 *   MemoryError when an array cannot fit; nothing stays allocated on failure.
 */
export async function loadNpz(source: ByteSource, opts: LoadOptions = {}): Promise<NpzFile> {
  const fn = "loadNpz";
  checkAbort(opts.signal);
  const outer = new AsyncDriver(await openAsync(fn, source), fn, opts);
  const arrays = new Map<string, NDArray>();
  try {
    const inner = opts.maxHeaderSize !== undefined ? { maxHeaderSize: opts.maxHeaderSize } : {};
    for (let seen = 0; ; seen++) {
      const e = await readEntry(fn, outer, inner, seen);
      if (e === null) break;
      if (e.array !== null) {
        arrays.get(e.name)?.dispose();
        arrays.set(e.name, e.array);
      }
    }
  } catch (e) {
    for (const a of arrays.values()) a.dispose();
    throw e;
  } finally {
    await outer.close();
  }
  outer.report();
  const dispose = (): void => {
    for (const a of arrays.values()) a.dispose();
  };
  return { arrays, dispose, [Symbol.dispose]: dispose };
}

// ---------------------------------------------------------------------------
// Writing.

/** Options of `savez` and `toNpz`. */
export interface SavezOptions {
  /** Deflate every entry (np.savez_compressed). Default false (np.savez). */
  compress?: boolean;
}

/** Arrays by name, or a list (named arr_0, arr_1, … as NumPy's positional arguments). */
export type NpzArrays = Map<string, NDArray> | Record<string, NDArray> | readonly NDArray[];

interface CentralEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

function namedList(fn: string, arrays: NpzArrays): [string, NDArray][] {
  const list: [string, NDArray][] = Array.isArray(arrays)
    ? (arrays as readonly NDArray[]).map((a, i) => [`arr_${i}`, a])
    : arrays instanceof Map
      ? [...arrays]
      : Object.entries(arrays as Record<string, NDArray>);
  for (const [name, a] of list) {
    if (typeof (a as NDArray)?.address !== "function") throw new ValueError(`${fn}: array '${name}' must be an NDArray, got ${describe(a)}`);
    a.address(fn);
  }
  return list;
}

/** The entry's bytes (npy header, then data) in order, one chunk at a time, without copying the data. */
function* npyChunks(fn: string, a: NDArray, fortran: boolean): Generator<Uint8Array> {
  yield npyHeader(a.dtype, a.shape, fortran);
  const n = a.nbytes;
  for (let done = 0; done < n; done += CHUNK) {
    const at = a.address(fn) + done;
    // Handed out and consumed before the next allocation can happen.
    yield heap.u8.subarray(at, at + Math.min(CHUNK, n - done));
  }
}

function localHeader(e: Omit<CentralEntry, "offset">): Uint8Array {
  // As np.savez: version 4.5, zip64 extra with both sizes, 32-bit fields 0xffffffff.
  const b = new Uint8Array(30 + e.name.length + 20);
  const v = new DataView(b.buffer);
  v.setUint32(0, LOCAL, true);
  v.setUint16(4, 45, true);
  v.setUint16(6, 0, true);
  v.setUint16(8, e.method, true);
  v.setUint16(10, 0, true); // 00:00:00
  v.setUint16(12, 0x21, true); // 1980-01-01: reproducible archives
  v.setUint32(14, e.crc, true);
  v.setUint32(18, 0xffffffff, true);
  v.setUint32(22, 0xffffffff, true);
  v.setUint16(26, e.name.length, true);
  v.setUint16(28, 20, true);
  b.set(e.name, 30);
  const x = 30 + e.name.length;
  v.setUint16(x, 1, true);
  v.setUint16(x + 2, 16, true);
  v.setBigUint64(x + 4, BigInt(e.usize), true);
  v.setBigUint64(x + 12, BigInt(e.csize), true);
  return b;
}

function centralDirectory(entries: CentralEntry[], start: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const big = [e.usize, e.csize, e.offset].filter((n) => n >= 0xffffffff);
    const extraLen = big.length === 0 ? 0 : 4 + 8 * big.length;
    const b = new Uint8Array(46 + e.name.length + extraLen);
    const v = new DataView(b.buffer);
    v.setUint32(0, CENTRAL, true);
    v.setUint16(4, 45 | (3 << 8), true); // made by: 4.5, Unix
    v.setUint16(6, 45, true);
    v.setUint16(10, e.method, true);
    v.setUint16(14, 0x21, true);
    v.setUint32(16, e.crc, true);
    v.setUint32(20, Math.min(e.csize, 0xffffffff), true);
    v.setUint32(24, Math.min(e.usize, 0xffffffff), true);
    v.setUint16(28, e.name.length, true);
    v.setUint16(30, extraLen, true);
    v.setUint32(38, (0o600 << 16) >>> 0, true);
    v.setUint32(42, Math.min(e.offset, 0xffffffff), true);
    b.set(e.name, 46);
    if (extraLen > 0) {
      let x = 46 + e.name.length;
      v.setUint16(x, 1, true);
      v.setUint16(x + 2, extraLen - 4, true);
      x += 4;
      for (const n of [e.usize, e.csize, e.offset]) {
        if (n >= 0xffffffff) {
          v.setBigUint64(x, BigInt(n), true);
          x += 8;
        }
      }
    }
    parts.push(b);
  }
  const size = parts.reduce((s, p) => s + p.length, 0);
  const needs64 = start + size >= 0xffffffff || entries.length >= 0xffff;
  const tail = new Uint8Array((needs64 ? 56 + 20 : 0) + 22);
  const v = new DataView(tail.buffer);
  let t = 0;
  if (needs64) {
    v.setUint32(0, END64, true);
    v.setBigUint64(4, 44n, true);
    v.setUint16(12, 45 | (3 << 8), true);
    v.setUint16(14, 45, true);
    v.setBigUint64(24, BigInt(entries.length), true);
    v.setBigUint64(32, BigInt(entries.length), true);
    v.setBigUint64(40, BigInt(size), true);
    v.setBigUint64(48, BigInt(start), true);
    v.setUint32(56, 0x07064b50, true); // zip64 end locator
    v.setBigUint64(64, BigInt(start + size), true);
    v.setUint32(72, 1, true);
    t = 76;
  }
  v.setUint32(t, END, true);
  v.setUint16(t + 8, Math.min(entries.length, 0xffff), true);
  v.setUint16(t + 10, Math.min(entries.length, 0xffff), true);
  v.setUint32(t + 12, Math.min(size, 0xffffffff), true);
  v.setUint32(t + 16, Math.min(start, 0xffffffff), true);
  parts.push(tail);
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Deflates an entry's chunks; returns the compressed chunks (the data is copied into the compressor). */
async function deflate(chunks: Iterable<Uint8Array>): Promise<Uint8Array[]> {
  const cs = new CompressionStream("deflate-raw");
  const writer = cs.writable.getWriter();
  const out: Uint8Array[] = [];
  const reading = (async () => {
    const r = cs.readable.getReader();
    for (;;) {
      const { done, value } = await r.read();
      if (done) break;
      out.push(value as Uint8Array);
    }
  })();
  for (const c of chunks) {
    // A copy: the compressor may hold the chunk past the next heap allocation.
    await writer.write(c.slice());
  }
  await writer.close();
  await reading;
  return out;
}

async function writeNpz(fn: string, sink: Sink, arrays: NpzArrays, opts: SavezOptions): Promise<void> {
  const list = namedList(fn, arrays);
  const entries: CentralEntry[] = [];
  for (const [key, a0] of list) {
    const name = new TextEncoder().encode(`${key}.npy`);
    const a = a0.isC || a0.isF ? a0 : a0.copy("C");
    try {
      const fortran = !a.isC && a.isF;
      let crc = 0;
      let usize = 0;
      for (const c of npyChunks(fn, a, fortran)) {
        crc = crc32(c, crc);
        usize += c.length;
      }
      const offset = sink.pos;
      if (opts.compress) {
        const out = await deflate(npyChunks(fn, a, fortran));
        const csize = out.reduce((s, p) => s + p.length, 0);
        const e = { name, method: 8, crc, csize, usize };
        await sink.write(localHeader(e));
        for (const c of out) await sink.write(c);
        entries.push({ ...e, offset });
      } else {
        const e = { name, method: 0, crc, csize: usize, usize };
        await sink.write(localHeader(e));
        const header = npyHeader(a.dtype, a.shape, fortran);
        await sink.write(header);
        await sink.writeHeap(a.address(fn), a.nbytes);
        entries.push({ ...e, offset });
      }
    } finally {
      if (a !== a0) a.dispose();
    }
  }
  await sink.write(centralDirectory(entries, sink.pos));
}

/** Collects a file in memory. */
class GrowingSink implements Sink {
  pos = 0;
  parts: Uint8Array[] = [];
  async write(bytes: Uint8Array): Promise<void> {
    this.parts.push(bytes.slice());
    this.pos += bytes.length;
  }
  async writeHeap(ptr: number, n: number): Promise<void> {
    this.parts.push(heap.u8.slice(ptr, ptr + n));
    this.pos += n;
  }
}

/**
 * The .npz archive of `arrays`, as bytes (np.savez; `compress: true` for
 * np.savez_compressed).
 * @example const bytes = await toNpz({ emb, ids }, { compress: true });
 */
export async function toNpz(arrays: NpzArrays, opts: SavezOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const sink = new GrowingSink();
  await writeNpz("toNpz", sink, arrays, opts);
  return concat(sink.parts);
}

/**
 * Writes `arrays` to a .npz file (Node), as np.savez (or
 * np.savez_compressed with `compress: true`); np.load reads it back.
 * @example await savez("vectors.npz", { emb, ids });
 */
export async function savez(file: string | URL, arrays: NpzArrays, opts: SavezOptions = {}): Promise<void> {
  const fn = opts.compress ? "savezCompressed" : "savez";
  namedList(fn, arrays);
  const sink = await FileSink.open(fn, file);
  try {
    await writeNpz(fn, sink, arrays, opts);
  } finally {
    await sink.close();
  }
}

/**
 * `savez` with every entry deflated (np.savez_compressed).
 * @example await savezCompressed("vectors.npz", [emb]); // entry arr_0.npy
 */
export function savezCompressed(file: string | URL, arrays: NpzArrays): Promise<void> {
  return savez(file, arrays, { compress: true });
}
