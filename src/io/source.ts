// Byte sources for the loaders, and the one-pass reading machinery they share.
//
// The problem: one parser per format (.npy, safetensors) must run over a
// file path read synchronously, a path read asynchronously, bytes in memory,
// a Blob, a fetch Response or a ReadableStream, and (for .npz) over the
// stored or inflated bytes of one zip entry, without a second copy of the
// data anywhere.
//
// The approach: a parser is a generator that yields small requests ("give me
// n bytes" for headers, "put the next n bytes at heap address p" for data,
// "is this the end?") and a driver fulfils them, synchronously
// (`SyncDriver`, `runSync`) or asynchronously (`AsyncDriver`, `runAsync`).
// Data goes straight from the source into its one heap allocation: a
// synchronous file read targets the heap itself; an asynchronous source
// hands over chunks that are copied into the heap right away. No TypedArray
// over the heap is ever held across an await, because another task may grow
// the heap meanwhile (growing detaches the old buffer).
//
// Limits: a stream's length is only known when the source says so (Blob
// size, a Response's Content-Length, fstat) or once the parser has read the
// format's header; until then `onProgress` is not called.

import type * as NodeFs from "node:fs";
import { MemoryError, ValueError } from "../core/errors.js";
import { allocate, heapStats, type Allocation } from "../core/heap.js";
import * as heap from "../core/memory.js";

/** Anything a loader reads from. A string or file: URL is a path (Node only). */
export type ByteSource = string | URL | Uint8Array | ArrayBuffer | Blob | Response | ReadableStream<Uint8Array>;

/** What the synchronous loaders read from: a path (Node) or bytes in memory. */
export type SyncByteSource = string | URL | Uint8Array | ArrayBuffer;

/** Options every loader takes. */
export interface ReadOptions {
  /**
   * Called after each chunk with the bytes consumed so far and the source's
   * total (NaN while it is unknown: a stream without a length, before its header).
   */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /** Aborting rejects the load with `signal.reason` and frees what it allocated. */
  signal?: AbortSignal;
}

/** A parser's requests to its driver. */
export type Op =
  /** The next `n` bytes, as a fresh Uint8Array (headers). */
  | { readonly kind: "bytes"; readonly n: number; readonly what: string }
  /** The next `n` bytes, written to the heap at `ptr`. */
  | { readonly kind: "heap"; readonly ptr: number; readonly n: number; readonly what: string }
  /** Whether the source has no bytes left (may consume one chunk). */
  | { readonly kind: "end" }
  /** The total size, now that the header has told it (for progress). */
  | { readonly kind: "total"; readonly n: number }
  /** The source's own size in bytes, or null when it does not know (a stream). */
  | { readonly kind: "size" };

/** A format parser: yields requests, receives their answers, returns its result. */
export type Parser<T> = Generator<Op, T, unknown>;

/** Heap writes and progress reports happen per chunk of this many bytes. */
export const CHUNK = 8 << 20;

// ---------------------------------------------------------------------------
// Node's fs, reached without an import statement so that browser bundles
// never see a node: module.

/** @internal Node's `fs`, or a clear error outside Node. */
export function nodeFs(fn: string): typeof NodeFs {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = p?.getBuiltinModule?.("node:fs") as typeof NodeFs | undefined;
  if (!fs) {
    throw new ValueError(`${fn}: file paths need Node.js >= 20.16; elsewhere pass a File, Blob, Response, ReadableStream or bytes`);
  }
  return fs;
}

/** A string or file: URL as a path fs accepts. */
export function isPath(s: unknown): s is string | URL {
  return typeof s === "string" || (typeof URL !== "undefined" && s instanceof URL);
}

// ---------------------------------------------------------------------------
// Errors and allocation shared by the parsers.

/** NumPy's words for a short read: "EOF: reading array data, expected 80 bytes got 40". */
export function truncated(fn: string, what: string, expected: number, got: number): ValueError {
  return new ValueError(`${fn}: EOF: reading ${what}, expected ${expected} bytes got ${got}`);
}

/**
 * One allocation for a file's data. A file that cannot fit fails here,
 * before any of its data is read, with a message naming the data size and
 * the heap's limit.
 */
export function allocateData(fn: string, bytes: number, shape?: readonly number[], dtype?: string): Allocation {
  try {
    return allocate(bytes, shape, dtype);
  } catch (e) {
    if (!(e instanceof MemoryError)) throw e;
    const s = heapStats();
    throw new MemoryError(
      `${fn}: the file's data needs ${bytes} bytes, more than the heap can serve: ` +
        `it holds ${s.heapSize} bytes of at most ${s.heapLimit}, with ${s.bytesInUse} in use`,
      bytes,
      s.heapSize,
      s.heapLimit,
    );
  }
}

/** Throws `signal.reason` when aborted. */
export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

// ---------------------------------------------------------------------------
// Synchronous driver: a path read with readSync, or bytes in memory.

interface SyncSource {
  readonly total: number | null;
  /** Reads up to `n` bytes into `dst` at `off`; 0 means the end. */
  read(dst: Uint8Array, off: number, n: number): number;
  close(): void;
}

function syncBytesSource(bytes: Uint8Array): SyncSource {
  let pos = 0;
  return {
    total: bytes.length,
    read(dst, off, n) {
      const k = Math.min(n, bytes.length - pos);
      dst.set(bytes.subarray(pos, pos + k), off);
      pos += k;
      return k;
    },
    close() {},
  };
}

function syncFileSource(fn: string, path: string | URL): SyncSource {
  const fs = nodeFs(fn);
  const fd = fs.openSync(path, "r");
  let pos = 0;
  try {
    const total = fs.fstatSync(fd).size;
    return {
      total,
      read(dst, off, n) {
        const k = fs.readSync(fd, dst, off, n, pos);
        pos += k;
        return k;
      },
      close() {
        fs.closeSync(fd);
      },
    };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

/** Fulfils a parser's requests synchronously. */
export class SyncDriver {
  pos = 0;
  private hint: number | null = null;
  constructor(
    private readonly src: SyncSource,
    private readonly fn: string,
    private readonly opts: ReadOptions,
  ) {}

  get total(): number | null {
    return this.src.total ?? this.hint;
  }

  exec(op: Op): unknown {
    switch (op.kind) {
      case "bytes": {
        const out = new Uint8Array(op.n);
        const got = this.fill(out, 0, op.n);
        if (got < op.n) throw truncated(this.fn, op.what, op.n, got);
        this.progress();
        return out;
      }
      case "heap": {
        for (let done = 0; done < op.n; ) {
          checkAbort(this.opts.signal);
          const n = Math.min(CHUNK, op.n - done);
          // Straight into the heap: nothing can grow it during a synchronous read.
          const got = this.fill(heap.u8, op.ptr + done, n);
          done += got;
          if (got < n) throw truncated(this.fn, op.what, op.n, done);
          this.progress();
        }
        return undefined;
      }
      case "end":
        return this.src.read(new Uint8Array(1), 0, 1) === 0;
      case "total":
        this.hint = op.n;
        return undefined;
      case "size":
        return this.src.total;
    }
  }

  private fill(dst: Uint8Array, off: number, n: number): number {
    let done = 0;
    while (done < n) {
      const k = this.src.read(dst, off + done, n - done);
      if (k === 0) break;
      done += k;
    }
    this.pos += done;
    return done;
  }

  private progress(): void {
    this.opts.onProgress?.(this.pos, this.total ?? NaN);
  }

  close(): void {
    this.src.close();
  }
}

/** Opens a synchronous source: a path (Node) or bytes. */
export function openSync(fn: string, source: SyncByteSource, opts: ReadOptions): SyncDriver {
  checkAbort(opts.signal);
  if (isPath(source)) return new SyncDriver(syncFileSource(fn, source), fn, opts);
  if (source instanceof Uint8Array) return new SyncDriver(syncBytesSource(source), fn, opts);
  if (source instanceof ArrayBuffer) return new SyncDriver(syncBytesSource(new Uint8Array(source)), fn, opts);
  throw new ValueError(`${fn}: expected a path, Uint8Array or ArrayBuffer, got ${describe(source)}; use the async loader for Blob, Response and streams`);
}

/** Runs a parser to completion on a synchronous driver; closes the source. */
export function runSync<T>(parser: Parser<T>, d: SyncDriver): T {
  try {
    let r = parser.next();
    while (!r.done) {
      let answer: unknown;
      try {
        answer = d.exec(r.value);
      } catch (e) {
        // Into the parser, so that it frees what it allocated.
        r = parser.throw(e);
        continue;
      }
      r = parser.next(answer);
    }
    return r.value;
  } finally {
    d.close();
  }
}

// ---------------------------------------------------------------------------
// Asynchronous driver: any source that hands out chunks.

/** A source of chunks; each chunk is only valid until the next `pull`. */
export interface AsyncSource {
  readonly total: number | null;
  pull(): Promise<Uint8Array | null>;
  cancel(): Promise<void> | void;
}

function asyncBytesSource(bytes: Uint8Array): AsyncSource {
  let pos = 0;
  return {
    total: bytes.length,
    async pull() {
      if (pos >= bytes.length) return null;
      const c = bytes.subarray(pos, Math.min(bytes.length, pos + CHUNK));
      pos += c.length;
      return c;
    },
    cancel() {},
  };
}

async function asyncFileSource(fn: string, path: string | URL): Promise<AsyncSource> {
  const fs = nodeFs(fn);
  const fh = await fs.promises.open(path, "r");
  try {
    const total = (await fh.stat()).size;
    // One bounce buffer: reads land here and are copied into the heap before
    // the next read, so the heap may grow meanwhile without harm.
    const bounce = new Uint8Array(Math.min(CHUNK, Math.max(total, 1)));
    let pos = 0;
    let closed = false;
    return {
      total,
      async pull() {
        const { bytesRead } = await fh.read(bounce, 0, bounce.length, pos);
        pos += bytesRead;
        return bytesRead === 0 ? null : bounce.subarray(0, bytesRead);
      },
      async cancel() {
        if (closed) return;
        closed = true;
        await fh.close();
      },
    };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

function streamSource(stream: ReadableStream<Uint8Array>, total: number | null): AsyncSource {
  const reader = stream.getReader();
  return {
    total,
    async pull() {
      const r = await reader.read();
      if (r.done) return null;
      const v = r.value as unknown;
      if (v instanceof Uint8Array) return v;
      if (v instanceof ArrayBuffer) return new Uint8Array(v);
      if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      throw new ValueError(`stream chunks must be Uint8Array, got ${describe(v)}`);
    },
    async cancel() {
      try {
        await reader.cancel();
      } catch {
        // A stream that already failed cannot be cancelled; nothing to release.
      }
    },
  };
}

function responseSource(fn: string, r: Response): AsyncSource {
  if (!r.ok) throw new ValueError(`${fn}: the response is ${r.status} ${r.statusText}`.trimEnd());
  if (r.bodyUsed) throw new ValueError(`${fn}: the response body was already read`);
  if (r.body === null) return asyncBytesSource(new Uint8Array(0));
  // Content-Length counts encoded bytes; fetch hands over decoded ones.
  const len = r.headers.get("content-length");
  const encoded = (r.headers.get("content-encoding") ?? "identity") !== "identity";
  const total = len !== null && !encoded && /^\d+$/.test(len) ? Number(len) : null;
  return streamSource(r.body, total);
}

/** Opens any source for asynchronous reading. */
export async function openAsync(fn: string, source: ByteSource): Promise<AsyncSource> {
  if (isPath(source)) return asyncFileSource(fn, source);
  if (source instanceof Uint8Array) return asyncBytesSource(source);
  if (source instanceof ArrayBuffer) return asyncBytesSource(new Uint8Array(source));
  if (typeof Blob !== "undefined" && source instanceof Blob) return streamSource(source.stream(), source.size);
  if (typeof Response !== "undefined" && source instanceof Response) return responseSource(fn, source);
  if (typeof ReadableStream !== "undefined" && source instanceof ReadableStream) return streamSource(source, null);
  throw new ValueError(`${fn}: expected a path, Uint8Array, ArrayBuffer, Blob, Response or ReadableStream, got ${describe(source)}`);
}

/** Fulfils a parser's requests from an asynchronous source. */
export class AsyncDriver {
  /** Bytes handed to the parser (or taken by a sub-reader) so far. */
  pos = 0;
  private hint: number | null = null;
  private left: Uint8Array | null = null;
  private reported = -1;
  constructor(
    private readonly src: AsyncSource,
    private readonly fn: string,
    private readonly opts: ReadOptions,
    /** Sees every byte consumed, once, in order (the .npz reader's CRC). */
    private readonly tap?: (chunk: Uint8Array) => void,
  ) {}

  get total(): number | null {
    return this.src.total ?? this.hint;
  }

  /**
   * Up to `max` (> 0) next bytes, or null at the end. The result is only
   * valid until the next call: copy what must be kept.
   */
  async take(max: number): Promise<Uint8Array | null> {
    let c = this.left;
    if (c === null || c.length === 0) {
      checkAbort(this.opts.signal);
      c = await this.pullAbortable();
      if (c === null) return null;
    }
    let out = c;
    if (c.length > max) {
      out = c.subarray(0, max);
      this.left = c.subarray(max);
    } else {
      this.left = null;
    }
    this.pos += out.length;
    this.tap?.(out);
    return out;
  }

  private async pullAbortable(): Promise<Uint8Array | null> {
    const signal = this.opts.signal;
    if (!signal) return this.src.pull();
    // A stalled network read must not outlive an abort.
    let onAbort: () => void = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason ?? new DOMException("This operation was aborted", "AbortError"));
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([this.src.pull(), aborted]);
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }

  async exec(op: Op): Promise<unknown> {
    switch (op.kind) {
      case "bytes": {
        const out = new Uint8Array(op.n);
        let done = 0;
        while (done < op.n) {
          const c = await this.take(op.n - done);
          if (c === null) throw truncated(this.fn, op.what, op.n, done);
          out.set(c, done);
          done += c.length;
        }
        this.progress(true);
        return out;
      }
      case "heap": {
        let done = 0;
        while (done < op.n) {
          const c = await this.take(op.n - done);
          if (c === null) throw truncated(this.fn, op.what, op.n, done);
          // `heap.u8` is read now, after the await: always the current buffer.
          heap.u8.set(c, op.ptr + done);
          done += c.length;
          this.progress(false);
        }
        return undefined;
      }
      case "end": {
        if (this.left !== null && this.left.length > 0) return false;
        const c = await this.pullAbortable();
        if (c === null || c.length === 0) return c === null;
        this.left = c;
        return false;
      }
      case "total":
        this.hint = op.n;
        return undefined;
      case "size":
        return this.src.total;
    }
  }

  private progress(force: boolean): void {
    const cb = this.opts.onProgress;
    if (!cb) return;
    // One report per chunk-sized step keeps small-chunked streams cheap.
    if (!force && this.pos - this.reported < CHUNK / 8 && this.pos !== this.total) return;
    this.reported = this.pos;
    cb(this.pos, this.total ?? NaN);
  }

  /** Reports progress to the caller's callback (for readers that use `take` directly). */
  report(): void {
    this.progress(false);
  }

  async close(): Promise<void> {
    await this.src.cancel();
  }
}

/** Runs a parser to completion on an asynchronous driver (the caller closes it). */
export async function runAsync<T>(parser: Parser<T>, d: AsyncDriver): Promise<T> {
  let r = parser.next();
  while (!r.done) {
    let answer: unknown;
    try {
      answer = await d.exec(r.value);
    } catch (e) {
      r = parser.throw(e);
      continue;
    }
    r = parser.next(answer);
  }
  return r.value;
}

/** Opens `source`, runs `parser` over it and closes it, on success or failure. */
export async function parseAsync<T>(fn: string, source: ByteSource, opts: ReadOptions, parser: Parser<T>): Promise<T> {
  checkAbort(opts.signal);
  let src: AsyncSource;
  try {
    src = await openAsync(fn, source);
  } catch (e) {
    parser.return(undefined as T);
    throw e;
  }
  const d = new AsyncDriver(src, fn, opts);
  try {
    return await runAsync(parser, d);
  } finally {
    await d.close();
  }
}

/** Opens a synchronous source, runs `parser` over it and closes it. */
export function parseSync<T>(fn: string, source: SyncByteSource, opts: ReadOptions, parser: Parser<T>): T {
  let d: SyncDriver;
  try {
    d = openSync(fn, source, opts);
  } catch (e) {
    parser.return(undefined as T);
    throw e;
  }
  return runSync(parser, d);
}

/** A short description of an unexpected argument, for messages. */
export function describe(v: unknown): string {
  if (v === null) return "null";
  if (typeof v !== "object") return typeof v;
  return (v as object).constructor?.name ?? "object";
}

// ---------------------------------------------------------------------------
// Sinks: where the savers write. A path (Node) is written in chunks; bytes
// are collected into one Uint8Array of the announced size.

/** Receives a file's bytes in order. */
export interface Sink {
  /** Bytes from JavaScript memory (headers). */
  write(bytes: Uint8Array): Promise<void>;
  /** `n` bytes from the heap at `ptr`. */
  writeHeap(ptr: number, n: number): Promise<void>;
  /** Bytes written so far. */
  readonly pos: number;
}

/** Writes into a Uint8Array of exactly `size` bytes. */
export class MemorySink implements Sink {
  pos = 0;
  readonly out: Uint8Array;
  constructor(size: number) {
    this.out = new Uint8Array(size);
  }
  async write(bytes: Uint8Array): Promise<void> {
    this.writeNow(bytes);
  }
  writeNow(bytes: Uint8Array): void {
    this.out.set(bytes, this.pos);
    this.pos += bytes.length;
  }
  async writeHeap(ptr: number, n: number): Promise<void> {
    this.writeHeapNow(ptr, n);
  }
  writeHeapNow(ptr: number, n: number): void {
    this.out.set(heap.u8.subarray(ptr, ptr + n), this.pos);
    this.pos += n;
  }
}

/** Writes a file (Node) through one bounce buffer, chunk by chunk. */
export class FileSink implements Sink {
  pos = 0;
  private bounce: Uint8Array | null = null;
  private constructor(private readonly fh: NodeFs.promises.FileHandle) {}

  static async open(fn: string, path: string | URL): Promise<FileSink> {
    const fs = nodeFs(fn);
    return new FileSink(await fs.promises.open(path, "w"));
  }

  async write(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.fh.write(bytes, done, bytes.length - done, this.pos);
      done += bytesWritten;
      this.pos += bytesWritten;
    }
  }

  async writeHeap(ptr: number, n: number): Promise<void> {
    this.bounce ??= new Uint8Array(CHUNK);
    for (let done = 0; done < n; ) {
      const k = Math.min(CHUNK, n - done);
      // Copied out first: the heap may grow while the write is pending.
      this.bounce.set(heap.u8.subarray(ptr + done, ptr + done + k));
      await this.write(this.bounce.subarray(0, k));
      done += k;
    }
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}

/** Writes a file synchronously, straight from the heap. */
export class SyncFileSink {
  pos = 0;
  private constructor(
    private readonly fs: typeof NodeFs,
    private readonly fd: number,
  ) {}
  static open(fn: string, path: string | URL): SyncFileSink {
    const fs = nodeFs(fn);
    return new SyncFileSink(fs, fs.openSync(path, "w"));
  }
  writeNow(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += this.fs.writeSync(this.fd, bytes, done, bytes.length - done, this.pos + done);
    this.pos += bytes.length;
  }
  writeHeapNow(ptr: number, n: number): void {
    for (let done = 0; done < n; ) {
      const k = Math.min(CHUNK, n - done);
      this.writeNow(heap.u8.subarray(ptr + done, ptr + done + k));
      done += k;
    }
  }
  close(): void {
    this.fs.closeSync(this.fd);
  }
}
