// The worker pool over the one shared heap. Workers instantiate the same
// kernel module over the same Memory and wait on a slot of a small control
// block (its own SharedArrayBuffer, so growing the heap never moves it).
// A large call is cut into parts by its op file; `runParts` hands parts
// 1.. to ready workers, runs part 0 on the calling thread and waits for the
// rest with Atomics.wait. Every public function stays synchronous: starting
// a worker is asynchronous, so a worker that has not signalled ready is
// simply not counted by threadCount() and gets no part.
//
// Memory growth: only the calling thread allocates (the allocator is the
// main instance's), and only between calls, never while parts run; the
// wasm instances in the workers see the grown memory by themselves, and a
// part never names an address the caller has not already allocated.

import { SLOT, workerMain } from "./worker-source.js";

type Fn = (...a: unknown[]) => number;
interface Handle {
  terminate(): unknown;
}
interface Slot {
  handle: Handle;
  index: number;
  seq: number;
  /** Has signalled ready at least once. */
  started?: boolean;
}
/** Starts one worker from source text; `onDead` runs (later, on this thread's event loop) if it errs or exits. */
export type Spawn = (code: string, onDead: () => void) => { handle: Handle; post: (msg: unknown) => void };

const MAX_SLOTS = 64;
/** Parts per call: each needs its own stride table (kernels.ts keeps room for 16). */
const MAX_CALL_PARTS = 16;
/** The ready flag of a worker that erred outside a job or exited (2: failed to start). */
const DEAD = 3;

let spawnFn: Spawn | null = null;
let module: WebAssembly.Module | null = null;
let memory: WebAssembly.Memory | null = null;
let local: Record<string, Fn> = {};
let names: string[] = [];
let ids = new Map<string, number>();
let ctl: SharedArrayBuffer | null = null;
let ctlI32: Int32Array<ArrayBufferLike> = new Int32Array(0);
let ctlF64: Float64Array<ArrayBufferLike> = new Float64Array(0);
let slots: (Slot | null)[] = [];
let wanted = 1;
let canWait = false;
let splitBytes = 1 << 20;
let minTimeoutMs = 10_000;
let injectNext: { worker: number; mode: number } | null = null;
let partsLimit = Infinity;
// Slots are not reused at once: a terminated worker may still be waking up
// on its old slot for a moment (terminate is asynchronous).
let nextSlot = 0;

/**
 * Thrown when a worker's part of a call failed or gave no answer in time:
 * the message names the worker and the kernel. The result the call was
 * making is freed, existing arrays are untouched by the failure, and the
 * worker is replaced, so the next call works.
 * @example
 * try { E.T.copy(); } catch (e) { if (e instanceof WorkerError) console.warn(e.message); }
 * // stridewise: worker 1 failed in copy_tiled_4: …
 */
export class WorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerError";
  }
}

/**
 * @internal Starts the pool machinery over a shared heap: `spawn` creates
 * one worker from source text; `exports` are the calling thread's raw
 * kernel exports; `mayWait` is false where Atomics.wait is forbidden (a
 * browser's main thread), which keeps everything single-threaded there.
 */
export function startPool(
  spawn: Spawn,
  mod: WebAssembly.Module,
  mem: WebAssembly.Memory,
  exports: Record<string, unknown>,
  threads: number,
  mayWait: boolean,
): void {
  spawnFn = spawn;
  module = mod;
  memory = mem;
  local = exports as Record<string, Fn>;
  names = WebAssembly.Module.exports(mod).filter((e) => e.kind === "function").map((e) => e.name);
  ids = new Map(names.map((n, i) => [n, i]));
  ctl = new SharedArrayBuffer(MAX_SLOTS * SLOT.bytes);
  ctlI32 = new Int32Array(ctl);
  ctlF64 = new Float64Array(ctl);
  canWait = mayWait;
  setThreads(threads);
}

/** True when the heap is shared and workers may be used from this thread. */
export function poolAvailable(): boolean {
  return spawnFn !== null && canWait;
}

function spawnSlot(): Slot {
  const inUse = new Set(slots.map((s) => s?.index));
  let index = nextSlot;
  while (inUse.has(index)) index = (index + 1) % MAX_SLOTS;
  nextSlot = (index + 1) % MAX_SLOTS;
  const base = (index * SLOT.bytes) >> 2;
  ctlI32.fill(0, base, base + (SLOT.bytes >> 2));
  const code = `(${workerMain.toString()})`;
  const slot: Slot = { handle: null as unknown as Handle, index, seq: 0 };
  // A dead worker is never asked again; runParts replaces it on its next call.
  const { handle, post } = spawnFn!(code, () => {
    if (slots.includes(slot)) Atomics.store(ctlI32, i32At(index, SLOT.ready), DEAD);
  });
  slot.handle = handle;
  post({ module, memory, ctl, slot: index, names, layout: SLOT });
  return slot;
}

function i32At(slot: number, field: number): number {
  return (slot * SLOT.bytes >> 2) + field;
}

/**
 * Sets how many threads (the calling one included) a large call uses, and
 * starts or stops workers to match. Synchronous: new workers join once
 * they are ready (a few milliseconds later); until then calls use fewer.
 * Without a shared heap (`init({ threads: 1 })`, or a page that is not
 * cross-origin isolated) it records the number and stays single-threaded.
 * @example
 * import { init, setThreads, threadCount } from "stridewise";
 * await init();
 * setThreads(2);  // the caller + one worker
 * setThreads(1);  // back to single-threaded; workers are stopped
 */
export function setThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`setThreads: expected a positive integer, got ${String(n)}`);
  wanted = Math.min(n, MAX_SLOTS);
  if (spawnFn === null) return;
  const workers = canWait ? wanted - 1 : 0;
  while (slots.length > workers) slots.pop()?.handle.terminate();
  while (slots.length < workers) slots.push(spawnSlot());
}

// Workers that died before they were ever ready, in a row: after a few
// (a platform that forbids them, say) the pool stops replacing them.
let startFailures = 0;
const MAX_START_FAILURES = 3;

function isReady(s: Slot | null): s is Slot {
  if (s === null || Atomics.load(ctlI32, i32At(s.index, SLOT.ready)) !== 1) return false;
  if (!s.started) {
    s.started = true;
    startFailures = 0;
  }
  return true;
}

/**
 * How many threads a large call uses right now: 1 plus the workers that
 * are ready, at most the number set by `init({ threads })` or
 * `setThreads`. 1 without a shared heap and on a browser's main thread.
 * @example
 * await init();
 * threadCount(); // 2 on a 2-core machine, once the worker is ready
 */
export function threadCount(): number {
  if (!canWait) return 1;
  let n = 1;
  for (const s of slots) if (isReady(s)) n++;
  return n;
}

const splits = new Map<string, number>();

/** @internal How many calls of kernel `name` ran on more than one thread so far (tests check that a family really split). */
export function splitCount(name: string): number {
  return splits.get(name) ?? 0;
}

/** @internal Test hook: at most this many parts per call, workers kept running (Infinity: no limit). */
export function limitParts(n: number): void {
  partsLimit = n;
}

/**
 * @internal How many parts a call moving `bytes` bytes (read + written)
 * should be cut into: 1 below the split threshold, so small calls never
 * touch the pool.
 */
export function partsFor(bytes: number): number {
  if (bytes < splitBytes || slots.length === 0) return 1;
  return Math.min(partsLimit, MAX_CALL_PARTS, threadCount());
}

/** @internal Test hook: calls moving fewer bytes than this stay on one thread (default 1 MiB). */
export function setSplitThreshold(bytes: number): void {
  splitBytes = bytes;
}

/** @internal Test hook: the least time to wait for a worker's part (default 10 s). */
export function setWorkerTimeout(ms: number): void {
  minTimeoutMs = ms;
}

/**
 * @internal Test hook: the next part worker `worker` (1-based) runs fails:
 * "throw" raises inside the worker, "hang" never finishes (the caller's
 * timeout fires), "exit" answers and then ends the worker between calls.
 */
export function injectWorkerFailure(worker: number, mode: "throw" | "hang" | "exit"): void {
  injectNext = { worker, mode: mode === "throw" ? 1 : mode === "hang" ? 2 : 3 };
}

function readMessage(slot: number): string {
  const len = ctlI32[i32At(slot, SLOT.msgLen)]!;
  // TextDecoder rejects views of shared memory in browsers: copy first.
  const bytes = new Uint8Array(ctl!, slot * SLOT.bytes + SLOT.msg, len).slice();
  return new TextDecoder().decode(bytes);
}

/**
 * @internal Runs `name` once per entry of `parts` (each a full argument
 * list; bigint for i64 parameters): parts 1.. on workers, part 0 here.
 * Returns each part's result as the raw export returns it. Throws
 * WorkerError naming the worker and kernel when a part failed or timed out;
 * the failed worker is replaced.
 */
export function runParts(name: string, parts: readonly (readonly (number | bigint)[])[]): number[] {
  const results = new Array<number>(parts.length).fill(0);
  const id = ids.get(name);
  if (id === undefined) throw new Error(`stridewise: no kernel ${name}`);
  for (const s of [...slots]) if (s !== null && Atomics.load(ctlI32, i32At(s.index, SLOT.ready)) >= 2) replace(s);
  const busy: { slot: Slot; part: number; number: number }[] = [];
  let next = 1;
  for (const s of slots) {
    if (next >= parts.length) break;
    if (!isReady(s)) continue;
    const number = slots.indexOf(s) + 1;
    const args = parts[next]!;
    const b = i32At(s.index, 0);
    const fb = (s.index * SLOT.bytes) >> 3;
    let mask = 0;
    for (let a = 0; a < args.length; a++) {
      const v = args[a]!;
      if (typeof v === "bigint") mask |= 1 << a;
      ctlF64[fb + SLOT.args + a] = Number(v);
    }
    ctlI32[b + SLOT.kernel] = id;
    ctlI32[b + SLOT.nargs] = args.length;
    ctlI32[b + SLOT.bigMask] = mask;
    if (injectNext !== null && injectNext.worker === number) {
      ctlI32[b + SLOT.inject] = injectNext.mode;
      injectNext = null;
    }
    s.seq = (s.seq + 1) | 0;
    Atomics.store(ctlI32, b + SLOT.req, s.seq);
    Atomics.notify(ctlI32, b + SLOT.req);
    busy.push({ slot: s, part: next++, number });
  }
  if (busy.length > 0) splits.set(name, (splits.get(name) ?? 0) + 1);
  const t0 = performance.now();
  let localError: unknown = null;
  try {
    // Parts no ready worker took run here, after the caller's own.
    for (const p of [0, ...Array.from({ length: parts.length - next }, (_, i) => next + i)]) {
      results[p] = local[name]!(...parts[p]!);
    }
  } catch (e) {
    localError = e;
  }
  // Always wait for every worker, even after a local failure, so that no
  // part is still writing when the caller frees or reuses memory.
  const timeout = Math.max(minTimeoutMs, 4 * (performance.now() - t0));
  const failures: string[] = [];
  for (const { slot: s, part, number } of busy) {
    const b = i32At(s.index, 0);
    const deadline = performance.now() + timeout;
    let done = Atomics.load(ctlI32, b + SLOT.done);
    // The worker's part usually ends within microseconds of ours: poll
    // before sleeping, as the worker does for its next job.
    for (const until = performance.now() + SLOT.spinMs; done !== s.seq && performance.now() < until; ) done = Atomics.load(ctlI32, b + SLOT.done);
    while (done !== s.seq) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      Atomics.wait(ctlI32, b + SLOT.done, done, left);
      done = Atomics.load(ctlI32, b + SLOT.done);
    }
    if (done !== s.seq) {
      failures.push(`stridewise: worker ${number} failed in ${name}: no answer after ${Math.round(timeout)} ms`);
      replace(s);
    } else if (ctlI32[b + SLOT.status] !== 0) {
      failures.push(`stridewise: worker ${number} failed in ${name}: ${readMessage(s.index)}`);
      // A trap leaves the instance usable, but a fresh worker is the safe answer.
      replace(s);
    } else {
      results[part] = ctlF64[((s.index * SLOT.bytes) >> 3) + SLOT.result]!;
    }
  }
  if (localError !== null) throw localError;
  if (failures.length > 0) throw new WorkerError(failures.join("; "));
  return results;
}

function replace(s: Slot): void {
  s.handle.terminate();
  const at = slots.indexOf(s);
  if (at < 0) return;
  if (!s.started && ++startFailures >= MAX_START_FAILURES) slots.splice(at, 1);
  else slots[at] = spawnSlot();
}

/**
 * @internal Cuts [0, n) into `parts` ranges whose starts are multiples of
 * `align` (the last takes the rest); ranges may be empty for tiny n.
 */
export function ranges(n: number, parts: number, align = 1): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let p = 0; p < parts; p++) {
    let end = p === parts - 1 ? n : Math.round(((p + 1) * n) / parts / align) * align;
    end = Math.min(Math.max(end, start), n);
    out.push([start, end]);
    start = end;
  }
  return out;
}
