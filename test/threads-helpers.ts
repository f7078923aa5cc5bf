// Shared by the threads tests: switching the pool's size and waiting for
// its workers, and comparing results byte for byte across thread counts.
import { setThreads, threadCount, type NDArray } from "../src/index.js";
import { createHash } from "node:crypto";
import { u8 } from "../src/core/memory.js";
import { limitParts } from "../src/core/threads/pool.js";

/** Sets the pool to n threads and waits (at most 10 s) until all are ready. */
export async function useThreads(n: number): Promise<void> {
  setThreads(n);
  const t0 = Date.now();
  while (threadCount() < n) {
    if (Date.now() - t0 > 10_000) throw new Error(`only ${threadCount()} of ${n} threads became ready`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Shape, strides and a digest of every byte of a result's own allocation (deep-equal on megabytes is slow). */
export function fingerprint(a: NDArray): { shape: number[]; strides: number[]; dtype: string; bytes: string } {
  const ptr = a._mem.ptr;
  const bytes = createHash("sha256").update(u8.subarray(ptr, ptr + a._mem.bytes)).digest("hex");
  return { shape: [...a.shape], strides: [...a.strides], dtype: a.dtype, bytes };
}

/**
 * Runs `make` with at most 1, 2 and 3 parts per call (the pool must have 3
 * threads: see useThreads) and returns the fingerprints (results disposed).
 */
export function acrossThreads(make: () => NDArray, counts = [1, 2, 3]): ReturnType<typeof fingerprint>[] {
  const out: ReturnType<typeof fingerprint>[] = [];
  try {
    for (const n of counts) {
      limitParts(n);
      const r = make();
      out.push(fingerprint(r));
      r.dispose();
    }
  } finally {
    limitParts(Infinity);
  }
  return out;
}

/** Runs `fn` with at most n parts per call. */
export function withParts<T>(n: number, fn: () => T): T {
  limitParts(n);
  try {
    return fn();
  } finally {
    limitParts(Infinity);
  }
}
