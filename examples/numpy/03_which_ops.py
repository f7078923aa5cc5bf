# 哪些操作返回视图,哪些返回副本 (which operations return views, which copies).
import numpy as np

arr = np.arange(12).reshape(3, 4)
# 切片操作返回视图
slice_view = arr[:, :2]
slice_view[0, 0] = 999
print(f"切片修改后 arr[0,0]: {arr[0, 0]}")  # 被修改了
# 整数索引返回副本
int_indexed = arr[[0, 1, 2]]
int_indexed[0, 0] = 888
print(f"整数索引修改后 arr[0,0]: {arr[0, 0]}")  # 未被修改
print(f"copy ledger: index copied {int_indexed.nbytes} bytes")
