// The worker's whole program, shipped as the text of one function: an
// inline worker (Node: `eval: true`; browsers: a Blob URL) needs no file
// next to the bundle and nothing fetched. The function must therefore be
// self-contained: no imports, no closures over this module.

/** Layout of one slot of the control block (shared by pool.ts and the worker). */
export const SLOT = {
  bytes: 1024,
  // i32 indices
  ready: 0,
  req: 1,
  done: 2,
  status: 3,
  kernel: 4,
  nargs: 5,
  bigMask: 6,
  inject: 7,
  msgLen: 8,
  // f64 indices (from the slot's start, in f64 units): result, then args
  result: 8,
  args: 9,
  maxArgs: 16,
  // byte offset of the error text
  msg: 256,
  // how long to poll a counter before Atomics.wait, in ms
  spinMs: 0.05,
} as const;

/**
 * @internal The body every worker runs. `port` delivers one message
 * ({ module, memory, ctl, slot, names, layout }); after that the worker
 * serves jobs on its slot until terminated. It never allocates in the heap:
 * each instance of the module has its own allocator state, so only the
 * main instance may call alloc.
 */
export function workerMain(receive: (fn: (data: unknown) => void) => void): void {
  receive((data) => {
    const { module, memory, ctl, slot, names, layout: L } = data as {
      module: WebAssembly.Module;
      memory: WebAssembly.Memory;
      ctl: SharedArrayBuffer;
      slot: number;
      names: string[];
      layout: typeof SLOT;
    };
    const i32 = new Int32Array(ctl, slot * L.bytes, L.bytes >> 2);
    const f64 = new Float64Array(ctl, slot * L.bytes, L.bytes >> 3);
    const msg = new Uint8Array(ctl, slot * L.bytes + L.msg, L.bytes - L.msg);
    const fail = (e: unknown): void => {
      const text = new TextEncoder().encode(String(e instanceof Error ? e.message : e)).subarray(0, msg.length);
      msg.set(text);
      i32[L.msgLen] = text.length;
      i32[L.status] = 1;
    };
    WebAssembly.instantiate(module, { env: { memory, abort: () => { throw new Error("abort"); } } }).then(
      (inst) => {
        const ex = inst.exports as Record<string, (...a: unknown[]) => number>;
        const fns = names.map((n) => ex[n]);
        // Read the request counter before saying ready: a job posted in
        // between must still be seen as new.
        let seen = Atomics.load(i32, L.req);
        Atomics.store(i32, L.ready, 1);
        Atomics.notify(i32, L.ready);
        for (;;) {
          // Calls come in bursts (a bench loop, a pipeline of ops): look for
          // the next job for a few tens of microseconds before sleeping, since
          // a sleeping worker takes ~25 µs to wake in a VM.
          for (const until = performance.now() + L.spinMs; Atomics.load(i32, L.req) === seen && performance.now() < until; );
          Atomics.wait(i32, L.req, seen);
          seen = Atomics.load(i32, L.req);
          i32[L.status] = 0;
          const exitAfter = i32[L.inject] === 3;
          try {
            const inject = i32[L.inject]!;
            if (inject !== 0) {
              i32[L.inject] = 0;
              if (inject === 1) throw new Error("injected failure");
              if (inject === 2) for (;;) Atomics.wait(i32, L.inject, 0, 1e9);
            }
            const fn = fns[i32[L.kernel]!];
            if (fn === undefined) throw new Error(`no kernel ${names[i32[L.kernel]!]}`);
            const n = i32[L.nargs]!;
            const mask = i32[L.bigMask]!;
            const args: unknown[] = [];
            for (let a = 0; a < n; a++) {
              const v = f64[L.args + a]!;
              args.push(mask & (1 << a) ? BigInt(v) : v);
            }
            const r = fn(...args);
            f64[L.result] = typeof r === "number" ? r : typeof r === "bigint" ? Number(r) : 0;
          } catch (e) {
            fail(e);
          }
          Atomics.store(i32, L.done, seen);
          Atomics.notify(i32, L.done);
          if (exitAfter) {
            // Test hook: answer, then die between calls.
            const g = globalThis as { process?: { exit(c: number): void }; close?: () => void };
            if (g.process) g.process.exit(0);
            else g.close?.();
            return;
          }
        }
      },
      (e) => {
        fail(e);
        Atomics.store(i32, L.ready, 2);
        Atomics.notify(i32, L.ready);
      },
    );
  });
}
