// Hugging Face's safetensors format: an 8-byte little-endian header length
// N, N bytes of UTF-8 JSON ({name: {dtype, shape, data_offsets: [begin,
// end]}}, plus an optional "__metadata__" of string pairs), then the data
// section, which the tensors must cover exactly, back to back.
//
// Loading validates the whole header before allocating anything (a hostile
// or truncated file fails with a message and never reads out of bounds),
// then makes ONE heap allocation for the whole data section, streams the
// file into it, and hands back every tensor as an array over that one
// allocation: no per-tensor copies. The allocation is freed when the last
// of those arrays is disposed.

import { DTypeError, ValueError } from "../core/errors.js";
import { DTYPES, type DType } from "../core/dtype.js";
import { free } from "../core/heap.js";
import { stridesFor } from "../core/layout.js";
import { NDArray } from "../core/ndarray.js";
import { allocateData, parseAsync, parseSync, type Parser } from "./driver.js";
import { FileSink, MemorySink, type Sink } from "./sink.js";
import { describe, type ByteSource, type ReadOptions, type SyncByteSource } from "./source.js";

/** The reference implementation's limit on the header. */
const MAX_HEADER = 100_000_000;

/** safetensors dtype codes stridewise reads and writes. */
const FROM_CODE: Readonly<Record<string, DType>> = {
  F64: "float64",
  F32: "float32",
  F16: "float16",
  BF16: "bfloat16",
  I64: "int64",
  I32: "int32",
  I16: "int16",
  I8: "int8",
  U64: "uint64",
  U32: "uint32",
  U16: "uint16",
  U8: "uint8",
  BOOL: "bool",
};
const TO_CODE = Object.fromEntries(Object.entries(FROM_CODE).map(([k, v]) => [v, k])) as Record<DType, string>;

/** What `loadSafetensors` returns. Dispose it (or every tensor) to free the data. */
export interface SafetensorsFile {
  /** The tensors by name, in the order of their data in the file. */
  tensors: Map<string, NDArray>;
  /** The header's `__metadata__` (string pairs), or null when there is none. */
  metadata: Record<string, string> | null;
  /** Disposes every tensor, which frees the data section. */
  dispose(): void;
  [Symbol.dispose](): void;
}

interface Entry {
  name: string;
  dtype: DType;
  shape: number[];
  begin: number;
  end: number;
}

/** The parsed and checked header: entries in data order, and the data section's length. */
export interface SafetensorsHeader {
  entries: Entry[];
  metadata: Record<string, string> | null;
  dataBytes: number;
}

function nonNegInt(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}

/**
 * Checks a parsed header: every entry well-formed, dtype known, byte
 * ranges matching dtype × shape, ranges covering [0, dataBytes) back to back
 * with no overlap and no hole. `dataBytes` null means the source's size is
 * unknown (a stream): the ranges then define it.
 */
export function checkSafetensorsHeader(fn: string, header: unknown, dataBytes: number | null): SafetensorsHeader {
  if (header === null || typeof header !== "object" || Array.isArray(header)) {
    throw new ValueError(`${fn}: the header must be a JSON object, got ${Array.isArray(header) ? "an array" : String(header)}`);
  }
  let metadata: Record<string, string> | null = null;
  const entries: Entry[] = [];
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name === "__metadata__") {
      if (info === null || typeof info !== "object" || Array.isArray(info)) {
        throw new ValueError(`${fn}: __metadata__ must be an object of strings`);
      }
      for (const [k, v] of Object.entries(info)) {
        if (typeof v !== "string") throw new ValueError(`${fn}: __metadata__ value of '${k}' must be a string, got ${JSON.stringify(v)}`);
      }
      metadata = { ...(info as Record<string, string>) };
      continue;
    }
    if (info === null || typeof info !== "object" || Array.isArray(info)) {
      throw new ValueError(`${fn}: tensor '${name}' must be an object with dtype, shape and data_offsets`);
    }
    const { dtype: code, shape, data_offsets: offs } = info as Record<string, unknown>;
    if (typeof code !== "string") throw new ValueError(`${fn}: tensor '${name}' has no dtype`);
    const dtype = FROM_CODE[code];
    if (dtype === undefined || !Object.hasOwn(FROM_CODE, code)) {
      throw new DTypeError(`${fn}: tensor '${name}' has dtype ${code}, which stridewise does not support (supported: ${Object.keys(FROM_CODE).join(", ")})`);
    }
    if (!Array.isArray(shape) || !shape.every(nonNegInt)) {
      throw new ValueError(`${fn}: tensor '${name}' has an invalid shape ${JSON.stringify(shape)}`);
    }
    if (!Array.isArray(offs) || offs.length !== 2 || !nonNegInt(offs[0]) || !nonNegInt(offs[1]) || offs[0] > offs[1]) {
      throw new ValueError(`${fn}: tensor '${name}' has invalid data_offsets ${JSON.stringify(offs)}`);
    }
    let bytes = DTYPES[dtype].itemsize;
    for (const s of shape as number[]) bytes *= s;
    if (bytes !== offs[1] - offs[0]) {
      throw new ValueError(
        `${fn}: tensor '${name}' of dtype ${code} and shape [${shape.join(", ")}] needs ${bytes} bytes, ` +
          `but its data_offsets [${offs[0]}, ${offs[1]}] span ${offs[1] - offs[0]}`,
      );
    }
    entries.push({ name, dtype, shape: shape as number[], begin: offs[0], end: offs[1] });
  }
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const e of entries) {
    if (e.begin !== at) {
      throw new ValueError(
        e.begin < at
          ? `${fn}: tensor '${e.name}' (bytes ${e.begin} to ${e.end}) overlaps the tensor before it, which ends at ${at}`
          : `${fn}: the data section has a hole: no tensor covers bytes ${at} to ${e.begin} (before '${e.name}')`,
      );
    }
    at = e.end;
  }
  if (dataBytes !== null && at !== dataBytes) {
    throw new ValueError(
      at > dataBytes
        ? `${fn}: the tensors need ${at} bytes of data but the file holds ${dataBytes} after its header (truncated?)`
        : `${fn}: the tensors cover ${at} bytes but the file holds ${dataBytes} after its header`,
    );
  }
  return { entries, metadata, dataBytes: at };
}

function* safetensorsParser(fn: string): Parser<SafetensorsFile> {
  const lb = (yield { kind: "bytes", n: 8, what: "header length" }) as Uint8Array;
  const dv = new DataView(lb.buffer, lb.byteOffset, 8);
  const lo = dv.getUint32(0, true);
  const hi = dv.getUint32(4, true);
  const n = hi * 2 ** 32 + lo;
  if (hi !== 0 || n > MAX_HEADER) {
    throw new ValueError(`${fn}: the header length ${hi === 0 ? n : `${BigInt(hi) * 2n ** 32n + BigInt(lo)}`} is too large (at most ${MAX_HEADER}); not a safetensors file?`);
  }
  const size = (yield { kind: "size" }) as number | null;
  if (size !== null && 8 + n > size) {
    throw new ValueError(`${fn}: the header length ${n} runs past the end of the file (${size} bytes); truncated or not a safetensors file?`);
  }
  const hb = (yield { kind: "bytes", n, what: "header" }) as Uint8Array;
  if (n === 0 || hb[0] !== 0x7b) throw new ValueError(`${fn}: the header must start with '{'; not a safetensors file?`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(hb);
  } catch {
    throw new ValueError(`${fn}: the header is not valid UTF-8`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ValueError(`${fn}: the header is not valid JSON: ${(e as Error).message}`);
  }
  const h = checkSafetensorsHeader(fn, json, size === null ? null : size - 8 - n);
  yield { kind: "total", n: 8 + n + h.dataBytes };
  const mem = allocateData(fn, h.dataBytes);
  const tensors = new Map<string, NDArray>();
  try {
    yield { kind: "heap", ptr: mem.ptr, n: h.dataBytes, what: "tensor data" };
    if (size === null && !((yield { kind: "end" }) as boolean)) {
      throw new ValueError(`${fn}: the stream holds more bytes than its tensors cover (${h.dataBytes} bytes of data)`);
    }
  } catch (e) {
    free(mem);
    throw e;
  }
  for (const e of h.entries) {
    const item = DTYPES[e.dtype].itemsize;
    // Each tensor is an array over the one allocation: the allocation's
    // reference count is the number of tensors, so it lives until the last goes.
    tensors.set(e.name, new NDArray(mem, e.dtype, e.shape, stridesFor(e.shape, item, "C"), e.begin, null, true));
  }
  if (tensors.size === 0) free(mem);
  return fileOf(tensors, h.metadata);
}

function fileOf(tensors: Map<string, NDArray>, metadata: Record<string, string> | null): SafetensorsFile {
  const dispose = (): void => {
    for (const t of tensors.values()) t.dispose();
  };
  return { tensors, metadata, dispose, [Symbol.dispose]: dispose };
}

/**
 * Loads a safetensors file: one heap allocation holds its whole data
 * section and every tensor is an array over it (dispose them all, or the
 * returned object, to free it). Sources as `load`: a path (Node, streamed),
 * bytes, Blob/File, Response, ReadableStream; progress and abort as there.
 * Dtypes F64 F32 F16 BF16 I64 I32 I16 I8 U64 U32 U16 U8 BOOL; any other is
 * a DTypeError naming it.
 * @example
 * using st = await loadSafetensors("model.safetensors");
 * const wte = st.tensors.get("wte.weight")!; // [50257, 768] float32
 * @throws ValueError for a malformed, hostile or truncated file (before
 *   anything is allocated when the header is at fault), MemoryError when
 *   the data cannot fit the heap (before reading it).
 */
export async function loadSafetensors(source: ByteSource, opts: ReadOptions = {}): Promise<SafetensorsFile> {
  return parseAsync("loadSafetensors", source, opts, safetensorsParser("loadSafetensors"));
}

/**
 * `loadSafetensors`, synchronously, from a path (Node; read straight into
 * the heap) or bytes.
 * @example const st = loadSafetensorsSync(bytes); st.tensors.get("wte.weight");
 */
export function loadSafetensorsSync(source: SyncByteSource, opts: ReadOptions = {}): SafetensorsFile {
  return parseSync("loadSafetensorsSync", source, opts, safetensorsParser("loadSafetensorsSync"));
}

// ---------------------------------------------------------------------------
// Saving.

/** Options of `saveSafetensors` and `toSafetensors`. */
export interface SaveSafetensorsOptions {
  /** String pairs stored as `__metadata__`. */
  metadata?: Record<string, string>;
}

type TensorMap = Map<string, NDArray> | Record<string, NDArray>;

interface Plan {
  header: Uint8Array;
  order: [string, NDArray][];
  total: number;
}

function plan(fn: string, tensors: TensorMap, opts: SaveSafetensorsOptions): Plan {
  const list = tensors instanceof Map ? [...tensors] : Object.entries(tensors);
  for (const [name, t] of list) {
    if (!(t instanceof NDArray)) throw new ValueError(`${fn}: tensor '${name}' must be an NDArray, got ${describe(t)}`);
    if (name === "__metadata__") throw new ValueError(`${fn}: '__metadata__' is reserved and cannot name a tensor`);
    t.address(fn);
  }
  // As the reference writer: larger items first, then by name, so every
  // tensor starts aligned to its item size.
  list.sort(([an, a], [bn, b]) => b.itemsize - a.itemsize || (an < bn ? -1 : an > bn ? 1 : 0));
  const header: Record<string, unknown> = {};
  if (opts.metadata !== undefined) {
    for (const [k, v] of Object.entries(opts.metadata)) {
      if (typeof v !== "string") throw new ValueError(`${fn}: metadata value of '${k}' must be a string, got ${describe(v)}`);
    }
    header.__metadata__ = opts.metadata;
  }
  let at = 0;
  for (const [name, t] of list) {
    header[name] = { dtype: TO_CODE[t.dtype], shape: t.shape, data_offsets: [at, at + t.nbytes] };
    at += t.nbytes;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const n = json.length + ((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + n).fill(0x20, 8);
  new DataView(out.buffer).setUint32(0, n, true);
  out.set(json, 8);
  return { header: out, order: list, total: 8 + n + at };
}

async function writeTensors(fn: string, sink: Sink, p: Plan): Promise<void> {
  await sink.write(p.header);
  for (const [, t] of p.order) {
    if (t.isC) await sink.writeHeap(t.address(fn), t.nbytes);
    else {
      const c = t.copy("C");
      try {
        await sink.writeHeap(c.address(fn), c.nbytes);
      } finally {
        c.dispose();
      }
    }
  }
}

/**
 * The safetensors file for `tensors` (name → array), as bytes.
 * @example new Blob([toSafetensors({ wte }, { metadata: { format: "pt" } })])
 */
export function toSafetensors(tensors: TensorMap, opts: SaveSafetensorsOptions = {}): Uint8Array {
  const p = plan("toSafetensors", tensors, opts);
  const sink = new MemorySink(p.total);
  sink.writeNow(p.header);
  for (const [, t] of p.order) {
    const c = t.isC ? t : t.copy("C");
    sink.writeHeapNow(c.address("toSafetensors"), c.nbytes);
    if (c !== t) c.dispose();
  }
  return sink.out;
}

/**
 * Writes `tensors` (name → array) to a safetensors file (Node), streamed
 * from the heap; non-contiguous arrays are written in C order.
 * @example await saveSafetensors("out.safetensors", st.tensors, { metadata: st.metadata ?? {} });
 */
export async function saveSafetensors(file: string | URL, tensors: TensorMap, opts: SaveSafetensorsOptions = {}): Promise<void> {
  const p = plan("saveSafetensors", tensors, opts);
  const sink = await FileSink.open("saveSafetensors", file);
  try {
    await writeTensors("saveSafetensors", sink, p);
  } finally {
    await sink.close();
  }
}
