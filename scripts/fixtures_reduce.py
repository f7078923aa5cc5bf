"""Records NumPy's reductions for test/reduce.test.ts.

Writes test/fixtures/reduce.json: cases {op, input, opts, expect}. The
input is either small explicit data {dtype, shape, layout, b64} (logical C
order; layouts as in fixtures_math.py) or a large generated one
{gen: "lcg", dtype, shape, layout} that the test rebuilds bit for bit (inputs are listed once, cases refer to them by index):
x[i] = (((i * 2654435761) mod 2^32) / 2^32 - 0.5) * (1 + i mod 13) in
float64 (exact), cast to dtype, in C order of `shape`. The large inputs
exercise NumPy's pairwise summation (8 accumulators, 128-element leaves,
recursive halves) along the last axis, and its row-by-row accumulation
along the first.
"""

import base64
import json
import os
import warnings

import numpy as np

warnings.simplefilter("ignore")
rng = np.random.default_rng(10)


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode()


def place(a, layout):
    if layout == "C":
        return np.ascontiguousarray(a)
    if layout == "F":
        return np.asfortranarray(a)
    if layout == "rev":
        return np.ascontiguousarray(a[..., ::-1])[..., ::-1]
    raise ValueError(layout)


def lcg(n, dtype):
    i = np.arange(n, dtype=np.uint64)
    v = ((i * np.uint64(2654435761)) % np.uint64(2**32)).astype(np.float64) / 2**32 - 0.5
    v *= (1 + i % np.uint64(13)).astype(np.float64)
    return v.astype(dtype)


def data(dtype, shape, op):
    n = int(np.prod(shape))
    d = np.dtype(dtype)
    if d == np.bool_:
        v = rng.integers(0, 4, n) > 0
    elif d.kind in "iu":
        lo, hi = (0, 4) if op in ("prod", "cumprod") else (max(np.iinfo(d).min, -100), min(np.iinfo(d).max, 100))
        v = rng.integers(lo, hi + 1, n).astype(d)
        if n > 3 and op not in ("prod", "cumprod"):
            v[rng.integers(0, n)] = np.iinfo(d).max
    else:
        v = (rng.standard_normal(n) * (0.3 if op in ("prod", "cumprod") else 10)).astype(d)
        if op in ("prod", "cumprod"):
            v = (v + 1).astype(d)
    return v.reshape(shape)


def result(fn):
    try:
        r = np.asarray(fn())
    except Exception as e:  # noqa: BLE001
        name = type(e).__name__
        if name == "AxisError":
            name = "AxisError"
        return {"error": name, "message": str(e)}
    return {"dtype": str(r.dtype), "shape": list(r.shape), "b64": b64(r)}


def call(op, a, opts):
    kw = dict(opts)
    if "axis" in kw and isinstance(kw["axis"], list):
        kw["axis"] = tuple(kw["axis"])
    return getattr(np, op)(a, **kw)


OPS = ["sum", "prod", "mean", "std", "var", "min", "max", "argmin", "argmax", "any", "all", "cumsum", "cumprod"]
DTYPES = ["bool", "int8", "uint8", "int16", "int32", "uint32", "int64", "uint64", "float16", "float32", "float64"]
ONE_AXIS = {"argmin", "argmax", "cumsum", "cumprod"}

cases = []
for op in OPS:
    for d in DTYPES:
        if op in ("std", "var", "mean") and d == "bool":
            pass
        for shape, layout in [((2, 3, 4), "C"), ((2, 3, 4), "F"), ((3, 5), "rev"), ((5,), "C"), ((0, 3), "C"), ((), "C")]:
            a = data(d, shape, op)
            axes = [None] + list(range(-1, len(shape)))
            if len(shape) == 3 and op not in ONE_AXIS:
                axes += [[0, 2], [1, 2]]
            for ax in axes:
                if op in ONE_AXIS and ax is not None and not isinstance(ax, int):
                    continue
                opts = {} if ax is None else {"axis": ax}
                variants = [opts]
                if op not in ("cumsum", "cumprod") and len(shape) >= 2:
                    variants.append({**opts, "keepdims": True})
                if op in ("std", "var") and ax in (None, 0):
                    variants.append({**opts, "ddof": 1})
                if op in ("sum", "mean") and d in ("float32", "int8") and ax in (None, -1):
                    variants.append({**opts, "dtype": "float64"})
                if op == "sum" and d == "int8" and ax is None:
                    variants.append({"dtype": "int8"})
                for o in variants:
                    cases.append({"op": op, "input": {"dtype": d, "shape": list(shape), "layout": layout, "b64": b64(a)},
                                  "opts": o, "expect": result(lambda: call(op, place(a, layout), o))})

# Errors: axis out of range, duplicate axes.
a = np.zeros((2, 3))
for op, o in [("sum", {"axis": 2}), ("sum", {"axis": [0, 0]}), ("max", {"axis": -3}), ("argmax", {"axis": 5})]:
    cases.append({"op": op, "input": {"dtype": "float64", "shape": [2, 3], "layout": "C", "b64": b64(a)}, "opts": o,
                  "expect": result(lambda: call(op, a, o))})

# Special values: NaN propagation, infinities.
sv = np.array([[1.0, np.nan, 3.0, -np.inf], [np.inf, 2.0, -0.0, 5.0], [0.5, 0.25, np.nan, np.nan]])
for d in ["float32", "float64", "float16"]:
    x = sv.astype(d)
    for op in ["sum", "min", "max", "argmin", "argmax", "mean", "cumsum", "any", "all", "prod"]:
        for ax in [None, 0, 1]:
            o = {} if ax is None else {"axis": ax}
            cases.append({"op": op, "input": {"dtype": d, "shape": [3, 4], "layout": "C", "b64": b64(x)}, "opts": o,
                          "expect": result(lambda: call(op, x, o))})

# Large generated inputs: pairwise sums, row accumulation, mean/std/var.
for d in ["float32", "float64", "float16"]:
    for shape, layout, axes in [((100003,), "C", [None]), ((1031, 40), "C", [None, 0]), ((40, 1031), "C", [1]),
                                ((1031, 40), "F", [0, None]), ((64, 3, 129), "C", [[0, 2], [1, 2]]), ((50, 1000), "rev", [1])]:
        x = place(lcg(int(np.prod(shape)), d).reshape(shape), layout)
        for ax in axes:
            o = {} if ax is None else {"axis": ax}
            for op in ["sum", "mean", "std", "var"] + (["max"] if d == "float32" else []):
                cases.append({"op": op, "input": {"gen": "lcg", "dtype": d, "shape": list(shape), "layout": layout}, "opts": o,
                              "expect": result(lambda: call(op, x, o))})
            if d == "float32" and ax in (0, 1, None) and layout == "C":
                cases.append({"op": "mean", "input": {"gen": "lcg", "dtype": d, "shape": list(shape), "layout": layout},
                              "opts": {**o, "dtype": "float64"}, "expect": result(lambda: call("mean", x, {**o, "dtype": "float64"}))})

# Inputs are stored once and referred to by index.
inputs = []
index = {}
for c in cases:
    key = json.dumps(c["input"], sort_keys=True)
    if key not in index:
        index[key] = len(inputs)
        inputs.append(c["input"])
    c["input"] = index[key]

out = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "reduce.json")
with open(out, "w") as f:
    json.dump({"generator": "scripts/fixtures_reduce.py", "numpy": np.__version__, "inputs": inputs, "cases": cases}, f, separators=(",", ":"))
print(f"{len(cases)} cases -> {os.path.relpath(out)} ({os.path.getsize(out)} bytes)")
