// 什么是视图 (what a view is): reshape gives a view, writes go both ways.
// Twin of examples/numpy/01_views.py.
import { arange } from "../../src/index.js";
import { py } from "./py.js";

export function main(): void {
  // 创建视图的操作
  const arr = arange(12).reshape([3, 4]);
  console.log(`原始数组:\n${arr}`);
  // reshape 返回视图(如果可能)
  const view = arr.reshape([4, 3]);
  console.log(`\n视图 shape=${py(view.shape)}:`);
  console.log(`${view}`);
  // 修改视图会影响原始数组
  view.set(0, 0, 100);
  console.log(`\n修改视图后,原始数组:\n${arr}`);
  arr.dispose();
  view.dispose();
}
