// The heap: one WebAssembly.Memory shared by the façade and the kernels.
//
// The allocator lives here, in TypeScript, not in the module. Why:
// AssemblyScript's TLSF serves one block of at most 1 GiB, and a 1.5 GiB
// array in a 4 GiB heap is a real request; the façade keeps a record per
// allocation anyway; kernels stay free of mutable state, so a second
// instance (a worker over the same shared memory) can run them without ever
// racing an allocator. The module's only contribution is `heap_base`.
//
// The allocator is address-ordered first fit over 64-byte-aligned blocks,
// with coalescing, and a bump pointer (`top`) at the end. Freeing the block
// that ends at `top` lowers `top`, so the common create/dispose pattern never
// touches the free list. Memory grows on demand to 4 GiB and never shrinks
// (wasm cannot), but freed ranges are reused.

import { MemoryError, NotInitializedError } from "./errors.js";
import { refreshViews } from "./memory.js";

const PAGE = 65536;
/** wasm32 addresses 2^32 bytes; `maximum` is given in pages. */
const MAX_PAGES = 65536;
/** Every block starts on a cache line: SIMD loads never split one. */
export const ALIGN = 64;

/**
 * One allocation: where it is, how big, and how many arrays still use it.
 * Arrays hold a reference to it (NumPy's "base" memory); the heap does not,
 * so that a record nobody can reach is collected and its block freed by the
 * FinalizationRegistry safety net.
 */
export class Allocation {
  constructor(
    /** Byte address in the heap. */
    public ptr: number,
    /** Bytes requested (the block may be rounded up). */
    public readonly bytes: number,
    /** Arrays over this allocation that are not disposed yet. */
    public refs: number,
    /** False once the block is returned to the heap. */
    public live: boolean,
    /** True once the FinalizationRegistry watches it (see `registerSurvivors`). */
    public watched = false,
    /** Bytes between the block's start and `ptr` (the cache colour, see `allocate`). */
    public readonly pad = 0,
  ) {}
}

/** The shared record every disposed array points to: never live. */
export const DISPOSED = new Allocation(0, 0, 0, false);

/** What `heapStats()` reports. */
export interface HeapStats {
  /** Bytes held by live allocations (as requested, before rounding). */
  bytesInUse: number;
  /** Number of live allocations. */
  allocations: number;
  /** Current size of the WebAssembly memory in bytes. */
  heapSize: number;
  /** The most the heap can grow to (4 GiB for wasm32). */
  heapLimit: number;
  /** Highest `bytesInUse` since start or the last `resetPeak()`. */
  peakBytesInUse: number;
}

interface FreedBlock {
  readonly ptr: number;
  readonly bytes: number;
  readonly pad: number;
}

let memory: WebAssembly.Memory | null = null;
let base = 0;
let top = 0;
/** Bytes below this address were handed out before, so they may hold old data. */
let highWater = 0;
// Free blocks sorted by address, as parallel arrays: cheap to scan and splice.
const freeStart: number[] = [];
const freeSize: number[] = [];
let bytesInUse = 0;
let liveCount = 0;
let peak = 0;

// The safety net: a record that no array can reach any more is freed here.
const registry = new FinalizationRegistry<FreedBlock>((b) => {
  bytesInUse -= b.bytes;
  liveCount--;
  release(b.ptr - b.pad, spanOf(b.bytes));
});

// Registering with a FinalizationRegistry costs about half a microsecond,
// more than allocating a small array. Finalizers only ever run between jobs,
// so an allocation need not be watched before the current job ends: new
// allocations wait in `unwatched`, and a microtask registers those still
// live. Temporaries created and disposed within one job never pay for it.
let unwatched: Allocation[] = [];

function registerSurvivors(): void {
  const list = unwatched;
  unwatched = [];
  for (const a of list) {
    if (a.live) {
      a.watched = true;
      registry.register(a, { ptr: a.ptr, bytes: a.bytes, pad: a.pad }, a);
    }
  }
}

function watch(a: Allocation): void {
  if (unwatched.length === 0) queueMicrotask(registerSurvivors);
  unwatched.push(a);
  // A long synchronous loop never reaches the microtask: keep the list
  // short (disposed temporaries drop out) so it never holds thousands of
  // records alive, and watch the survivors now if many are still live.
  if (unwatched.length >= 1024) {
    let k = 0;
    for (const x of unwatched) if (x.live) unwatched[k++] = x;
    unwatched.length = k;
    if (k >= 256) registerSurvivors();
  }
}

function blockSize(bytes: number): number {
  return bytes === 0 ? 0 : alignUp(bytes, ALIGN);
}

let debugSites: Map<Allocation, string> | null = null;

/**
 * @internal Hands the allocator its memory: blocks start at `heapBase` (the
 * end of the module's static data). Called once, by `init`.
 */
export function attachMemory(mem: WebAssembly.Memory, heapBase: number): void {
  memory = mem;
  base = alignUp(heapBase, ALIGN);
  top = base;
  highWater = base;
  refreshViews(mem.buffer);
  resetStats();
}

/** @internal Forgets what was allocated so far (the heap's own scratch area, at init). */
export function resetStats(): void {
  bytesInUse = 0;
  liveCount = 0;
  peak = 0;
}

/** @internal The error every entry point raises before `init()` has finished. */
export function notInitialized(): never {
  throw new NotInitializedError("stridewise: call `await init()` before using the library");
}

function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/**
 * @internal NumPy's words for a failed allocation ("Unable to allocate
 * 16.0 GiB for an array with shape (2147483648,) and data type float64"),
 * its size spelled by NumPy's `_ArrayMemoryError._size_to_string`.
 */
export function unableToAllocate(bytes: number, shape: readonly number[], dtype: string): string {
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  return `Unable to allocate ${sizeToString(bytes)} for an array with shape ${tuple} and data type ${dtype}`;
}

function sizeToString(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  const bitLength = bytes === 0 ? 0 : BigInt(bytes).toString(2).length;
  let unit = Math.floor(Math.max(bitLength - 1, 1) / 10);
  let n = bytes / 2 ** (10 * unit);
  // Pick the unit that is right after rounding (1023.9 MiB is 1.00 GiB).
  if (roundHalfEven(n) === 1024) {
    unit++;
    n /= 1024;
  }
  if (unit >= units.length) {
    n *= 2 ** (10 * (unit - units.length + 1));
    unit = units.length - 1;
  }
  if (unit === 0) return `${bytes} bytes`;
  // Python's "#.3g": three significant digits, always with a decimal point.
  if (roundHalfEven(n) < 1000) {
    let decimals = 2 - Math.floor(Math.log10(n));
    // 0.9996 rounds up to a fourth digit: take one decimal fewer.
    if (roundHalfEven(n * 10 ** decimals) >= 1000) decimals--;
    const text = (roundHalfEven(n * 10 ** decimals) / 10 ** decimals).toFixed(Math.max(decimals, 0));
    return `${text.includes(".") ? text : `${text}.`} ${units[unit]}`;
  }
  return `${roundHalfEven(n)}. ${units[unit]}`;
}

/** Python's round(): to the nearest integer, ties to even. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}

// Cache colouring. Big arrays that start at the same address modulo 4 KiB
// make streaming copies between them stall on 4K aliasing (a load looks
// like it depends on an earlier store to the same page offset): copying
// X[:, :256] ran 18 % slower with source and destination congruent mod
// 4096 than half a page apart. A copy's destination therefore starts half
// a page away from its source modulo 4096 (the caller names the source);
// other big blocks start at a rotating multiple of 64 bytes into their
// first page, so that unrelated arrays rarely collide either.
const COLOURED = 65536;
let colour = 0;

/**
 * The block a request of `bytes` occupies. A coloured block always reserves
 * a whole page of slack, whatever its colour, so that a freed block serves
 * the next request of the same size exactly (warm pages, no growth).
 */
function spanOf(bytes: number): number {
  return blockSize(bytes >= COLOURED ? bytes + 4096 : bytes);
}

/** Bytes from a big block's start at `ptr` to its data: see "Cache colouring". */
function colourAt(ptr: number, awayFrom: number): number {
  if (awayFrom < 0) {
    colour = (colour + 17 * ALIGN) % 4096; // 17 is odd: all 64 colours in turn
    return colour;
  }
  return (((awayFrom + 2048 - ptr) % 4096) + 4096) % 4096 & -ALIGN;
}

/** Set by the last `allocate`: its block was never handed out before, so it reads as zeros. */
export let lastAllocationFresh = false;

/**
 * Reserves `bytes` in the heap. `shape` and `dtype` only serve the error
 * message, in NumPy's words ("for an array with shape (…) and data type …").
 * After the call, `lastAllocationFresh` tells whether the block is known to
 * be zero (never handed out before), which `zeros` uses to skip the fill as
 * calloc does for NumPy. `awayFrom` is the address a copy into the new block
 * will read from, if any (see "Cache colouring").
 */
export function allocate(bytes: number, shape?: readonly number[], dtype?: string, awayFrom = -1): Allocation {
  if (memory === null) notInitialized();
  const size = spanOf(bytes);
  let ptr = -1;
  if (size === 0) {
    ptr = base;
  } else {
    for (let i = 0; i < freeStart.length; i++) {
      const s = freeSize[i]!;
      if (s >= size) {
        ptr = freeStart[i]!;
        if (s === size) {
          freeStart.splice(i, 1);
          freeSize.splice(i, 1);
        } else {
          freeStart[i] = ptr + size;
          freeSize[i] = s - size;
        }
        break;
      }
    }
    if (ptr < 0) {
      const end = top + size;
      if (end > memory!.buffer.byteLength) grow(end, bytes, shape, dtype);
      ptr = top;
      top = end;
    }
  }
  const pad = bytes >= COLOURED ? colourAt(ptr, awayFrom) : 0;
  lastAllocationFresh = ptr >= highWater;
  if (ptr + size > highWater) highWater = ptr + size;
  bytesInUse += bytes;
  liveCount++;
  if (bytesInUse > peak) peak = bytesInUse;
  const a = new Allocation(ptr + pad, bytes, 0, true, false, pad);
  watch(a);
  if (debugSites) debugSites.set(a, new Error().stack?.split("\n").slice(2).join("\n") ?? "");
  return a;
}

function heapSize(): number {
  return memory ? memory.buffer.byteLength : 0;
}

function grow(end: number, bytes: number, shape?: readonly number[], dtype?: string): void {
  const have = memory!.buffer.byteLength;
  // Grow by at least an eighth of the heap, so that many small allocations
  // do not each pay for a grow and a rebuild of the typed views.
  const want = Math.max(Math.ceil((end - have) / PAGE), Math.ceil(have / PAGE / 8), 16);
  const need = Math.ceil((end - have) / PAGE);
  const pages = Math.min(want, MAX_PAGES - have / PAGE);
  try {
    if (pages < need) throw new RangeError("beyond the limit");
    memory!.grow(pages);
  } catch {
    // NumPy's sentence when we know the array, then what only the heap knows.
    const what = shape && dtype ? `${unableToAllocate(bytes, shape, dtype)}: ` : "allocate: ";
    throw new MemoryError(
      `${what}cannot allocate ${bytes} bytes; ` +
        `the heap holds ${have} bytes of at most ${MAX_PAGES * PAGE}, with ${bytesInUse} in use`,
      bytes,
      have,
      MAX_PAGES * PAGE,
    );
  }
  refreshViews(memory!.buffer);
}

/** Returns an allocation's block to the heap; idempotent. */
export function free(a: Allocation): void {
  if (!a.live) return;
  a.live = false;
  a.refs = 0;
  if (a.watched) registry.unregister(a);
  debugSites?.delete(a);
  bytesInUse -= a.bytes;
  liveCount--;
  release(a.ptr - a.pad, spanOf(a.bytes));
}

/** Called by `free` and by the registry for records that were collected undisposed. */
function release(ptr: number, size: number): void {
  if (size === 0) return;
  if (ptr + size === top) {
    top = ptr;
    // The last free block may now touch the top: give it back too.
    const n = freeStart.length;
    if (n > 0 && freeStart[n - 1]! + freeSize[n - 1]! === top) {
      top = freeStart[n - 1]!;
      freeStart.pop();
      freeSize.pop();
    }
    return;
  }
  // Binary search for the insertion point, then merge with the neighbours.
  let lo = 0;
  let hi = freeStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (freeStart[mid]! < ptr) lo = mid + 1;
    else hi = mid;
  }
  const prevEnd = lo > 0 ? freeStart[lo - 1]! + freeSize[lo - 1]! : -1;
  const next = lo < freeStart.length ? freeStart[lo]! : -1;
  if (prevEnd === ptr) {
    freeSize[lo - 1]! += size;
    if (next === ptr + size) {
      freeSize[lo - 1]! += freeSize[lo]!;
      freeStart.splice(lo, 1);
      freeSize.splice(lo, 1);
    }
  } else if (next === ptr + size) {
    freeStart[lo] = ptr;
    freeSize[lo]! += size;
  } else {
    freeStart.splice(lo, 0, ptr);
    freeSize.splice(lo, 0, size);
  }
}

/**
 * What the heap holds now.
 * @example
 * const before = heapStats().bytesInUse;
 * const a = zeros([1024], { dtype: "float32" }); // bytesInUse grows by 4096
 */
export function heapStats(): HeapStats {
  if (memory === null) notInitialized();
  return {
    bytesInUse,
    allocations: liveCount,
    heapSize: heapSize(),
    heapLimit: MAX_PAGES * PAGE,
    peakBytesInUse: peak,
  };
}

/** Starts a new peak measurement for `heapStats().peakBytesInUse`. */
export function resetPeak(): void {
  peak = bytesInUse;
}

/**
 * Debug mode: remember where each allocation was made, for `liveAllocations()`
 * leak reports in tests. Costs a stack trace per allocation while on.
 * @example
 * setDebug(true); const a = zeros([3]); liveAllocations(); // [{ bytes: 24, site: "…" }]
 */
export function setDebug(on: boolean): void {
  debugSites = on ? (debugSites ?? new Map()) : null;
}

/** The allocations made in debug mode that are still live, with their creation sites. */
export function liveAllocations(): { ptr: number; bytes: number; refs: number; site: string }[] {
  if (!debugSites) return [];
  return [...debugSites].map(([a, site]) => ({ ptr: a.ptr, bytes: a.bytes, refs: a.refs, site }));
}
