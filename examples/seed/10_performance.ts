// 性能考量 (performance): views cost nothing, copies cost bandwidth.
// Twin of examples/numpy/10_performance.py; the example test masks timings.
import { random } from "../../src/index.js";

export function main(): void {
  const arr = random.randn(10000, 768);
  let start = performance.now();
  for (let i = 0; i < 100; i++) arr.get(":, :256").dispose(); // 视图
  const viewTime = (performance.now() - start) / 1000;
  start = performance.now();
  for (let i = 0; i < 100; i++) {
    const v = arr.get(":, :256");
    v.copy().dispose(); // 副本
    v.dispose();
  }
  const copyTime = (performance.now() - start) / 1000;
  console.log(`视图时间: ${viewTime.toFixed(4)}s`);
  console.log(`副本时间: ${copyTime.toFixed(4)}s`);
  console.log(`副本慢 ${(copyTime / viewTime).toFixed(1)}x`);
  arr.dispose();
}
