// Loading the kernels: compile the embedded module once, create the heap's
// memory, and hand it to the allocator. Everything after `init()` is
// synchronous. The heap's kind is decided here, once: shared (and the
// module's memory import patched to match, threads/shared-module.ts) where
// workers can use it, plain otherwise, so that `threads: 1` is exactly the
// single-threaded library it always was.

import { KERNELS_WASM_BASE64 } from "../generated/kernels-wasm.js";
import { instantiate } from "../generated/kernels.js";
import { allocate, attachMemory, notInitialized, resetStats, type Allocation } from "./heap.js";
import { sharedKernelBytes } from "./threads/shared-module.js";
import { startPool, type Spawn } from "./threads/pool.js";

/** The kernel exports, with the generated raw bindings' pointer fixes. */
export type Kernels = Awaited<ReturnType<typeof instantiate>>;

/** wasm32 addresses 2^32 bytes; `maximum` is given in pages. */
const MAX_PAGES = 65536;
/** Scratch space for the shape/stride tables passed to kernels. */
const SCRATCH_BYTES = 65536;
/**
 * Past the 64 KiB every op may use: one stride table per part of a split
 * call (parts run at once, and each kernel owns its table's counters).
 * Kept apart so that a split call made while an op holds its own scratch
 * slots (a scalar operand, say) cannot overwrite them.
 */
const PART_TABLE_BYTES = 2048;
const MAX_PARTS = 16;

let memory: WebAssembly.Memory | null = null;
let kernelsRef: Kernels | null = null;
let scratchPtr = 0;
// Held here so that the safety net never collects it.
let scratchAllocation: Allocation | null = null;
let pending: Promise<void> | null = null;

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Options of `init`. */
export interface InitOptions {
  /**
   * Threads a large call may use, the calling one included (default: the
   * machine's cores, at most 8). 1: no workers and a plain, non-shared
   * heap. More than 1 needs a shared heap: always in Node, in browsers
   * only when the page is cross-origin isolated and the code runs in a
   * Worker (see the README's Threads section); elsewhere it quietly stays 1.
   */
  threads?: number;
}

// Hidden from bundlers (esbuild, vite, webpack): the browser bundle must not try to resolve them.
const NODE_WORKERS = "node:worker_threads";
const NODE_OS = "node:os";

const isNode = typeof process !== "undefined" && typeof process.versions?.node === "string";

async function defaultThreads(): Promise<number> {
  let cores = 1;
  if (isNode) {
    const os = (await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_OS)) as { availableParallelism?: () => number; cpus: () => unknown[] };
    cores = os.availableParallelism?.() ?? os.cpus().length;
  } else if (typeof navigator !== "undefined") {
    cores = navigator.hardwareConcurrency || 1;
  }
  return Math.max(1, Math.min(8, cores));
}

/** Whether this thread may block in Atomics.wait (not a page's main thread, nor some worker kinds). */
function mayBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/** How to start a worker from source text here, or null where there are none (or no shared memory). */
async function workerSpawner(): Promise<Spawn | null> {
  if (typeof SharedArrayBuffer === "undefined") return null;
  if (isNode) {
    const wt = (await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_WORKERS)) as typeof import("node:worker_threads");
    return (code, onDead) => {
      const w = new wt.Worker(
        `const { parentPort } = require("node:worker_threads");\n${code}((fn) => parentPort.once("message", fn));`,
        { eval: true },
      );
      // A waiting worker must not keep the process alive.
      w.unref();
      // Without a listener, a worker's uncaught error would end the process.
      w.on("error", onDead);
      w.on("exit", onDead);
      return { handle: w, post: (m) => w.postMessage(m) };
    };
  }
  const g = globalThis as { crossOriginIsolated?: boolean; document?: unknown; Worker?: typeof Worker };
  // A page's main thread may not Atomics.wait; spinning there gained
  // nothing (measured), so only Workers go parallel.
  if (g.crossOriginIsolated !== true || g.document !== undefined || g.Worker === undefined || !mayBlock()) return null;
  return (text, onDead) => {
    const blob = new Blob([`${text}((fn) => { self.onmessage = (e) => { self.onmessage = null; fn(e.data); }; });`], { type: "text/javascript" });
    const u = URL.createObjectURL(blob);
    const w = new g.Worker!(u);
    URL.revokeObjectURL(u);
    w.onerror = (e) => {
      e.preventDefault();
      onDead();
    };
    return { handle: w, post: (m) => w.postMessage(m) };
  };
}

/**
 * Compiles the kernels, creates the heap and, with more than one thread,
 * the worker pool. Call once and await it before anything else; later
 * calls return the same promise (use `setThreads` to change the count).
 * Everything after it is synchronous.
 * @example
 * import { init, zeros } from "stridewise";
 * await init();                 // all cores, up to 8
 * await init({ threads: 1 });   // or: no workers, a plain heap
 * const a = zeros([2, 3]);
 */
export function init(opts?: InitOptions): Promise<void> {
  pending ??= (async () => {
    const threads = opts?.threads ?? (await defaultThreads());
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`init: threads must be a positive integer, got ${String(threads)}`);
    const plain = decode(KERNELS_WASM_BASE64);
    const spawn = threads > 1 ? await workerSpawner() : null;
    const shared = spawn !== null;
    const module = await WebAssembly.compile(shared ? sharedKernelBytes(plain) : plain);
    const mem = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared } as WebAssembly.MemoryDescriptor);
    const k = await instantiate(module, { env: { memory: mem } } as never);
    memory = mem;
    attachMemory(mem, k.heap_base());
    kernelsRef = k;
    scratchAllocation = allocate(SCRATCH_BYTES + MAX_PARTS * PART_TABLE_BYTES);
    scratchPtr = scratchAllocation.ptr;
    // The scratch area is the heap's own: statistics count arrays only.
    resetStats();
    if (spawn !== null) startPool(spawn, module, mem, Object.getPrototypeOf(k) as Record<string, unknown>, threads, true);
  })();
  return pending;
}

/** The kernel exports; throws a clear error before `init()` has finished. */
export function kernels(): Kernels {
  if (kernelsRef === null) notInitialized();
  return kernelsRef;
}

/** True once `init()` has finished. */
export function isInitialized(): boolean {
  return kernelsRef !== null;
}

/**
 * The WebAssembly.Memory all arrays live in (for workers and advanced use).
 * With threads it is shared: its buffer is a SharedArrayBuffer, replaced
 * (not detached) when the heap grows, so take `.buffer` again after any
 * allocation; some browser APIs (TextDecoder, Blob, CompressionStream)
 * refuse views of it: copy first.
 * @example new Float32Array(heapMemory().buffer, a.address("read"), a.size)
 */
export function heapMemory(): WebAssembly.Memory {
  kernels();
  return memory!;
}

/** Address of a scratch area of 64 KiB for kernel argument tables. */
export function scratch(): number {
  return scratchPtr;
}

/** @internal Address of part p's stride table (p < MAX_PARTS), outside the 64 KiB scratch. */
export function partTable(p: number): number {
  return scratchPtr + SCRATCH_BYTES + p * PART_TABLE_BYTES;
}
