// T0: the ceiling of the threads column. A plain memcpy of E's bytes into
// a destination whose pages are already touched: one memory.copy on one
// thread, or two halves on two (copyto of two contiguous arrays is
// copy_contiguous cut into 64-byte-aligned byte ranges, nothing else).
// What two threads gain here is what the VM's memory system gives any
// copy; a copy workload cannot gain more.

import { copyto, emptyLike, sin, type NDArray } from "../src/index.js";
import { expect, type Workload } from "./harness.js";

export const workloads: Workload[] = [
  {
    id: "T0",
    title: "memcpy ceiling: np.copyto(dst, E), dst touched",
    numpy: { setup: "dst = np.empty_like(E); dst.fill(0)", stmt: "np.copyto(dst, E)" },
    setup: (d) => {
      const dst = emptyLike(d.E);
      dst.fill(0);
      return dst;
    },
    run: (d, dst) => {
      copyto(dst as NDArray, d.E);
      return undefined;
    },
    check: (_r, d) => expect(d.E.size > 0, "T0: data"),
    bytes: (d) => 2 * d.E.nbytes,
    path: "contiguous",
  },
  // T1: the other ceiling. np.sin over 512 rows of E (1.5 MiB in, 1.5 MiB
  // out: each thread's half stays in its core's L2) does ~10 ns of arithmetic
  // per element and almost no memory traffic, so its speed-up is what the two
  // vCPUs give pure compute. A VM whose two vCPUs are hyperthreads of one core
  // shows it well under 2x, and then a compute-heavy cast (float32 -> float16)
  // cannot scale past it whatever the memory does.
  {
    id: "T1",
    title: "compute ceiling: np.sin(x, out=y), x = E[:512]",
    numpy: { setup: "x = E[:512].copy(); y = np.empty_like(x)", stmt: "np.sin(x, out=y)" },
    setup: (d) => {
      const x = d.E.get("0:512").copy();
      return { x, y: emptyLike(x) };
    },
    run: (_d, p) => {
      const { x, y } = p as { x: NDArray; y: NDArray };
      sin(x, { out: y });
      return p;
    },
    check: (r) => {
      const { x, y } = r as { x: NDArray; y: NDArray };
      for (const k of [0, 1, y.size >> 1, y.size - 1]) {
        const want = Math.fround(Math.sin(x.item(k) as number));
        const got = y.item(k) as number;
        expect(Math.abs(got - want) <= 1e-6, `T1: sin at ${k} = ${got}, want ${want}`);
      }
    },
    bytes: (d) => 2 * Math.min(512, d.E.shape[0]!) * 768 * 4,
    path: "elementwise",
  },
];
