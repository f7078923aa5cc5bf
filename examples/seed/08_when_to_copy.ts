// 何时使用副本,何时使用视图 (when to copy, when to view).
// Twin of examples/numpy/08_when_to_copy.py.
import { arange, random, sharesMemory, tidy, type NDArray } from "../../src/index.js";
import { py } from "./py.js";

function normalizeInPlace(data: NDArray, target: [number, number]): NDArray {
  return tidy(() => {
    const result = data.copy();
    const minVal = result.min();
    const maxVal = result.max();
    const scaled = result.sub(minVal).div(maxVal.sub(minVal));
    return scaled.mul(target[1] - target[0]).add(target[0]);
  });
}

function computeBatchStats(data: NDArray, indices: NDArray): Record<string, NDArray> {
  return tidy(() => {
    const batch = data.get(indices); // the tutorial says "a view"; it is a copy
    return {
      mean: batch.mean({ axis: 0 }),
      std: batch.std({ axis: 0 }),
      min: batch.min({ axis: 0 }),
      max: batch.max({ axis: 0 }),
    };
  });
}

export function main(): void {
  random.seed(0);
  const data = random.randn(1000, 8);
  const scaled = normalizeInPlace(data, [-1, 1]);
  const lo = scaled.min();
  const hi = scaled.max();
  console.log(`scaled range: ${lo} .. ${hi}`);
  console.log(`共享内存: ${py(sharesMemory(data, scaled))}`);
  const idx = arange(0, 1000, 10);
  const stats = computeBatchStats(data, idx);
  for (const name of ["mean", "std", "min", "max"]) {
    const head = stats[name]!.get(":4");
    console.log(`${name}: ${head}`);
    head.dispose();
  }
  for (const a of [data, scaled, lo, hi, idx, ...Object.values(stats)]) a.dispose();
}
