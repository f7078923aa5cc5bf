// Sinks: where the savers write. A path (Node) is written in chunks through
// one bounce buffer (or synchronously, straight from the heap); bytes are
// collected into one Uint8Array of the announced size, or into parts when
// the size is only known at the end (a deflated archive).
//
// Every sink copies heap bytes out before anything can allocate: the heap
// may grow while an asynchronous write is pending, which detaches the old
// buffer under any TypedArray still held over it.

import type * as NodeFs from "node:fs";
import * as heap from "../core/memory.js";
import { CHUNK } from "./driver.js";
import { nodeFs } from "./source.js";

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

/** Collects a file in memory when its size is only known at the end. */
export class GrowingSink implements Sink {
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

/** `parts` joined into one fresh Uint8Array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
