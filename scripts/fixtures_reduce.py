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

The second half records initial=, where=, out= (sum, prod, max, min, any,
all, mean, var, std) and count_nonzero(axis=, keepdims=) over dtypes,
shapes (0-d, empty, 3-d), axes, keepdims, layouts (F, negative strides),
broadcast masks and NumPy's errors; its option encodings are described
where it starts.

Every result records its byte strides and contiguity ("strides", and
"flags": "C", "F", "CF" or ""), since NumPy allocates a reduction's result
in its iterator's order of the input's axes. The last part (F) sweeps
layouts for that: C, F, every transposition of a 3-d array, negative
strides, broadcast inputs and masks, length-1 and empty axes, keepdims
both ways. Layouts beyond C/F/rev/step2 are
  "T:p0,p1,p2"       memory C-contiguous in axis order p (a transposition),
  "T:...;neg:i,j"    the same with axes i, j reversed in memory,
  "bcast"            the array {"from": shape, b64} broadcast to `shape`."""

import base64
import json
import math
import os
import warnings

import numpy as np

warnings.simplefilter("ignore")
rng = np.random.default_rng(10)


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode()


def place(a, layout):
    if a.ndim == 0:
        return a  # ascontiguousarray would make it 1-d
    if layout.startswith("T:"):
        parts = dict(p.split(":") for p in layout.split(";"))
        perm = [int(i) for i in parts["T"].split(",")]
        flip = tuple(slice(None, None, -1) if str(i) in parts.get("neg", "").split(",") else slice(None) for i in range(a.ndim))
        m = np.ascontiguousarray(np.transpose(a[flip], perm)).transpose(np.argsort(perm))
        return m[flip]
    if layout == "C":
        return np.ascontiguousarray(a)
    if layout == "F":
        return np.asfortranarray(a)
    if layout == "rev":
        return np.ascontiguousarray(a[..., ::-1])[..., ::-1]
    if layout == "step2":
        wide = np.zeros(a.shape[:-1] + (a.shape[-1] * 2,), a.dtype)
        wide[..., ::2] = a
        return wide[..., ::2]
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


def layout_of(r):
    """A result's byte strides and contiguity flags, as NumPy allocated it."""
    return {"strides": list(r.strides), "flags": ("C" if r.flags.c_contiguous else "") + ("F" if r.flags.f_contiguous else "")}


def result(fn):
    try:
        r = np.asarray(fn())
    except Exception as e:  # noqa: BLE001
        return {"error": type(e).__name__, "message": str(e)}
    return {"dtype": str(r.dtype), "shape": list(r.shape), "b64": b64(r), **layout_of(r)}


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

# ---------------------------------------------------------------------------
# initial=, where=, out= and count_nonzero(axis=, keepdims=).
#
# Option encodings (decoded by test/reduce.test.ts):
#   initial: a JSON number, bool, {"bigint": "..."} or {"num": "nan"|"inf"|"-inf"|"-0"}
#            (a JS number that is integer-valued is a Python int, as NEP 50 reads it)
#   where:   true/false, an array {dtype: "bool", shape, layout, b64}, or a
#            generated mask {gen: "mask", shape, layout}: element i (C order) is
#            ((i * 2654435761) mod 2^32) / 2^32 < 0.7
#   out:     {dtype, shape, layout, b64, readonly?}: the out array's contents
#            before the call; the test checks the call returns that very array
#            and that a failing call leaves it (and the input) as it was.
# Every case below also states NumPy's out after an error ("out_after"): NumPy
# never writes out before raising, and neither may we.

DT8 = ["bool", "int8", "uint8", "int32", "int64", "float16", "float32", "float64"]
SHAPES = [((2, 3, 4), "C"), ((2, 3, 4), "F"), ((3, 5), "rev"), ((5,), "C"), ((0, 3), "C"), ((), "C")]


def enc(x):
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        x = int(x)
        return {"bigint": str(x)} if abs(x) > 2**53 else x
    x = float(x)
    if math.isnan(x):
        return {"num": "nan"}
    if math.isinf(x):
        return {"num": "inf" if x > 0 else "-inf"}
    if x == 0 and math.copysign(1, x) < 0:
        return {"num": "-0"}
    return x


def spec(a, layout="C"):
    return {"dtype": str(a.dtype), "shape": list(a.shape), "layout": layout, "b64": b64(a)}


def gen_mask(shape):
    n = int(np.prod(shape))
    i = np.arange(n, dtype=np.uint64)
    return (((i * np.uint64(2654435761)) % np.uint64(2**32)).astype(np.float64) / 2**32 < 0.7).reshape(shape)


def build(s):
    """The NumPy array an option spec stands for (a fresh, writeable copy for out)."""
    if isinstance(s, bool):
        return s
    if s.get("gen") == "mask":
        return place(gen_mask(tuple(s["shape"])), s["layout"])
    if s["layout"] == "bcast":
        a = np.frombuffer(base64.b64decode(s["b64"]), dtype=s["dtype"]).reshape(s["from"])
        return np.broadcast_to(a, s["shape"])
    a = np.frombuffer(base64.b64decode(s["b64"]), dtype=s["dtype"]).reshape(s["shape"]).copy()
    a = place(a, s["layout"])
    if s.get("readonly"):
        a.flags.writeable = False
    return a


def np_call(op, x, opts, out):
    kw = {}
    for k, v in opts.items():
        if k == "axis":
            kw[k] = tuple(v) if isinstance(v, list) else v
        elif k == "initial":
            kw[k] = dec(v)
        elif k == "where":
            kw[k] = build(v)
        elif k == "out":
            kw[k] = out
        else:
            kw[k] = v
    fn = np.count_nonzero if op == "countNonzero" else getattr(np, op)
    return fn(x, **kw)


def dec(v):
    if isinstance(v, dict):
        return int(v["bigint"]) if "bigint" in v else float(v["num"].replace("-0", "-0.0"))
    return v


def add(op, x_spec, x, opts):
    """Runs NumPy's call and records it: the result, or the error and out afterwards."""
    out = build(opts["out"]) if "out" in opts else None
    x_before = x.copy() if isinstance(x, np.ndarray) else None
    try:
        r = np_call(op, x, opts, out)
        if out is not None:
            assert r is out, (op, opts)
        ra = np.asarray(r)
        expect = {"dtype": str(ra.dtype), "shape": list(ra.shape), "b64": b64(ra), **layout_of(ra)}
    except Exception as e:  # noqa: BLE001 - NumPy's error is the expectation
        name = type(e).__name__
        expect = {"error": "TypeError" if name == "UFuncTypeError" else name, "message": str(e)}
        if out is not None:
            expect["out_after"] = b64(out)
    assert x_before is None or np.array_equal(x, x_before, equal_nan=True)
    cases.append({"op": op, "input": x_spec, "opts": opts, "expect": expect})


def typical_initial(op, d):
    kind = np.dtype(d).kind
    if op == "sum":
        return 5
    if op == "prod":
        return 2
    if kind == "b":
        return op == "min"
    if op == "max":
        return 7 if kind == "u" else -1
    return 7


OUT_OF = {"sum": ["int8", "float32", "uint8", "bool"], "prod": ["int64", "float16", "int8", "uint8"],
          "max": ["uint8", "int64", "float16", "bool"], "min": ["int8", "float64", "uint8", "int32"],
          "mean": ["float32", "int8", "float16", "int64"], "var": ["float32", "int8", "float16", "bool"],
          "std": ["float16", "int64", "float32", "uint8"], "any": ["int8", "float32", "uint8", "float16"],
          "all": ["float64", "int64", "bool", "int8"]}
# var, std, any, all took out= later: a smaller sweep of input dtypes keeps the fixture small.
DT_OUT = {"var": ["int8", "float16", "float32", "float64"], "std": ["uint8", "float16", "float32", "float64"],
          "any": ["bool", "int8", "float32", "float64"], "all": ["bool", "uint8", "float16", "float32"]}
NO_INITIAL = {"mean", "var", "std", "any", "all"}


def natural(op, a):
    """The dtype NumPy gives the reduction without out (what out would usually be)."""
    return getattr(np, op)(np.zeros(1, a.dtype)).dtype


def random_mask(shape, layout="C"):
    m = rng.integers(0, 10, shape) > 2 if shape else np.array(rng.integers(0, 2) == 1)
    return spec(m, layout if m.ndim > 0 else "C")


def masks_for(shape, layout):
    """Where masks for an input: full shape (in another layout), broadcast shapes, Python bools."""
    if len(shape) == 3:
        if layout == "C":
            return [random_mask((2, 3, 4), "F"), random_mask((3, 4)), random_mask((2, 1, 4))]
        return [random_mask((2, 3, 4)), random_mask((3, 4))]
    if len(shape) == 2 and shape[0] > 0:
        return [random_mask((3, 5), "rev"), random_mask((1, 5)), random_mask((3, 1))]
    if len(shape) == 2:
        return [random_mask((3,))]
    if len(shape) == 1:
        return [random_mask((5,)), False]
    return [random_mask(()), True]


# A. initial=
for op in ["sum", "prod", "max", "min"]:
    for d in DT8:
        for shape, layout in SHAPES:
            a = data(d, shape, op)
            xs = {"dtype": d, "shape": list(shape), "layout": layout, "b64": b64(a)}
            x = place(a, layout) if a.ndim else a
            axes = [None, 0, -1] + ([[0, 2]] if len(shape) == 3 else [])
            for ax in axes:
                for kd in ([False, True] if len(shape) >= 2 else [False]):
                    o = {"initial": enc(typical_initial(op, d))}
                    if ax is not None:
                        o["axis"] = ax
                    if kd:
                        o["keepdims"] = True
                    add(op, xs, x, o)
        # How NumPy stores each kind of Python scalar into the reduction dtype.
        a = data(d, (3, 5), op)
        xs = {"dtype": d, "shape": [3, 5], "layout": "rev", "b64": b64(a)}
        for v in [2.5, -2.5, float("nan"), float("inf"), 300, -129, 2**63, 2**64 - 1, 2**64, True, -0.0, 1e300]:
            for ax in [None, 1]:
                add(op, xs, place(a, "rev"), {"initial": enc(v)} if ax is None else {"initial": enc(v), "axis": ax})
    # Empty selections: max/min need initial (the error without is recorded too).
    for d in ["int8", "uint8", "float32", "bool"]:
        for shape, ax in [((0, 3), 0), ((0, 3), None), ((3, 0), 1), ((3, 0), 0), ((0,), None)]:
            a = np.zeros(shape, d)
            xs = {"dtype": d, "shape": list(shape), "layout": "C", "b64": b64(a)}
            base = {} if ax is None else {"axis": ax}
            add(op, xs, a, base)
            add(op, xs, a, {**base, "initial": enc(typical_initial(op, d))})
    # dtype= decides the dtype initial is stored in.
    a = data("int8", (3, 5), op)
    xs = {"dtype": "int8", "shape": [3, 5], "layout": "C", "b64": b64(a)}
    if op in ("sum", "prod"):
        for dt_, v in [("int8", 300), ("int16", 300), ("float32", 2.5), ("uint8", -1)]:
            add(op, xs, a, {"dtype": dt_, "initial": enc(v), "axis": 0})

# B. where=
for op in ["sum", "prod", "max", "min", "any", "all", "mean", "var", "std"]:
    for d in DT8:
        for shape, layout in SHAPES:
            a = data(d, shape, op)
            xs = {"dtype": d, "shape": list(shape), "layout": layout, "b64": b64(a)}
            x = place(a, layout) if a.ndim else a
            axes = [None, 0, -1] + ([[0, 2]] if len(shape) == 3 else [])
            for m in masks_for(shape, layout):
                for ax in axes:
                    for kd in ([False, True] if len(shape) >= 2 and ax == 0 else [False]):
                        o = {"where": m}
                        if ax is not None:
                            o["axis"] = ax
                        if kd:
                            o["keepdims"] = True
                        if op in ("max", "min"):
                            o["initial"] = enc(typical_initial(op, d))
                        if op in ("var", "std") and ax == 0:
                            o["ddof"] = 1
                        add(op, xs, x, o)
            if op in ("max", "min") and shape == (3, 5):
                add(op, xs, x, {"where": masks_for(shape, layout)[1], "axis": 1})  # no initial: NumPy's error
    # The mask must be bool and broadcast to the input (never the other way).
    a = data("float64", (2, 3, 4), op)
    xs = {"dtype": "float64", "shape": [2, 3, 4], "layout": "C", "b64": b64(a)}
    bad = [spec(np.ones(3, bool)), spec(np.ones(4, np.int64)), spec(np.ones(4)), spec(np.ones((3, 2, 3, 4), bool)),
           spec(np.ones((2, 1), bool)), spec(np.array(1, np.int8))]
    for m in bad:
        o = {"where": m, "axis": 0}
        if op in ("max", "min"):
            o["initial"] = 0
        add(op, xs, a, o)
    g = data("float32", (2, 1, 4), op)
    add(op, {"dtype": "float32", "shape": [2, 1, 4], "layout": "C", "b64": b64(g)}, g,
        {"where": spec(np.ones((3, 4), bool)), **({"initial": 0} if op in ("max", "min") else {})})
# A float sum's value depends on how the mask splits the rows (NumPy sums each run of
# selected elements pairwise): -0.0 survives a mask, and runs of 9+ elements.
for d in ["float32", "float64", "float16"]:
    v = np.array([[-0.0, 1e8, 1.0, -1e8, 3.0, -0.0, 0.1, 0.2, 0.3, 1e-3, 7.0, -7.0, 0.5, 1e7, 2.0, -1e7, 0.25, 11.0, 1e-5, -3.0]] * 2, d)
    v[1] *= -1.5
    xs = {"dtype": d, "shape": [2, 20], "layout": "C", "b64": b64(v)}
    for m in [[False, True] * 10, [True] * 9 + [False] + [True] * 10, [True, False, False, True] * 5]:
        for ax in [None, 1]:
            for op in ["sum", "mean", "var"]:
                o = {"where": spec(np.array(m))}
                if ax is not None:
                    o["axis"] = ax
                add(op, xs, v, o)
    z = np.array([-0.0, -0.0, 1.0], d)
    add("sum", {"dtype": d, "shape": [3], "layout": "C", "b64": b64(z)}, z, {"where": spec(np.array([True, True, False]))})
    add("sum", {"dtype": d, "shape": [3], "layout": "C", "b64": b64(z)}, z,
        {"where": spec(np.array([True, True, False])), "initial": enc(-0.0)})

# C. out=
for op in ["sum", "prod", "max", "min", "mean", "var", "std", "any", "all"]:
    for d in DT_OUT.get(op, DT8):
        for shape, layout in [((2, 3, 4), "C"), ((2, 3, 4), "F"), ((3, 5), "rev"), ((5,), "C"), ((0, 3), "C"), ((), "C")]:
            a = data(d, shape, op)
            xs = {"dtype": d, "shape": list(shape), "layout": layout, "b64": b64(a)}
            x = place(a, layout) if a.ndim else a
            axes = [None, 0] + ([[0, 2]] if len(shape) == 3 else [])
            for k, ax in enumerate(axes):
                for kd in ([False, True] if len(shape) >= 2 and ax == 0 else [False]):
                    if op in ("max", "min") and shape[0:1] == (0,) and ax in (None, 0):
                        continue  # zero-size: recorded with initial below
                    rshape = np.sum(np.zeros(shape), axis=None if ax is None else tuple(ax) if isinstance(ax, list) else ax,
                                    keepdims=kd).shape
                    others = OUT_OF[op]
                    ods = [str(natural(op, a)), others[(DT8.index(d) + k) % len(others)]]
                    if op in DT_OUT:
                        ods = [ods[(k + len(shape)) % 2]]  # one out dtype per case for the later ops, alternating
                    for od in ods:
                        fill = rng.integers(0, 50, rshape).astype(od) if rshape else np.array(rng.integers(0, 50)).astype(od)
                        lays = ["C"]
                        if len(rshape) == 2:
                            lays.append("F")
                        if len(rshape) >= 1 and op not in DT_OUT:
                            lays.append("rev" if len(rshape) == 2 else "step2")
                        for lay in lays:
                            o = {"out": spec(fill, lay)}
                            if ax is not None:
                                o["axis"] = ax
                            if kd:
                                o["keepdims"] = True
                            add(op, xs, x, o)
    # out with initial, where and dtype=.
    for d in ["int8", "uint8", "float32", "float64", "bool"]:
        a = data(d, (3, 5), op)
        xs = {"dtype": d, "shape": [3, 5], "layout": "C", "b64": b64(a)}
        m = spec(np.array([[True, False, True, True, False]]))
        for od in ["int8", "uint8", "float16", "int64", "bool"]:
            fill = np.arange(5).astype(od)
            if op not in NO_INITIAL:
                add(op, xs, a, {"axis": 0, "out": spec(fill), "initial": 2.5})
                add(op, xs, a, {"axis": 0, "out": spec(fill), "initial": 100, "where": m})
            else:
                add(op, xs, a, {"axis": 0, "out": spec(fill), "where": m, **({"ddof": 1} if op in ("var", "std") else {})})
            if op in ("sum", "prod", "mean", "var", "std"):
                add(op, xs, a, {"axis": 0, "out": spec(fill), "dtype": "float64"})
    # Errors: NumPy's words, and out untouched.
    a = data("float64", (2, 3, 4), op)
    xs = {"dtype": "float64", "shape": [2, 3, 4], "layout": "C", "b64": b64(a)}
    for ax, kd, oshape, extra in [
        (0, False, (3, 5), {}), (0, False, (1, 4), {}), (0, False, (3, 1), {}), (1, False, (2, 5), {}),
        ([0, 2], False, (4,), {}), ([0, 2], False, (1,), {}), (0, False, (1, 3, 4), {}), (0, True, (3, 4), {}),
        ([0, 2], True, (1, 4, 1), {}), ([0, 2], True, (2, 3, 1), {}), ([0, 2], True, (2, 1, 1), {}),
        ([0, 2], True, (1, 3, 4), {}), (2, False, (1, 7), {}), (2, False, (1, 1), {}), (None, False, (1,), {}),
        (None, True, (1, 1), {}), (0, False, (3, 4), {"readonly": True}), (5, False, (3, 4), {"readonly": True}),
        (0, False, (3, 5), {"where": spec(np.ones(4, bool))}), (0, False, (3, 4), {"where": spec(np.ones(3, bool))}),
        (0, False, (3, 4, 5), {"where": spec(np.ones(3, np.int64))}), (0, False, (3, 4), {"initial": 300}),
    ]:
        od = "int8" if extra.get("initial") == 300 else "float32"
        fill = np.arange(int(np.prod(oshape))).reshape(oshape).astype(od)
        s = spec(fill)
        if extra.get("readonly"):
            s["readonly"] = True
        o = {"out": s}
        if ax is not None:
            o["axis"] = ax
        if kd:
            o["keepdims"] = True
        if "where" in extra:
            o["where"] = extra["where"]
        if "initial" in extra:
            if op in NO_INITIAL:
                continue
            o["initial"] = extra["initial"]
        add(op, xs, a, o)
    g = data("float64", (2, 1, 4), op)
    add(op, {"dtype": "float64", "shape": [2, 1, 4], "layout": "C", "b64": b64(g)}, g, {"axis": 0, "out": spec(np.zeros((3, 4)))})
    # max/min: a first element out's dtype cannot hold decides the start (NumPy copies it into out first).
    if op in ("max", "min"):
        for d, vals, od in [("int8", [[-100, 50], [50, -100]], "uint8"), ("int8", [[50, -100], [-100, 20]], "uint8"),
                            ("uint8", [[200, 3], [3, 200]], "int8"), ("float64", [[0.5, 2.75], [-1.5, 0.25]], "int64"),
                            ("float64", [[np.nan, 1.0], [2.0, np.nan]], "int32"), ("int8", [[-100, 50], [20, 20]], "uint16")]:
            v = np.array(vals, d)
            for lay, ax in [("C", None), ("C", 0), ("C", 1), ("F", None), ("rev", None)]:
                xs = {"dtype": d, "shape": [2, 2], "layout": lay, "b64": b64(v)}
                rshape = () if ax is None else (2,)
                o = {"out": spec(np.zeros(rshape, od))}
                if ax is not None:
                    o["axis"] = ax
                add(op, xs, place(v, lay), o)
# sum/prod with out: NumPy promotes the input with out's dtype (uint64 + int64 out sums in float64).
big = np.array([2**60 + 1, 1, 2**62 + 3], np.uint64)
for op in ["sum", "prod", "max", "min"]:
    for od in ["int64", "uint64", "float32", "int8"]:
        add(op, {"dtype": "uint64", "shape": [3], "layout": "C", "b64": b64(big)}, big, {"out": spec(np.zeros((), od))})

# std takes its root in place (NumPy's sqrt(ret, out=ret)): an integer dtype= or out raises after the
# variance was written; a 0-d result without out is a NumPy scalar, whose root is cast back.
v = data("int32", (3, 4), "var")
for op in ["var", "std"]:
    for o in [{"dtype": "int64"}, {"dtype": "int64", "axis": 0}, {"dtype": "int8", "axis": 1, "keepdims": True},
              {"dtype": "float32", "axis": 0}, {"axis": 1, "out": spec(np.zeros(3, np.int16))},
              {"out": spec(np.zeros((), np.float16))}, {"axis": 0, "ddof": 1, "out": spec(np.zeros(4, np.float32), "step2")}]:
        add(op, spec(v), v, o)

# D. count_nonzero(axis=, keepdims=)
for d in DT8:
    for shape, layout in SHAPES + [((2, 3, 4), "rev")]:
        a = data(d, shape, "any")
        if a.size and d.startswith("float"):
            flat = a.reshape(-1)
            flat[:: max(1, a.size // 3)] = 0
            if a.size > 4:
                flat[1] = np.nan
                flat[2] = -0.0
        elif a.size and d != "bool":
            a.reshape(-1)[::2] = 0
        xs = {"dtype": d, "shape": list(shape), "layout": layout, "b64": b64(a)}
        x = place(a, layout) if a.ndim else a
        axes = [None, 0, -1, []] + ([[0, 2], [1, 2], [2, 0, 1]] if len(shape) == 3 else [])
        for ax in axes:
            for kd in [False, True]:
                o = {"keepdims": True} if kd else {}
                if ax is not None:
                    o["axis"] = ax
                add("countNonzero", xs, x, o)
a = data("int32", (2, 3), "any")
for ax in [2, -3, [0, 0], [0, 5]]:
    add("countNonzero", {"dtype": "int32", "shape": [2, 3], "layout": "C", "b64": b64(a)}, a, {"axis": ax})

# E. Large generated inputs with generated masks: NumPy's masked pairwise sums, run by run.
for d in ["float32", "float64", "float16"]:
    for shape, layout, axes, mshapes in [((1031, 40), "C", [None, 0, 1], [(1031, 40), (1, 40), (1031, 1)]),
                                         ((40, 1031), "C", [1, None], [(40, 1031), (1031,)]),
                                         ((1031, 40), "F", [0, None], [(1031, 40), (1, 40)]),
                                         ((50, 1000), "rev", [1, 0], [(50, 1000)])]:
        x = place(lcg(int(np.prod(shape)), d).reshape(shape), layout)
        xs = {"gen": "lcg", "dtype": d, "shape": list(shape), "layout": layout}
        for ms in mshapes:
            for mlay in (["C", "F"] if len(ms) == 2 and ms[0] > 1 and ms[1] > 1 and layout == "F" else ["C"]):
                m = {"gen": "mask", "shape": list(ms), "layout": mlay}
                for ax in axes:
                    o = {"where": m} if ax is None else {"where": m, "axis": ax}
                    for op in ["sum", "mean", "var", "std"] + (["max"] if d == "float32" else []):
                        add(op, xs, x, {**o, "initial": -1} if op == "max" else o)
                    if d == "float32":
                        add("sum", xs, x, {**o, "out": spec(np.zeros(np.sum(np.zeros(shape), axis=ax).shape, np.float32))})
                        add("sum", xs, x, {**o, "dtype": "float64"})  # cast: NumPy's 8192-element buffers


# F. Layouts. NumPy allocates a reduction's result densely in its iterator's order of the input's
# (and a where mask's) axes, so each layout of the same values has its own result strides;
# cumsum/cumprod keep the input's order too, argmin/argmax are always C.
LAYOUTS3 = ["C", "F", "T:0,2,1", "T:1,0,2", "T:1,2,0", "T:2,0,1", "T:0,1,2;neg:0", "T:0,1,2;neg:1,2",
            "T:2,1,0;neg:0", "T:1,2,0;neg:2", "step2", "bcast:1,3,4", "bcast:2,1,4", "bcast:2,3,1", "bcast:1,3,1"]
AXES3 = [None, 0, 1, 2, [0, 1], [0, 2], [1, 2]]
layout_cases = []  # stored apart from `cases` (as "layouts"), so the test names them


def sweep_input(d, shape, layout, op="sum"):
    """(spec, array) for a sweep layout of random data; "bcast:..." broadcasts an array of that shape."""
    if layout.startswith("bcast:"):
        frm = tuple(int(n) for n in layout[6:].split(","))
        base = data(d, frm, op)
        return {"dtype": d, "shape": list(shape), "layout": "bcast", "from": list(frm), "b64": b64(base)}, np.broadcast_to(base, shape)
    a = data(d, shape, op)
    return {"dtype": d, "shape": list(shape), "layout": layout, "b64": b64(a)}, place(a, layout)


def over(op, xs, x, axes, kds=(False, True), extra=None):
    for ax in axes:
        for kd in kds:
            o = dict(extra or {})
            if ax is not None:
                o["axis"] = ax
            if kd:
                o["keepdims"] = True
            add(op, xs, x, o)
            layout_cases.append(cases.pop())


for lay in LAYOUTS3:
    xs, x = sweep_input("float32", (2, 3, 4), lay)
    for op in ["sum", "mean", "var"]:
        over(op, xs, x, AXES3)
    for op in ["max", "any"]:
        over(op, xs, x, [None, 0, 1, [0, 2]])
    for op in ["prod", "min", "all", "std"]:
        over(op, xs, x, [1, [0, 2]])
    over("cumsum", xs, x, [None, 0, 1, 2], (False,))
    over("cumprod", xs, x, [2], (False,))
    over("argmax", xs, x, [0, 1, 2])
    over("argmin", xs, x, [None, 1], (True,))
# Other dtypes: float16 means go through float32 and back (NumPy's astype keeps the layout), integer
# sums and accumulations change the itemsize, bools reduce to bools.
for lay in ["C", "F", "T:1,2,0", "T:2,0,1", "T:0,1,2;neg:0", "bcast:2,1,4"]:
    xs, x = sweep_input("float16", (2, 3, 4), lay)
    over("mean", xs, x, [None, 0, 1, [0, 2]])
    over("var", xs, x, [0, 2])
    over("cumsum", xs, x, [1], (False,))
    xs, x = sweep_input("int8", (2, 3, 4), lay)
    over("sum", xs, x, [0, 2, [1, 2]])
    over("cumsum", xs, x, [0, 2], (False,))
    over("cumsum", xs, x, [1], (False,), {"dtype": "float32"})
    over("argmax", xs, x, [0])
    xs, x = sweep_input("bool", (2, 3, 4), lay)
    over("all", xs, x, [0, [0, 2]])
    over("sum", xs, x, [1])
    over("cumsum", xs, x, [2], (False,))
# where masks vote in NumPy's axis order: full-shape masks in other layouts, broadcast ones.
MASKS3 = [("F", (2, 3, 4)), ("T:2,0,1", (2, 3, 4)), ("C", (3, 4)), ("C", (2, 3, 1)), ("bcast", (1, 3, 4))]
for lay in ["C", "F", "T:1,2,0", "T:0,1,2;neg:0", "bcast:2,1,4"]:
    xs, x = sweep_input("float32", (2, 3, 4), lay)
    for mlay, mshape in MASKS3:
        if mlay == "bcast":
            base = rng.integers(0, 10, mshape) > 2
            m = {"dtype": "bool", "shape": [2, 3, 4], "layout": "bcast", "from": list(mshape), "b64": b64(base)}
        else:
            m = random_mask(mshape, mlay)
        for op in ["sum", "var", "any", "max"]:
            over(op, xs, x, [0, [0, 2]], extra={"where": m, **({"initial": -1} if op == "max" else {})})
# Length-1 and empty axes (NumPy gives an empty result all-zero strides), and 0-d.
for shape, lays in [((3, 1, 4), ["C", "F", "T:2,0,1", "T:1,2,0;neg:0"]), ((1, 3, 1), ["C", "F", "T:2,1,0"]),
                    ((2, 0, 4), ["C", "F", "T:1,2,0"]), ((4, 1), ["F", "C"])]:
    for lay in lays:
        xs, x = sweep_input("float32", shape, lay)
        axes = [None] + list(range(len(shape))) + ([[0, 2]] if len(shape) == 3 else [])
        for op in ["sum", "var", "any"]:
            over(op, xs, x, axes)
        over("cumsum", xs, x, [None] + list(range(len(shape))), (False,))
        over("argmax", xs, x, list(range(len(shape))), (True,))
xs, x = sweep_input("float32", (), "C")
for op in ["sum", "mean", "any", "var"]:
    over(op, xs, x, [None, 0], (False, True))
over("cumsum", xs, x, [None], (False,))
over("argmax", xs, x, [None], (False, True))

# Inputs are stored once and referred to by index.
inputs = []
index = {}


def intern(spec):
    key = json.dumps(spec, sort_keys=True)
    if key not in index:
        index[key] = len(inputs)
        inputs.append(spec)
    return index[key]


for c in cases + layout_cases:
    c["input"] = intern(c["input"])
# The layout sweep's masks too: there "where" may be {"input": i}.
for c in layout_cases:
    w = c["opts"].get("where")
    if isinstance(w, dict) and "b64" in w:
        c["opts"]["where"] = {"input": intern(w)}

out = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "reduce.json")
with open(out, "w") as f:
    json.dump({"generator": "scripts/fixtures_reduce.py", "numpy": np.__version__, "inputs": inputs, "cases": cases, "layouts": layout_cases}, f, separators=(",", ":"))
print(f"{len(cases)} cases + {len(layout_cases)} layout cases -> {os.path.relpath(out)} ({os.path.getsize(out)} bytes)")
