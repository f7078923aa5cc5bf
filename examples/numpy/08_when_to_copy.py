# 何时使用副本,何时使用视图 (when to copy, when to view).
import numpy as np


def normalize_in_place(data, target):
    result = data.copy()
    min_val = result.min()
    max_val = result.max()
    result = (result - min_val) / (max_val - min_val)
    result = result * (target[1] - target[0]) + target[0]
    return result


def compute_batch_stats(data, indices):
    batch = data[indices]  # the tutorial says "a view"; it is a copy
    return {
        "mean": batch.mean(axis=0),
        "std": batch.std(axis=0),
        "min": batch.min(axis=0),
        "max": batch.max(axis=0),
    }


np.random.seed(0)
data = np.random.randn(1000, 8)
scaled = normalize_in_place(data, (-1, 1))
print(f"scaled range: {scaled.min()} .. {scaled.max()}")
print(f"共享内存: {np.shares_memory(data, scaled)}")
stats = compute_batch_stats(data, np.arange(0, 1000, 10))
for name in ("mean", "std", "min", "max"):
    print(f"{name}: {stats[name][:4]}")
