// Creation workloads: zeros and full on the embedding's shape. Not in
// BENCH.md's list, but the first thing the demo does.
import { full, zeros, type NDArray } from "../src/index.js";
import { expect, expectShape, type Data, type Workload } from "./harness.js";

const shapeOf = (d: Data): [number, number] => [d.E.shape[0]!, 768];

export const workloads: Workload[] = [
  {
    id: "C1",
    title: "np.zeros(E.shape, np.float32)",
    numpy: { stmt: "np.zeros(E.shape, np.float32)" },
    run: (d) => zeros(shapeOf(d), { dtype: "float32" }),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, shapeOf(d), "zeros");
      expect(a.item(a.size - 1) === 0 && a.item(0) === 0, "zeros: values");
    },
    bytes: (d) => d.E.nbytes,
    // NumPy's calloc maps untouched zero pages and pays on first write;
    // a reused heap block must really be zeroed.
    path: "fill (NumPy: lazy calloc)",
  },
  {
    id: "C2",
    title: "np.full(E.shape, 0.5, np.float32)",
    numpy: { stmt: "np.full(E.shape, 0.5, np.float32)" },
    run: (d) => full(shapeOf(d), 0.5, { dtype: "float32" }),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, shapeOf(d), "full");
      expect(a.item(a.size - 1) === 0.5 && a.item(0) === 0.5, "full: values");
    },
    bytes: (d) => d.E.nbytes,
    path: "fill",
  },
];
