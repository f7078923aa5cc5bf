// 词嵌入矩阵处理 (embedding matrices). The tutorial calls embeddings[token_ids]
// a view; integer-array indexing is always a copy: sharesMemory says false,
// and the copy ledger shows the bytes the gather copied.
// Twin of examples/numpy/05_embeddings.py.
import { random, sharesMemory, trackCopies, type NDArray } from "../../src/index.js";
import { py } from "./py.js";

function getEmbeddingSubmatrix(embeddings: NDArray, tokenIds: number[], copy = false): NDArray {
  const sub = embeddings.get(tokenIds);
  if (!copy) return sub; // the tutorial says "a view"; it is a copy
  const c = sub.copy();
  sub.dispose();
  return c;
}

export function main(): void {
  random.seed(42);
  const embeddings = random.randn(50257, 768);
  const tokenIds = [0, 1, 2, 3, 4];
  // 获取视图(不复制) -- in fact a copy
  const { result: subView, copies } = trackCopies(() => getEmbeddingSubmatrix(embeddings, tokenIds, false));
  console.log(`子矩阵形状: ${py(subView.shape)}`);
  console.log(`共享内存: ${py(sharesMemory(embeddings, subView))}`);
  console.log(`copy ledger: ${copies.map((c) => `${c.op} copied ${c.bytes} bytes`).join(", ")}`);
  // 获取副本(复制)
  const subCopy = getEmbeddingSubmatrix(embeddings, tokenIds, true);
  console.log(`副本共享内存: ${py(sharesMemory(embeddings, subCopy))}`);
  const first = embeddings.get(0, ":3");
  console.log(`first values: ${first}`);
  for (const a of [embeddings, subView, subCopy, first]) a.dispose();
}
