"""Records NumPy's str(a) and repr(a) for a seeded sweep: test/fixtures/format.json.

Each case is a root array (dtype, shape, its C-order bytes in base64), an
optional chain of view steps ("T" for the transpose, or "get:<index>" with
an index string both NumPy and stridewise's `get` read, e.g. "::-1, 1::2"),
optional print options (as np.printoptions takes them), and NumPy's str and
repr of the result. bfloat16 is ml_dtypes' (whose scalar repr NumPy uses
for its elements).

The sweep: every dtype over shapes 0-d, empty, 1-d to 4-d and over the
1000-element summary threshold; float values of one magnitude or mixed,
integral, needing the precision cut-off, with nan, +-inf, -0, subnormals,
extremes and values at the fixed/scientific boundaries; integer extremes;
views (transposed, negative and stepped strides); and a few cases per
print option.

Run: python3 scripts/fixtures_format.py
     python3 scripts/fixtures_format.py --exhaustive /tmp/format_all.json
       (adds every float16 and bfloat16 bit pattern; FORMAT_FIXTURE=/tmp/format_all.json
        npx vitest run test/format.test.ts replays it)
"""

import base64
import json
import os
import sys

import ml_dtypes
import numpy as np

SEED = 20250611
EXHAUSTIVE = "--exhaustive" in sys.argv
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "format.json")
if EXHAUSTIVE:
    OUT = sys.argv[sys.argv.index("--exhaustive") + 1]

INTS = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
FLOATS = ["float16", "bfloat16", "float32", "float64"]
DTYPES = ["bool"] + INTS + FLOATS

rng = np.random.default_rng(SEED)


def np_dtype(name):
    return ml_dtypes.bfloat16 if name == "bfloat16" else np.dtype(name)


def size_of(shape):
    return int(np.prod(shape, dtype=np.int64))


def special_floats(dtype):
    """Values worth printing in a float dtype: specials, extremes, subnormals."""
    if dtype == "bfloat16":
        info = ml_dtypes.finfo(ml_dtypes.bfloat16)
    else:
        info = np.finfo(dtype)
    tiny = float(info.tiny)
    return [np.nan, np.inf, -np.inf, -0.0, 0.0, float(info.max), -float(info.max), tiny, tiny / 4, -tiny / 8, float(info.eps)]


def float_values(dtype, n, kind):
    """n float64 values of a kind, to be cast to dtype."""
    if kind == "int":
        return rng.integers(-20, 200, n).astype(np.float64)
    if kind == "unit":
        return rng.random(n)
    if kind == "normal":
        return rng.standard_normal(n)
    if kind == "scaled":
        return rng.standard_normal(n) * 10.0 ** int(rng.integers(-12, 22))
    if kind == "mixed":
        return rng.standard_normal(n) * 10.0 ** rng.integers(-10, 12, n)
    if kind == "ratio":  # max/min close to NumPy's 1000 switch
        lo = float(rng.uniform(0.001, 5))
        v = rng.uniform(lo, lo * 1000.5, n)
        v[0] = lo
        return v
    if kind == "cutoff":  # near 1e8 (float64), 1e6 (float32), 1e3 (float16), 1e-4
        c = {"float64": 1e8, "float32": 1e6, "float16": 1e3, "bfloat16": 1e2}[dtype]
        return np.array([c * (1 - 2.0 ** -int(rng.integers(1, 30))) if i % 2 else 1e-4 * (1 + (i % 5) * 1e-9) for i in range(n)])
    if kind == "rounding":  # need the precision cut-off, carries through 9s
        base = [1 / 3, 2 / 3, 0.123456789, 0.999999999, 9.9999999951, 0.5e-8, 1.5e-8, 2.5e-9, 123456.78901234, 0.1 + 0.2]
        return np.array([base[i % len(base)] * (1 if i % 3 else -1) for i in range(n)])
    if kind == "special":
        s = special_floats(dtype)
        v = rng.standard_normal(n) * 10.0 ** int(rng.integers(-3, 4))
        for i in range(n):
            if rng.random() < 0.4:
                v[i] = s[int(rng.integers(len(s)))]
        return v
    if kind == "nonfinite":
        return np.array([[np.nan, np.inf, -np.inf][i % 3] for i in range(n)])
    if kind == "zeros":
        return np.array([(-0.0 if i % 2 else 0.0) for i in range(n)])
    raise ValueError(kind)


FLOAT_KINDS = ["int", "unit", "normal", "scaled", "mixed", "ratio", "cutoff", "rounding", "special", "nonfinite", "zeros"]


def int_values(dtype, n, kind):
    info = np.iinfo(dtype)
    if kind == "full":
        return [int(x) for x in rng.integers(int(info.min), int(info.max), n, dtype=np.dtype(dtype), endpoint=True)]
    if kind == "small":
        lo = max(int(info.min), -50)
        return [int(x) for x in rng.integers(lo, 100, n)]
    if kind == "extremes":
        e = [int(info.min), int(info.max), 0, 1, int(info.max) - 1, int(info.min) + 1]
        return [e[i % len(e)] for i in range(n)]
    raise ValueError(kind)


INT_KINDS = ["full", "small", "extremes"]


def make(dtype, shape, kind):
    n = size_of(shape)
    dt = np_dtype(dtype)
    if dtype == "bool":
        a = rng.random(n) < 0.5
    elif dtype in INTS:
        a = np.array(int_values(dtype, n, kind), dtype=dt)
    else:
        v = float_values(dtype, n, kind)
        if dtype == "bfloat16":
            with np.errstate(over="ignore"):
                a = v.astype(np.float32).astype(dt)
        else:
            with np.errstate(over="ignore"):
                a = v.astype(dt)
    return a.reshape(shape)


def apply(a, view):
    for step in view:
        if step == "T":
            a = a.T
        elif step.startswith("get:"):
            a = eval(f"a[{step[4:]}]", {"a": a})
        else:
            raise ValueError(step)
    return a


cases = []


def add(a, view=(), opts=None):
    root = np.ascontiguousarray(a)
    name = "bfloat16" if root.dtype == ml_dtypes.bfloat16 else root.dtype.name
    x = apply(root, view)
    if opts:
        with np.printoptions(**opts):
            s, r = str(x), repr(x)
    else:
        s, r = str(x), repr(x)
    case = {"dtype": name, "shape": list(root.shape), "b64": base64.b64encode(root.tobytes()).decode()}
    if view:
        case["view"] = list(view)
    if opts:
        case["opts"] = opts
    case["str"] = s
    case["repr"] = r
    cases.append(case)


SHAPES = [(), (0,), (0, 3), (3, 0, 2), (1,), (5,), (12,), (40,), (7, 3), (3, 11), (2, 3, 4), (2, 2, 2, 3), (1, 1, 1, 1)]
BIG_SHAPES = [(1001,), (40, 26), (11, 10, 10), (3, 4, 3, 28)]

# Every dtype over every shape, several value kinds each.
for dtype in DTYPES:
    kinds = FLOAT_KINDS if dtype in FLOATS else INT_KINDS if dtype in INTS else ["bool"]
    for shape in SHAPES:
        for kind in kinds:
            if size_of(shape) == 0 and kind != kinds[0]:
                continue
            add(make(dtype, shape, kind))
    for i, shape in enumerate(BIG_SHAPES):
        add(make(dtype, shape, kinds[i % len(kinds)]))
        if dtype in FLOATS:
            add(make(dtype, shape, kinds[(i + 4) % len(kinds)]))

# Floats: more magnitudes and mixes (every kind, many draws) on wrapping 1-d and 2-d.
for dtype in FLOATS:
    for kind in FLOAT_KINDS:
        for _ in range(6):
            shape = [(int(rng.integers(1, 30)),), (int(rng.integers(1, 6)), int(rng.integers(1, 14)))][int(rng.integers(2))]
            add(make(dtype, shape, kind))
    # Single values: 0-d repr and the scalar str, every kind.
    for kind in FLOAT_KINDS:
        for _ in range(25):
            add(make(dtype, (), kind))
    # One magnitude per decade, so each side of every switch is printed.
    for e in range(-12, 25):
        for m in (1.0, 1.5, 9.999999, 2.0 ** -30 + 1):
            with np.errstate(over="ignore"):
                add(np.array([m * 10.0**e, -m * 10.0**e / 3], dtype=np.float32).astype(np_dtype(dtype)) if dtype == "bfloat16" else np.array([m * 10.0**e, -m * 10.0**e / 3]).astype(dtype))
                add(np.array(m * 10.0**e, dtype=np.float32).astype(np_dtype(dtype)) if dtype == "bfloat16" else np.array(m * 10.0**e).astype(dtype))

# float16 and bfloat16 bit patterns: runs of 20 neighbours from random
# starts (so both notations occur), or with --exhaustive all 65536 patterns
# of each, 500 to an array (that file is for a local check, not committed).
for dtype in ("float16", "bfloat16"):
    bits = np.arange(65536, dtype=np.uint16)
    if EXHAUSTIVE:
        for start in range(0, 65536, 500):
            add(bits[start : start + 500].view(np_dtype(dtype)))
    else:
        for start in rng.integers(0, 65536 - 20, 120):
            add(bits[start : start + 20].view(np_dtype(dtype)))

# Random float32 and float64 bit patterns (any exponent, subnormals included).
for dtype, ut in (("float32", np.uint32), ("float64", np.uint64)):
    for _ in range(40):
        bits = rng.integers(0, np.iinfo(ut).max, int(rng.integers(1, 20)), dtype=ut, endpoint=True)
        add(bits.view(dtype))
        add(bits[:1].view(dtype).reshape(()))

# Views: transposed, reversed, stepped, over every dtype.
VIEWS = [["T"], ["get:::-1"], ["get:::-1, ::2"], ["get:1:, ::-3"], ["T", "get:::2"], ["get:..., ::-1", "T"], ["get:0"], ["get:-1, 2, ..."]]
for dtype in DTYPES:
    kinds = FLOAT_KINDS if dtype in FLOATS else INT_KINDS if dtype in INTS else ["bool"]
    for view in VIEWS:
        kind = kinds[int(rng.integers(len(kinds)))]
        add(make(dtype, (4, 7), kind), view)
    add(make(dtype, (40, 26), kinds[0]), ["T"])
    add(make(dtype, (26, 41), kinds[-1]), ["get:::-1, 1:"])
    add(make(dtype, (5, 6, 7), kinds[0]), ["T"])

# Print options.
OPTS = [
    {"precision": 3},
    {"precision": 0},
    {"precision": 12},
    {"suppress": True},
    {"linewidth": 40},
    {"linewidth": 120},
    {"threshold": 10},
    {"threshold": 10, "edgeitems": 1},
    {"threshold": 10, "edgeitems": 5},
    {"sign": " "},
    {"sign": "+"},
    {"floatmode": "fixed"},
    {"floatmode": "unique"},
    {"floatmode": "maxprec_equal"},
    {"floatmode": "fixed", "precision": 4, "suppress": True},
    {"nanstr": "NaN", "infstr": "Infinity"},
]
for opts in OPTS:
    for dtype in ["bool", "int8", "int64", "uint64", "float16", "bfloat16", "float32", "float64"]:
        kinds = FLOAT_KINDS if dtype in FLOATS else INT_KINDS if dtype in INTS else ["bool"]
        for shape in [(), (9,), (3, 8), (2, 3, 6)]:
            add(make(dtype, shape, kinds[int(rng.integers(len(kinds)))]), opts=opts)
        if dtype in FLOATS:
            for kind in ("special", "scaled", "rounding", "mixed"):
                add(make(dtype, (13,), kind), opts=opts)

# Random print options over random float bit patterns and magnitudes.
for i in range(300):
    dtype = ["float16", "float32", "float64"][i % 3]
    ut = {"float16": np.uint16, "float32": np.uint32, "float64": np.uint64}[dtype]
    n = int(rng.integers(1, 9))
    if rng.random() < 0.5:
        a = rng.integers(0, np.iinfo(ut).max, n, dtype=ut, endpoint=True).view(dtype)
    else:
        with np.errstate(over="ignore"):
            a = (rng.standard_normal(n) * 10.0 ** rng.integers(-8, 9, n) * (rng.integers(0, 3, n) > 0)).astype(dtype)
    opts = {
        "precision": int(rng.integers(0, 18)),
        "floatmode": ["fixed", "unique", "maxprec", "maxprec_equal"][int(rng.integers(4))],
        "sign": ["-", "+", " "][int(rng.integers(3))],
        "suppress": bool(rng.random() < 0.3),
    }
    add(a[:1].reshape(()) if rng.random() < 0.2 else a, opts=opts)

with open(OUT, "w") as f:
    f.write(json.dumps({"generator": "scripts/fixtures_format.py", "numpy": np.__version__, "ml_dtypes": ml_dtypes.__version__, "cases": cases}, separators=(",", ":")))
print(f"{len(cases)} cases -> {os.path.relpath(OUT)} ({os.path.getsize(OUT) // 1024} KiB)")
