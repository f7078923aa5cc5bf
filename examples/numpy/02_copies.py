# 什么是副本 (what a copy is).
import numpy as np

# 使用 .copy() 方法
arr = np.arange(12).reshape(3, 4)
copy_of_arr = arr.copy()
# 修改副本不影响原始数组
copy_of_arr[0, 0] = 999
print(f"原始数组[0,0]: {arr[0, 0]}")  # 仍然是 0
print(f"副本[0,0]: {copy_of_arr[0, 0]}")  # 是 999
