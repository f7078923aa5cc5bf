// Shared by test/io-*.test.ts: the fixture manifest written by
// scripts/fixtures_io.py, and an element-by-element reader of an array's
// bytes in C order that relies on nothing but shape, strides and address.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { heapMemory, heapStats, NDArray, type NpzFile } from "../src/index.js";

export const IO_DIR = new URL("./fixtures/io/", import.meta.url);

/** What NumPy read back from a fixture file. */
export interface Expected {
  dtype: string;
  shape: number[];
  fortran: boolean;
  bytes?: string;
  sha256?: string;
}

export interface Manifest {
  npy: Record<string, Expected>;
  npz: Record<string, Record<string, Expected>>;
  safetensors: Record<string, { metadata: Record<string, string> | null; tensors: Record<string, Expected> }>;
  errors: Record<string, string>;
}

export const manifest = JSON.parse(readFileSync(new URL("manifest.json", IO_DIR), "utf8")) as Manifest;

/** The path of a fixture file. */
export function fixturePath(name: string): string {
  return new URL(name, IO_DIR).pathname;
}

/** A fixture file's bytes. */
export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(name, IO_DIR)));
}

/** The elements' bytes in C order, read through shape and strides (a plain reference, no kernels). */
export function cOrderBytes(a: NDArray): Uint8Array {
  const heap = new Uint8Array(heapMemory().buffer);
  const item = a.itemsize;
  const out = new Uint8Array(a.size * item);
  const base = a.address("test");
  const idx = new Array<number>(a.ndim).fill(0);
  for (let k = 0; k < a.size; k++) {
    let at = base;
    for (let ax = 0; ax < a.ndim; ax++) at += idx[ax]! * a.strides[ax]!;
    out.set(heap.subarray(at, at + item), k * item);
    for (let ax = a.ndim - 1; ax >= 0; ax--) {
      if (++idx[ax]! < a.shape[ax]!) break;
      idx[ax] = 0;
    }
  }
  return out;
}

/** Asserts that `a` is what NumPy read: dtype, shape, order and every byte. */
export function expectMatches(a: NDArray, e: Expected, what: string): void {
  expect(a.dtype, what).toBe(e.dtype);
  expect(a.shape, what).toEqual(e.shape);
  if (e.fortran) expect(a.flags.fContiguous, `${what} F-contiguous`).toBe(true);
  else expect(a.flags.cContiguous, `${what} C-contiguous`).toBe(true);
  const got = cOrderBytes(a);
  if (e.bytes !== undefined) {
    expect(Buffer.from(got).toString("base64"), what).toBe(e.bytes);
  } else {
    expect(createHash("sha256").update(got).digest("hex"), what).toBe(e.sha256);
  }
}

/** Heap usage now, to compare after a failure: nothing may be left allocated. */
export function heapMark(): { bytesInUse: number; allocations: number } {
  const s = heapStats();
  return { bytesInUse: s.bytesInUse, allocations: s.allocations };
}

/** A ReadableStream handing out `bytes` in chunks of `size`. */
export function chunkedStream(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let pos = 0;
  return new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (pos >= bytes.length) {
        ctrl.close();
        return;
      }
      ctrl.enqueue(bytes.slice(pos, pos + size));
      pos += size;
    },
  });
}

/** A seeded generator (mulberry32) for the fuzz tests. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `load`'s result, required to be an array (a .npy source). */
export function asArray(r: NDArray | NpzFile): NDArray {
  if (!(r instanceof NDArray)) throw new Error(`expected an NDArray, got ${r.constructor.name}`);
  return r;
}
