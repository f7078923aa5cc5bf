# Batch 处理中的视图使用 (batches). data[batch_indices] is a copy too.
import numpy as np


def create_batch_view(data, batch_indices):
    return data[batch_indices]  # the tutorial says "a view"; it is a copy


np.random.seed(42)
all_data = np.random.randn(100000, 768)  # 大型数据集
all_labels = np.random.randint(0, 10, 100000)
# 模拟数据加载器
for epoch in range(3):
    indices = np.random.permutation(100000)[:32]
    batch_x = create_batch_view(all_data, indices)
    batch_y = all_labels[indices]  # 整数索引返回副本
    # 修改不会影响原始数据
    if epoch == 0:
        print(f"batch_x 共享内存: {np.shares_memory(all_data, batch_x)}")
        print(f"batch_y 共享内存: {np.shares_memory(all_labels, batch_y)}")
        print(f"copy ledger: index copied {batch_x.nbytes + batch_y.nbytes} bytes")
    print(f"epoch {epoch}: indices {indices[:4]}, labels {batch_y[:8]}")
