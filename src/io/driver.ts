// The one-pass reading machinery every loader shares.
//
// The problem: one parser per format (.npy, .npz, safetensors) must run over
// every source in source.ts, synchronously or not, and (for .npz) over the
// stored or inflated bytes of one zip entry, without a second copy of the
// data anywhere.
//
// The approach: a parser is a generator that yields small requests ("give me
// n bytes" for headers, "put the next n bytes at heap address p" for data,
// "is this the end?", "run this parser over the next n bytes") and a driver
// fulfils them, synchronously (`SyncDriver`, `runSync`) or asynchronously
// (`AsyncDriver`, `runAsync`). Data goes straight from the source into its
// one heap allocation: a synchronous read targets the heap itself; an
// asynchronous source hands over chunks that are copied into the heap right
// away. No TypedArray over the heap is ever held across an await, because
// another task may grow the heap meanwhile (growing detaches the old buffer).
//
// Limits: until a source or the parsed header tells the total size,
// `onProgress` reports NaN as the total.

import { MemoryError, ValueError } from "../core/errors.js";
import { allocate, heapStats, type Allocation } from "../core/heap.js";
import * as heap from "../core/memory.js";
import { crc32 } from "./crc32.js";
import { inflateSource, inflateSync } from "./inflate.js";
import {
  CHUNK,
  checkAbort,
  openAsync,
  openSyncSource,
  syncBytesSource,
  type AsyncSource,
  type ByteSource,
  type ReadOptions,
  type SyncByteSource,
  type SyncSource,
} from "./source.js";

export { CHUNK } from "./source.js";

/** A parser's requests to its driver. */
export type Op =
  /** The next `n` bytes, as a fresh Uint8Array (headers). */
  | { readonly kind: "bytes"; readonly n: number; readonly what: string }
  /** The next `n` bytes, written to the heap at `ptr`. */
  | { readonly kind: "heap"; readonly ptr: number; readonly n: number; readonly what: string }
  /** Up to `n` next bytes (fewer at the end), left unconsumed: a format's magic. */
  | { readonly kind: "peek"; readonly n: number }
  /** Whether the source has no bytes left (may consume one chunk). */
  | { readonly kind: "end" }
  /** The total size, now that the header has told it (for progress). */
  | { readonly kind: "total"; readonly n: number }
  /** The source's own size in bytes, or null when it does not know (a stream). */
  | { readonly kind: "size" }
  | EntryOp;

/**
 * Runs `parser` over the next `n` bytes, raw deflate data inflating to
 * `size` bytes when `deflated`, else `size` = `n` stored bytes (a zip
 * entry named `name`). Answers `EntryResult`.
 */
export interface EntryOp {
  readonly kind: "entry";
  readonly n: number;
  readonly size: number;
  readonly deflated: boolean;
  readonly name: string;
  readonly parser: Parser<unknown>;
}

/** What an `EntryOp` answers: the parser's result and the CRC-32 of the bytes it consumed. */
export interface EntryResult {
  value: unknown;
  crc: number;
}

/** A format parser: yields requests, receives their answers, returns its result. */
export type Parser<T> = Generator<Op, T, unknown>;

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

// ---------------------------------------------------------------------------
// Synchronous driver: a path read with readSync, or bytes in memory.

/** Fulfils a parser's requests synchronously. */
export class SyncDriver {
  pos = 0;
  private hint: number | null = null;
  /** Bytes peeked but not yet consumed. */
  private pending: Uint8Array | null = null;
  constructor(
    private readonly src: SyncSource,
    private readonly fn: string,
    private readonly opts: ReadOptions,
    /** Sees every byte consumed, once, in order (a zip entry's CRC). */
    private readonly tap?: (chunk: Uint8Array) => void,
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
      case "peek": {
        const have = this.pending ?? new Uint8Array(0);
        if (have.length >= op.n) return have.slice(0, op.n);
        const buf = new Uint8Array(op.n);
        buf.set(have);
        let got = have.length;
        while (got < op.n) {
          const k = this.src.read(buf, got, op.n - got);
          if (k === 0) break;
          got += k;
        }
        this.pending = got > 0 ? buf.subarray(0, got) : null;
        return buf.slice(0, got);
      }
      case "end": {
        if (this.pending !== null) return false;
        const one = new Uint8Array(1);
        if (this.src.read(one, 0, 1) === 0) return true;
        this.pending = one;
        return false;
      }
      case "total":
        this.hint = op.n;
        return undefined;
      case "size":
        return this.src.total;
      case "entry":
        return this.entry(op);
    }
  }

  private entry(op: EntryOp): EntryResult {
    let crc = 0;
    const tap = (c: Uint8Array): void => {
      crc = crc32(c, crc);
    };
    let src: SyncSource;
    if (op.deflated) {
      // The compressed bytes are held in memory: refuse a size the source cannot have first.
      const left = this.total === null ? Infinity : this.total - this.pos;
      if (op.n > left) throw truncated(this.fn, `zip entry '${op.name}'`, op.n, left);
      const compressed = this.exec({ kind: "bytes", n: op.n, what: `zip entry '${op.name}'` }) as Uint8Array;
      src = syncBytesSource(inflateSync(this.fn, op.name, op.size, compressed));
    } else {
      // A window of this source: stored data goes straight into the heap.
      let left = op.n;
      src = {
        total: op.n,
        read: (dst, off, n) => {
          const got = this.fill(dst, off, Math.min(n, left));
          left -= got;
          this.progress();
          return got;
        },
        close() {},
      };
    }
    const value = runSync(op.parser, new SyncDriver(src, this.fn, {}, tap));
    return { value, crc };
  }

  /** Reads up to `n` bytes into `dst` at `off`, peeked ones first; fewer only at the end. */
  private fill(dst: Uint8Array, off: number, n: number): number {
    let done = 0;
    if (this.pending !== null && n > 0) {
      const k = Math.min(n, this.pending.length);
      dst.set(this.pending.subarray(0, k), off);
      this.pending = k < this.pending.length ? this.pending.subarray(k) : null;
      done = k;
    }
    while (done < n) {
      const k = this.src.read(dst, off + done, n - done);
      if (k === 0) break;
      done += k;
    }
    this.pos += done;
    this.tap?.(dst.subarray(off, off + done));
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
  return new SyncDriver(openSyncSource(fn, source), fn, opts);
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

/** Fulfils a parser's requests from an asynchronous source. */
export class AsyncDriver {
  /** Bytes handed to the parser (or taken by an entry's window) so far. */
  pos = 0;
  private hint: number | null = null;
  private left: Uint8Array | null = null;
  private reported = -1;
  constructor(
    private readonly src: AsyncSource,
    private readonly fn: string,
    private readonly opts: ReadOptions,
    /** Sees every byte consumed, once, in order (a zip entry's CRC). */
    private readonly tap?: (chunk: Uint8Array) => void,
  ) {}

  get total(): number | null {
    return this.src.total ?? this.hint;
  }

  /**
   * Up to `max` (> 0) next bytes, or null at the end. The result is only
   * valid until the next call: copy what must be kept.
   */
  private async take(max: number): Promise<Uint8Array | null> {
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
      case "peek": {
        let buf = this.left ?? new Uint8Array(0);
        // Copied before pulling: the next chunk may reuse this one's buffer.
        if (buf.length < op.n) buf = buf.slice();
        while (buf.length < op.n) {
          checkAbort(this.opts.signal);
          const c = await this.pullAbortable();
          if (c === null) break;
          const joined = new Uint8Array(buf.length + c.length);
          joined.set(buf);
          joined.set(c, buf.length);
          buf = joined;
        }
        this.left = buf.length > 0 ? buf : null;
        return buf.slice(0, op.n);
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
      case "entry":
        return this.entry(op);
    }
  }

  private async entry(op: EntryOp): Promise<EntryResult> {
    let remaining = op.n;
    // The entry's bytes as they arrive from this source, never past its end.
    const fromArchive = async (): Promise<Uint8Array | null> => {
      if (remaining === 0) return null;
      const c = await this.take(Math.min(remaining, CHUNK));
      if (c === null) throw truncated(this.fn, `zip entry '${op.name}'`, op.n, op.n - remaining);
      remaining -= c.length;
      this.progress(false);
      return c;
    };
    const src: AsyncSource = op.deflated
      ? inflateSource(this.fn, op.name, op.size, fromArchive)
      : { total: op.size, pull: fromArchive, cancel() {} };
    let crc = 0;
    const inner = new AsyncDriver(src, this.fn, {}, (c) => (crc = crc32(c, crc)));
    try {
      const value = await runAsync(op.parser, inner);
      return { value, crc };
    } catch (e) {
      await inner.close();
      throw e;
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

  /** Reports the final position (a parser may stop before the source's end). */
  report(): void {
    this.progress(true);
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
    const value = await runAsync(parser, d);
    d.report();
    return value;
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
