// 哪些操作返回视图,哪些返回副本. Twin of examples/numpy/03_which_ops.py.
import { arange, trackCopies } from "../../src/index.js";

export function main(): void {
  const arr = arange(12).reshape([3, 4]);
  // 切片操作返回视图
  const sliceView = arr.get(":, :2");
  sliceView.set(0, 0, 999);
  console.log(`切片修改后 arr[0,0]: ${arr.get(0, 0)}`); // 被修改了
  // 整数索引返回副本
  const { result: intIndexed, bytes } = trackCopies(() => arr.get([0, 1, 2]));
  intIndexed.set(0, 0, 888);
  console.log(`整数索引修改后 arr[0,0]: ${arr.get(0, 0)}`); // 未被修改
  console.log(`copy ledger: index copied ${bytes} bytes`);
  for (const a of [arr, sliceView, intIndexed]) a.dispose();
}
