// T0: the ceiling of the threads column. A plain memcpy of E's bytes into
// a destination whose pages are already touched: one memory.copy on one
// thread, or two halves on two (copyto of two contiguous arrays is
// copy_contiguous cut into 64-byte-aligned byte ranges, nothing else).
// What two threads gain here is what the VM's memory system gives any
// copy; a copy workload cannot gain more.

import { copyto, emptyLike, type NDArray } from "../src/index.js";
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
];
