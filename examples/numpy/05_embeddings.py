# 词嵌入矩阵处理 (embedding matrices). The tutorial calls embeddings[token_ids]
# a view; integer-array indexing is always a copy, so NumPy prints False, and
# the copy ledger line shows the bytes the gather copied.
import numpy as np


def get_embedding_submatrix(embeddings, token_ids, copy=False):
    sub_embeddings = embeddings[token_ids]
    if copy:
        return sub_embeddings.copy()
    return sub_embeddings  # the tutorial says "a view"; it is a copy


np.random.seed(42)
embeddings = np.random.randn(50257, 768)
token_ids = [0, 1, 2, 3, 4]
# 获取视图(不复制) -- in fact a copy
sub_view = get_embedding_submatrix(embeddings, token_ids, copy=False)
print(f"子矩阵形状: {sub_view.shape}")
print(f"共享内存: {np.shares_memory(embeddings, sub_view)}")
print(f"copy ledger: index copied {sub_view.nbytes} bytes")
# 获取副本(复制)
sub_copy = get_embedding_submatrix(embeddings, token_ids, copy=True)
print(f"副本共享内存: {np.shares_memory(embeddings, sub_copy)}")
print(f"first values: {embeddings[0, :3]}")
