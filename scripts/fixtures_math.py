"""Records NumPy's element-wise ufunc results for test/elementwise.test.ts.

Writes test/fixtures/math.json: a list of cases, each an operation on one
or two operands and NumPy's answer (result dtype, shape, bytes) or its
error (class and message).

Operands are either arrays {dtype, shape, layout, b64} - b64 holds the
logical values in C order, and `layout` says how the test lays them out in
memory: "C", "F" (Fortran copy), "rev" (negative strides on the last
axis), "step2" (every second element of a wider array) - or weak Python
scalars {scalar: value}, which JS numbers mirror (NEP 50). Broadcasting
comes from the shape pairs. Values are drawn from per-dtype pools with the
edge cases (extremes, zero divisors, NaN, infinities, signed zeros).
"""

import base64
import json
import os
import warnings

import ml_dtypes
import numpy as np

warnings.simplefilter("ignore")
rng = np.random.default_rng(9)

BF16 = np.dtype(ml_dtypes.bfloat16)


def dt(name):
    return BF16 if name == "bfloat16" else np.dtype(name)


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode()


INTS = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
FLOATS = ["float16", "float32", "float64"]


def pool(name, n, op=None):
    d = dt(name)
    if name == "bool":
        return rng.integers(0, 2, n).astype(bool)
    if d.kind in "iu":
        info = np.iinfo(d)
        if op == "power":
            vals = rng.integers(0, 6, n)
            return vals.astype(d)
        small = rng.integers(max(info.min, -20), min(info.max, 20) + 1, n)
        edge = np.array([info.min, info.max, 0, 1, -1 if info.min < 0 else 2, 7], dtype=object)
        out = small.astype(d)
        k = min(n, len(edge)) if n >= 4 else 0
        for i in range(k):
            if rng.random() < 0.5:
                out[rng.integers(0, n)] = d.type(int(edge[i]))
        return out
    vals = rng.standard_normal(n) * 4
    vals = np.round(vals * 2) / 2 if rng.random() < 0.5 else vals
    special = [np.nan, np.inf, -np.inf, -0.0, 0.0, 0.5, 2.5, -1.5, 1e30, 1e-30]
    out = vals.astype(d)
    if n >= 4:
        for s in rng.choice(special, size=min(3, n), replace=False):
            out[rng.integers(0, n)] = s
    if op in ("log", "sqrt", "log1p"):
        out = np.abs(out)
    return out


def operand(a, layout):
    return {"dtype": str(a.dtype) if a.dtype != BF16 else "bfloat16", "shape": list(a.shape), "layout": layout, "b64": b64(a)}


def place(a, layout):
    """The same logical array, laid out as the test will lay it out."""
    if layout == "C":
        return np.ascontiguousarray(a)
    if layout == "F":
        return np.asfortranarray(a)
    if layout == "rev":
        return np.ascontiguousarray(a[..., ::-1])[..., ::-1]
    if layout == "step2":
        b = np.zeros(a.shape[:-1] + (a.shape[-1] * 2,), a.dtype)
        b[..., ::2] = a
        return b[..., ::2]
    raise ValueError(layout)


def result(fn):
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - the error is the fixture
        name = type(e).__name__
        if name in ("UFuncTypeError", "UFuncNoLoopError", "DTypePromotionError"):
            name = "TypeError"
        return {"error": name, "message": str(e)}
    r = np.asarray(r)
    return {"dtype": "bfloat16" if r.dtype == BF16 else str(r.dtype), "shape": list(r.shape), "b64": b64(r)}


BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "power", "maximum", "minimum"]
UNARY = ["negative", "absolute", "sqrt", "square", "exp", "log", "log1p", "expm1", "sin", "cos", "tanh",
         "sign", "floor", "ceil", "rint", "isnan", "isfinite"]

SAME = [[d, d] for d in ["bool"] + INTS + FLOATS]
MIXED = [["int8", "uint8"], ["int16", "float32"], ["uint8", "float16"], ["int64", "uint64"], ["float32", "float64"],
         ["bool", "int8"], ["int32", "float32"], ["uint32", "int32"], ["uint16", "int64"], ["float16", "int16"],
         ["bool", "float32"], ["uint64", "float32"], ["bfloat16", "float32"], ["int8", "float64"]]
SHAPES = [[[2, 3], [2, 3]], [[2, 3], [3]], [[3, 1], [1, 4]], [[], [3]], [[2, 1, 3], [4, 1]], [[0, 3], [3]], [[5], [5]]]
LAYOUTS = ["C", "F", "rev", "step2"]
SCALARS = [3, -2, 2.5, 300, True]
# Division by a zero scalar for the division family, big ints for add only.
EXTRA = {"divide": [0], "floor_divide": [0], "remainder": [0], "add": [70000, -40000]}

cases = []

for op in BINARY:
    for pair in SAME + MIXED:
        for si, (sa, sb) in enumerate(SHAPES):
            if pair in MIXED and si not in (0, 1, 2):
                continue
            a = pool(pair[0], int(np.prod(sa)), op).reshape(sa)
            b = pool(pair[1], int(np.prod(sb)), op).reshape(sb)
            lay = LAYOUTS[(si + len(cases)) % 4] if len(sa) >= 1 and a.size > 0 else "C"
            if lay == "F" and len(sa) < 2:
                lay = "rev"
            fn = getattr(np, op)
            cases.append({"op": op, "args": [operand(a, lay), operand(b, "C")],
                          "expect": result(lambda: fn(place(a, lay), b))})
    for d in ["bool"] + INTS + FLOATS:
        for s in SCALARS + EXTRA.get(op, []):
            a = pool(d, 6, op).reshape(2, 3)
            fn = getattr(np, op)
            cases.append({"op": op, "args": [operand(a, "C"), {"scalar": s}], "expect": result(lambda: fn(a, s))})
            if s in (3, 2.5):
                cases.append({"op": op, "args": [{"scalar": s}, operand(a, "rev")], "expect": result(lambda: fn(s, a))})

# Integer powers with negative exponents raise.
for d in ["int8", "int64"]:
    a = np.array([2, 3], dt(d))
    cases.append({"op": "power", "args": [operand(a, "C"), {"scalar": -1}], "expect": result(lambda: np.power(a, -1))})
    b = np.array([1, -2], dt(d))
    cases.append({"op": "power", "args": [operand(a, "C"), operand(b, "C")], "expect": result(lambda: np.power(a, b))})

# Shapes that do not broadcast.
a = np.ones((2, 3))
b = np.ones(2)
cases.append({"op": "add", "args": [operand(a, "C"), operand(b, "C")], "expect": result(lambda: np.add(a, b))})

for op in UNARY:
    for d in ["bool"] + INTS + FLOATS + ["bfloat16"]:
        for lay, shape in [("C", [2, 3]), ("F", [3, 4]), ("rev", [7]), ("step2", [2, 5])]:
            if d == "bfloat16" and lay != "C":
                continue
            a = pool(d, int(np.prod(shape)), op).reshape(shape)
            fn = getattr(np, op)
            cases.append({"op": op, "args": [operand(a, lay)], "expect": result(lambda: fn(place(a, lay)))})

# Long contiguous runs (SIMD bodies and their tails) for the float kernels.
for op in ["add", "multiply", "subtract", "divide", "maximum"]:
    for d in ["float32", "float64", "int16", "int32"]:
        if op == "divide" and d in ("int16", "int32"):
            continue
        for n in [63, 64, 65]:
            a = pool(d, n)
            b = pool(d, n)
            fn = getattr(np, op)
            cases.append({"op": op, "args": [operand(a, "C"), operand(b, "C")], "expect": result(lambda: fn(a, b))})
            cases.append({"op": op, "args": [operand(a, "C"), {"scalar": 2.5 if d[0] == "f" else 3}],
                          "expect": result(lambda: fn(a, 2.5 if d[0] == "f" else 3))})
for op in ["exp", "log", "sin", "cos", "tanh", "expm1", "log1p", "sqrt"]:
    for d in ["float32", "float64"]:
        a = (rng.standard_normal(200) * (3 if op != "exp" else 20)).astype(d)
        if op in ("log", "sqrt", "log1p"):
            a = np.abs(a)
        cases.append({"op": op, "args": [operand(a, "C")], "expect": result(lambda: getattr(np, op)(a))})

# clip and round.
for d in ["int8", "uint8", "float32", "float64", "int64"]:
    a = pool(d, 8)
    for lo, hi in [(0, 5), (-5, 100), (None, 3), (2, None), (1.5, 2.5), (-1000, 1000), (300, 400)]:
        cases.append({"op": "clip", "args": [operand(a, "C"), {"scalar": lo}, {"scalar": hi}],
                      "expect": result(lambda: np.clip(a, lo, hi))})
for d in ["float32", "float64", "int16"]:
    a = (rng.standard_normal(12) * 100).astype(d)
    for dec in [0, 1, 2, -1]:
        cases.append({"op": "round", "args": [operand(a, "C"), {"scalar": dec}], "expect": result(lambda: np.round(a, dec))})

# out= errors: shape and casting.
cases.append({"op": "add", "out": {"dtype": "int64", "shape": [3]}, "args": [operand(np.ones(3), "C"), operand(np.ones(3), "C")],
              "expect": result(lambda: np.add(np.ones(3), np.ones(3), out=np.zeros(3, np.int64)))})
cases.append({"op": "add", "out": {"dtype": "float64", "shape": [3]}, "args": [operand(np.ones((2, 3)), "C"), operand(np.ones(3), "C")],
              "expect": result(lambda: np.add(np.ones((2, 3)), np.ones(3), out=np.zeros(3)))})
cases.append({"op": "add", "out": {"dtype": "float64", "shape": [2, 3]}, "args": [operand(np.ones(3), "C"), operand(np.ones(3), "C")],
              "expect": result(lambda: np.add(np.ones(3), np.ones(3), out=np.zeros((2, 3))))})
# A read-only out (a broadcast view): NumPy checks this before shape and casting.
for shape, dt in [([3], "float64"), ([2], "int8")]:
    cases.append({"op": "add", "out": {"dtype": dt, "shape": shape, "readonly": True},
                  "args": [operand(np.ones(3), "C"), operand(np.ones(3), "C")],
                  "expect": result(lambda: np.add(np.ones(3), np.ones(3), out=np.broadcast_to(np.zeros(shape, dt), shape)))})


def to_json(v):
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        return {"num": "nan" if v != v else ("inf" if v > 0 else "-inf")}
    if isinstance(v, dict):
        return {k: to_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_json(x) for x in v]
    return v


out = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "math.json")
with open(out, "w") as f:
    json.dump({"generator": "scripts/fixtures_math.py", "numpy": np.__version__, "cases": to_json(cases)}, f, separators=(",", ":"))
print(f"{len(cases)} cases -> {os.path.relpath(out)} ({os.path.getsize(out)} bytes)")
