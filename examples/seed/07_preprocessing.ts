// 数据预处理流水线 (a preprocessing pipeline): astype and arithmetic make
// copies. Twin of examples/numpy/07_preprocessing.py.
import { random, sharesMemory, tidy, type NDArray } from "../../src/index.js";
import { py } from "./py.js";

function preprocessBatch(data: NDArray, normalize = true): NDArray {
  // tidy frees the temporaries (the float32 copy, mean, std) and keeps the result.
  return tidy(() => {
    const result = data.astype("float32"); // 总是创建副本
    if (!normalize) return result;
    const mean = result.mean({ axis: 0 });
    const std = result.std({ axis: 0 }).add(1e-8);
    return result.sub(mean).div(std); // 这会创建新的数组
  });
}

export function main(): void {
  random.seed(42);
  const data = random.randint(0, 255, [32, 768]);
  const processed = preprocessBatch(data);
  console.log(`原始数据 dtype: ${data.dtype}`);
  console.log(`处理后 dtype: ${processed.dtype}`);
  console.log(`共享内存: ${py(sharesMemory(data, processed))}`); // False
  const head = processed.get(":2, :4");
  console.log(`${head}`);
  for (const a of [data, processed, head]) a.dispose();
}
