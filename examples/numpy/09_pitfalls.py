# 常见误区 (common pitfalls).
import numpy as np

# 误区一:以为切片总是安全的
arr = np.arange(12).reshape(3, 4)
view = arr[:, :2]
print(f"切片视图共享内存: {np.shares_memory(arr, view)}")
# 误区二:忘记整数索引返回副本
single_row = arr[0]  # 返回视图(一维数组)
print(f"单行共享内存: {np.shares_memory(arr, single_row)}")
rows = arr[[0, 1]]  # 返回副本
print(f"多行共享内存: {np.shares_memory(arr, rows)}")
print(f"copy ledger: index copied {rows.nbytes} bytes")
# 误区三:忽略 dtype 转换会创建副本
arr = np.arange(12, dtype=np.float32)
view_as_float64 = arr.view(np.float64)  # 注意:view 只是改变解释方式
print(f"view 共享内存: {np.shares_memory(arr, view_as_float64)}, shape {view_as_float64.shape}")
arr_int32 = np.arange(12, dtype=np.int32)
arr_float64 = arr_int32.astype(np.float64)
print(f"astype 共享内存: {np.shares_memory(arr_int32, arr_float64)}")  # False
