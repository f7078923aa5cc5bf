// Byte sources for the loaders: a file path read synchronously or
// asynchronously (Node), bytes in memory, a Blob, a fetch Response or a
// ReadableStream. Each opens as a `SyncSource` (reads into a caller's
// buffer) or an `AsyncSource` (hands out chunks); the drivers in driver.ts
// run the format parsers over them.
//
// Limits: a stream's length is only known when the source says so (Blob
// size, a Response's Content-Length, fstat); otherwise `total` is null.

import type * as NodeFs from "node:fs";
import { ValueError } from "../core/errors.js";

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

/** Throws `signal.reason` when aborted. */
export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

// ---------------------------------------------------------------------------
// Synchronous sources.

/** A source read synchronously into the caller's buffer. */
export interface SyncSource {
  readonly total: number | null;
  /** Reads up to `n` bytes into `dst` at `off`; 0 means the end. */
  read(dst: Uint8Array, off: number, n: number): number;
  close(): void;
}

export function syncBytesSource(bytes: Uint8Array): SyncSource {
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

export function syncFileSource(fn: string, path: string | URL): SyncSource {
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

/** Opens a synchronous source: a path (Node) or bytes. */
export function openSyncSource(fn: string, source: SyncByteSource): SyncSource {
  if (isPath(source)) return syncFileSource(fn, source);
  if (source instanceof Uint8Array) return syncBytesSource(source);
  if (source instanceof ArrayBuffer) return syncBytesSource(new Uint8Array(source));
  throw new ValueError(`${fn}: expected a path, Uint8Array or ArrayBuffer, got ${describe(source)}; use the async loader for Blob, Response and streams`);
}

// ---------------------------------------------------------------------------
// Asynchronous sources: anything that hands out chunks.

/** A source of chunks; each chunk is only valid until the next `pull`. */
export interface AsyncSource {
  readonly total: number | null;
  pull(): Promise<Uint8Array | null>;
  cancel(): Promise<void> | void;
}

export function asyncBytesSource(bytes: Uint8Array): AsyncSource {
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

/** A short description of an unexpected argument, for messages. */
export function describe(v: unknown): string {
  if (v === null) return "null";
  if (typeof v !== "object") return typeof v;
  return (v as object).constructor?.name ?? "object";
}
