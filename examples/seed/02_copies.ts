// 什么是副本 (what a copy is). Twin of examples/numpy/02_copies.py.
import { arange } from "../../src/index.js";

export function main(): void {
  // 使用 .copy() 方法
  const arr = arange(12).reshape([3, 4]);
  const copyOfArr = arr.copy();
  // 修改副本不影响原始数组
  copyOfArr.set(0, 0, 999);
  console.log(`原始数组[0,0]: ${arr.get(0, 0)}`); // 仍然是 0
  console.log(`副本[0,0]: ${copyOfArr.get(0, 0)}`); // 是 999
  arr.dispose();
  copyOfArr.dispose();
}
