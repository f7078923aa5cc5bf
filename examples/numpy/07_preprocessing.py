# 数据预处理流水线 (a preprocessing pipeline): astype and arithmetic make copies.
import numpy as np


def preprocess_batch(data, normalize=True, mean=None, std=None):
    result = data.astype(np.float32)  # 总是创建副本
    if normalize:
        if mean is None:
            mean = result.mean(axis=0)
        if std is None:
            std = result.std(axis=0) + 1e-8
        result = (result - mean) / std  # 这会创建新的数组
    return result  # 返回的是副本,不是视图


np.random.seed(42)
data = np.random.randint(0, 255, (32, 768))
processed = preprocess_batch(data)
print(f"原始数据 dtype: {data.dtype}")
print(f"处理后 dtype: {processed.dtype}")
print(f"共享内存: {np.shares_memory(data, processed)}")  # False
print(processed[:2, :4])
