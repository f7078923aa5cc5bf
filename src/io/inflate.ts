// Raw deflate (zip's method 8) for the .npz reader.
//
// Asynchronously, the platform's DecompressionStream("deflate-raw") inflates
// an entry as its compressed bytes arrive, so only the chunks in flight are
// ever held; the parser reading the output decides how much is inflated
// (the .npy header first, the data only once the header has been checked).
//
// Synchronously there is no such stream: Node's zlib inflates the whole
// entry in one call, bounded by the size the archive declares. Elsewhere a
// synchronous load of a deflated entry is refused with a pointer to `load`.

import { ValueError } from "../core/errors.js";
import type { AsyncSource } from "./source.js";

/** The inflated bytes of the raw deflate data `pull` hands out, as a source of `size` bytes. */
export function inflateSource(fn: string, name: string, size: number, pull: () => Promise<Uint8Array | null>): AsyncSource {
  const input = new ReadableStream<Uint8Array>(
    {
      async pull(ctrl) {
        const c = await pull();
        if (c === null) ctrl.close();
        // Copied: the archive's chunk is only valid until its next read.
        else ctrl.enqueue(c.slice());
      },
    },
    { highWaterMark: 0 },
  );
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  return {
    total: size,
    async pull() {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        throw notDeflate(fn, name, e);
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

interface Zlib {
  // Only what is used, so that no node: types reach a browser bundle.
  inflateRawSync(buf: Uint8Array, opts: { maxOutputLength: number }): Uint8Array;
}

/**
 * The inflated bytes of `compressed`, at most `size` + 1 of them (one more
 * than declared, so that an entry longer than its header says is noticed).
 */
export function inflateSync(fn: string, name: string, size: number, compressed: Uint8Array): Uint8Array {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = p?.getBuiltinModule?.("node:zlib") as Zlib | undefined;
  if (!zlib) {
    throw new ValueError(`${fn}: zip entry '${name}' is deflated; reading it synchronously needs Node's zlib, elsewhere use load() or loadNpz()`);
  }
  const buffer = p?.getBuiltinModule?.("node:buffer") as { constants: { MAX_LENGTH: number } } | undefined;
  const most = buffer?.constants.MAX_LENGTH ?? 2 ** 31 - 1;
  if (size + 1 > most) {
    throw new ValueError(`${fn}: zip entry '${name}' declares ${size} bytes, more than one synchronous inflate can return; use load() or loadNpz()`);
  }
  try {
    // At least 1: zlib refuses a zero limit.
    return zlib.inflateRawSync(compressed, { maxOutputLength: size + 1 });
  } catch (e) {
    if ((e as { code?: string })?.code === "ERR_BUFFER_TOO_LARGE") {
      throw new ValueError(`${fn}: zip entry '${name}' inflates to more than the ${size} bytes the archive declares`);
    }
    throw notDeflate(fn, name, e);
  }
}

function notDeflate(fn: string, name: string, e: unknown): Error {
  if (e instanceof ValueError || (e as Error)?.name === "AbortError") return e as Error;
  return new ValueError(`${fn}: zip entry '${name}' is not valid deflate data (${(e as Error)?.message ?? e})`);
}
