# 性能考量 (performance): views cost nothing, copies cost bandwidth. Timings
# differ from run to run; the example test masks them.
import time

import numpy as np

arr = np.random.randn(10000, 768)
start = time.time()
for _ in range(100):
    view = arr[:, :256]  # 视图
view_time = time.time() - start
start = time.time()
for _ in range(100):
    copy = arr[:, :256].copy()  # 副本
copy_time = time.time() - start
print(f"视图时间: {view_time:.4f}s")
print(f"副本时间: {copy_time:.4f}s")
print(f"副本慢 {copy_time / view_time:.1f}x")
