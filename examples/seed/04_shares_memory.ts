// 使用 sharesMemory 检查共享. Twin of examples/numpy/04_shares_memory.py.
import { arange, sharesMemory } from "../../src/index.js";
import { py } from "./py.js";

export function main(): void {
  const arr = arange(12).reshape([3, 4]);
  // reshape 可能返回视图
  const view = arr.reshape([4, 3]);
  console.log(`reshape: 共享内存? ${py(sharesMemory(arr, view))}`);
  // 切片返回视图
  const sliceView = arr.get(":, :2");
  console.log(`切片: 共享内存? ${py(sharesMemory(arr, sliceView))}`);
  // copy 返回副本
  const copied = arr.copy();
  console.log(`copy: 共享内存? ${py(sharesMemory(arr, copied))}`);
  for (const a of [arr, view, sliceView, copied]) a.dispose();
}
