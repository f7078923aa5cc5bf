// W8: view creation on the embedding E (BENCH.md). Each call builds a new
// descriptor over E's memory and nothing else; the runner disposes every
// result inside the timed loop (one refcount decrement), as a user would,
// so the time is create + dispose, against NumPy's create + decref.
import { type NDArray } from "../src/index.js";
import { expect, expectShape, type Data, type Workload } from "./harness.js";

const BATCH = 100_000;

function expectStrides(a: NDArray, strides: readonly number[], what: string): void {
  expect(a.strides.length === strides.length && a.strides.every((s, i) => s === strides[i]), `${what}: strides [${a.strides}] != [${strides}]`);
}

function expectSharesE(a: NDArray, d: Data, what: string): void {
  expect(a._mem === d.E._mem && a.offset === d.E.offset, `${what}: not a view of E's first element`);
}

export const workloads: Workload[] = [
  {
    id: "W8a",
    title: "E[:, :2]",
    numpy: { stmt: "E[:, :2]" },
    run: (d) => d.E.get(":, :2"),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, [d.E.shape[0]!, 2], "E[:, :2]");
      expectStrides(a, [768 * 4, 4], "E[:, :2]");
      expectSharesE(a, d, "E[:, :2]");
      expect(a.item(1, 1) === d.E.item(1, 1), "E[:, :2]: values");
    },
    batch: BATCH,
    path: "view",
    target: 0.5,
  },
  {
    id: "W8b",
    title: "E.reshape(768, 50257)",
    numpy: { stmt: "E.reshape(768, E.shape[0])" },
    run: (d) => d.E.reshape([768, d.E.shape[0]!]),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, [768, d.E.shape[0]!], "E.reshape");
      expectStrides(a, [d.E.shape[0]! * 4, 4], "E.reshape");
      expectSharesE(a, d, "E.reshape");
    },
    batch: BATCH,
    path: "view",
    target: 0.5,
  },
  {
    id: "W8c",
    title: "E.T",
    numpy: { stmt: "E.T" },
    run: (d) => d.E.T,
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, [768, d.E.shape[0]!], "E.T");
      expectStrides(a, [4, 768 * 4], "E.T");
      expectSharesE(a, d, "E.T");
      expect(a.item(5, 3) === d.E.item(3, 5), "E.T: values");
    },
    batch: BATCH,
    path: "view",
    target: 0.5,
  },
  {
    id: "W8d",
    title: "E[None]",
    numpy: { stmt: "E[None]" },
    run: (d) => d.E.get(null),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, [1, d.E.shape[0]!, 768], "E[None]");
      expectStrides(a, [0, 768 * 4, 4], "E[None]");
      expectSharesE(a, d, "E[None]");
    },
    batch: BATCH,
    path: "view",
    target: 0.5,
  },
  {
    id: "W8e",
    title: "E.squeeze()",
    // NumPy returns E itself here (nothing to squeeze); stridewise returns a
    // new view so that disposing the result never disposes E.
    numpy: { stmt: "E.squeeze()" },
    run: (d) => d.E.squeeze(),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, [d.E.shape[0]!, 768], "E.squeeze()");
      expectStrides(a, [768 * 4, 4], "E.squeeze()");
      expectSharesE(a, d, "E.squeeze()");
    },
    batch: BATCH,
    path: "view",
    target: 0.5,
  },
];
