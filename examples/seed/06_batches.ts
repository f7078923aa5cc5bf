// Batch 处理 (batches): data[batch_indices] is a copy too.
// Twin of examples/numpy/06_batches.py.
import { random, sharesMemory, trackCopies, type NDArray } from "../../src/index.js";
import { py } from "./py.js";

function createBatchView(data: NDArray, batchIndices: NDArray): NDArray {
  return data.get(batchIndices); // the tutorial says "a view"; it is a copy
}

export function main(): void {
  random.seed(42);
  const allData = random.randn(100000, 768); // 大型数据集
  const allLabels = random.randint(0, 10, 100000);
  // 模拟数据加载器
  for (let epoch = 0; epoch < 3; epoch++) {
    const perm = random.permutation(100000);
    const indices = perm.get(":32");
    const { result, bytes } = trackCopies(() => [createBatchView(allData, indices), allLabels.get(indices)]);
    const [batchX, batchY] = result as [NDArray, NDArray]; // 整数索引返回副本
    if (epoch === 0) {
      console.log(`batch_x 共享内存: ${py(sharesMemory(allData, batchX))}`);
      console.log(`batch_y 共享内存: ${py(sharesMemory(allLabels, batchY))}`);
      console.log(`copy ledger: index copied ${bytes} bytes`);
    }
    const i4 = indices.get(":4");
    const y8 = batchY.get(":8");
    console.log(`epoch ${epoch}: indices ${i4}, labels ${y8}`);
    for (const a of [perm, indices, batchX, batchY, i4, y8]) a.dispose();
  }
  allData.dispose();
  allLabels.dispose();
}
