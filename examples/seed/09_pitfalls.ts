// 常见误区 (common pitfalls). Twin of examples/numpy/09_pitfalls.py.
import { arange, sharesMemory, trackCopies } from "../../src/index.js";
import { py } from "./py.js";

export function main(): void {
  // 误区一:以为切片总是安全的
  const arr = arange(12).reshape([3, 4]);
  const view = arr.get(":, :2");
  console.log(`切片视图共享内存: ${py(sharesMemory(arr, view))}`);
  // 误区二:忘记整数索引返回副本
  const singleRow = arr.get(0); // 返回视图(一维数组)
  console.log(`单行共享内存: ${py(sharesMemory(arr, singleRow))}`);
  const { result: rows, bytes } = trackCopies(() => arr.get([0, 1])); // 返回副本
  console.log(`多行共享内存: ${py(sharesMemory(arr, rows))}`);
  console.log(`copy ledger: index copied ${bytes} bytes`);
  // 误区三:忽略 dtype 转换会创建副本
  const f32 = arange(12, { dtype: "float32" });
  const viewAsFloat64 = f32.view("float64"); // 注意:view 只是改变解释方式
  console.log(`view 共享内存: ${py(sharesMemory(f32, viewAsFloat64))}, shape ${py(viewAsFloat64.shape)}`);
  const arrInt32 = arange(12, { dtype: "int32" });
  const arrFloat64 = arrInt32.astype("float64");
  console.log(`astype 共享内存: ${py(sharesMemory(arrInt32, arrFloat64))}`); // False
  for (const a of [arr, view, singleRow, rows, f32, viewAsFloat64, arrInt32, arrFloat64]) a.dispose();
}
