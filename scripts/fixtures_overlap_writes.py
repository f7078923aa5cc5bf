# Records NumPy's results of assignments whose source is a view of the
# destination (a[1:] = a[:-1] and friends) -> test/fixtures/overlap_writes.json.
# Each case: a base built by np.arange(size).reshape(shape).astype(dtype),
# then base[dst] = (base[src] or its transpose); the base's values afterwards.
import json

import numpy as np

CASES = [
    # (shape, dtype, dst index, src index, transpose src)
    ((10,), "int64", "1:", ":-1", False),
    ((10,), "int64", ":-1", "1:", False),
    ((10,), "int64", "::-1", ":", False),
    ((10,), "float32", "::2", "1::2", False),
    ((10,), "int16", "1::2", "::2", False),
    ((10,), "int8", "2:", ":-2", False),
    ((10,), "float64", ":5", "5:", False),
    ((10,), "float64", "3:8", "1:6", False),
    ((10,), "uint8", "::-2", "::2", False),
    ((4, 4), "int32", "...", "...", True),
    ((4, 4), "float32", ":, :", ":, :", True),
    ((3, 5), "int64", "1:, :", ":-1, :", False),
    ((3, 5), "int64", ":, 1:", ":, :-1", False),
    ((3, 5), "float64", ":, ::-1", ":, :", False),
    ((6, 6), "int16", "1:5, 1:5", ":4, 2:", True),
    ((2, 3, 4), "int32", "1:, ::-1", ":1, :", False),
    ((64,), "float32", "1:", ":-1", False),
    ((65,), "float64", ":-3", "3:", False),
    ((1025,), "int8", "7:", ":-7", False),
]


def parse(ix):
    out = []
    for part in ix.split(","):
        part = part.strip()
        if part == "...":
            out.append(Ellipsis)
        elif ":" in part:
            out.append(slice(*[int(p) if p else None for p in part.split(":")]))
        else:
            out.append(int(part))
    return tuple(out)


cases = []
for shape, dtype, dst, src, transpose in CASES:
    base = np.arange(int(np.prod(shape))).reshape(shape).astype(dtype)
    value = base[parse(src)]
    if transpose:
        value = value.T
    base[parse(dst)] = value
    cases.append({"shape": list(shape), "dtype": dtype, "dst": dst, "src": src, "transpose": transpose,
                  "result": base.ravel().tolist()})

json.dump({"generated_by": "scripts/fixtures_overlap_writes.py", "numpy": np.__version__, "cases": cases},
          open("test/fixtures/overlap_writes.json", "w"), separators=(",", ":"))
print(f"wrote {len(cases)} cases to test/fixtures/overlap_writes.json")
