# 什么是视图 (what a view is): the tutorial's first example.
import numpy as np

# 创建视图的操作
arr = np.arange(12).reshape(3, 4)
print(f"原始数组:\n{arr}")
# reshape 返回视图(如果可能)
view = arr.reshape(4, 3)
print(f"\n视图 shape={view.shape}:")
print(view)
# 修改视图会影响原始数组
view[0, 0] = 100
print(f"\n修改视图后,原始数组:\n{arr}")
