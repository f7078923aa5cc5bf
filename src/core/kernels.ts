// Loading the kernels: compile the embedded module once, create the heap's
// memory, and hand it to the allocator. Everything after `init()` is
// synchronous.

import { KERNELS_WASM_BASE64 } from "../generated/kernels-wasm.js";
import { instantiate } from "../generated/kernels.js";
import { allocate, attachMemory, notInitialized, resetStats, type Allocation } from "./heap.js";

/** The kernel exports, with the generated raw bindings' pointer fixes. */
export type Kernels = Awaited<ReturnType<typeof instantiate>>;

/** wasm32 addresses 2^32 bytes; `maximum` is given in pages. */
const MAX_PAGES = 65536;
/** Scratch space for the shape/stride tables passed to kernels. */
const SCRATCH_BYTES = 65536;

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

/**
 * Compiles the kernels and creates the heap. Call once and await it before
 * anything else; later calls return the same promise. Everything after it
 * is synchronous.
 * @example
 * import { init, zeros } from "stridewise";
 * await init();
 * const a = zeros([2, 3]);
 */
export function init(): Promise<void> {
  pending ??= (async () => {
    const module = await WebAssembly.compile(decode(KERNELS_WASM_BASE64));
    const mem = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES });
    const k = await instantiate(module, { env: { memory: mem } } as never);
    memory = mem;
    attachMemory(mem, k.heap_base());
    kernelsRef = k;
    scratchAllocation = allocate(SCRATCH_BYTES);
    scratchPtr = scratchAllocation.ptr;
    // The scratch area is the heap's own: statistics count arrays only.
    resetStats();
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

/** The WebAssembly.Memory all arrays live in (for workers and advanced use). */
export function heapMemory(): WebAssembly.Memory {
  kernels();
  return memory!;
}

/** Address of a scratch area of 64 KiB for kernel argument tables. */
export function scratch(): number {
  return scratchPtr;
}
