# Records test/fixtures/select.json: NumPy's results for the comparisons
# (greater, greater_equal, less, less_equal, equal, not_equal), the logical
# ops (logical_and/or/xor/not) and the selection functions (take, put,
# compress, nonzero, argwhere, flatnonzero, where, extract, place, putmask,
# count_nonzero), replayed by test/compare.test.ts and test/select.test.ts.
#
# Each case is one call: {"group", "fn", "args", "kwargs", then "result" or
# "error"}, plus "after" (the first argument afterwards) for the functions
# that write in place (put, place, putmask).
#   arg    {"a": {"dtype", "shape", "flat"}} an array built from its flat
#          values, optionally "T": true (its transpose, a non-contiguous view);
#          {"s": value} a JS scalar (NEP 50 weak: integer -> Python int,
#          otherwise Python float); {"l": nested list} a JS array literal.
#   result {"dtype", "shape", "values"} (values nested as tolist()),
#          {"list": [result, ...]} for tuples, {"int": n} for counts.
#   error  {"type", "message"}: NumPy's exception class name and str().
# Values: 64-bit integers as {"bigint": "..."} in results (stridewise reads
# them as bigint) and in inputs only beyond 2**53; nan/inf/-inf/-0.0 as
# {"num": ...} (test/fixtures.ts decodes both).
import json
import math
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "select.json"

DTYPES = ["bool", "int8", "uint8", "int16", "int32", "int64", "uint64", "float16", "float32", "float64"]


def enc_scalar(x, big=False):
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        x = int(x)
        return {"bigint": str(x)} if big or abs(x) > 2**53 else x
    x = float(x)
    if math.isnan(x):
        return {"num": "nan"}
    if math.isinf(x):
        return {"num": "inf" if x > 0 else "-inf"}
    if x == 0 and math.copysign(1, x) < 0:
        return {"num": "-0"}
    return x


def enc_values(a, tag64=True):
    big = tag64 and a.dtype.kind in "iu" and a.dtype.itemsize == 8

    def walk(x):
        if isinstance(x, list):
            return [walk(y) for y in x]
        return enc_scalar(x, big)

    return walk(a.tolist())


def enc_result(r):
    if isinstance(r, tuple):
        return {"list": [enc_result(x) for x in r]}
    if isinstance(r, (int, np.integer)) and not isinstance(r, np.ndarray) and not isinstance(r, np.generic):
        return {"int": int(r)}
    r = np.asarray(r)
    return {"dtype": r.dtype.name, "shape": list(r.shape), "values": enc_values(r)}


def arr(values, dtype, shape=None):
    a = np.array(values, dtype=dtype)
    if shape is not None:
        a = a.reshape(shape)
    return a


def A(a, T=False):
    """An array argument: flat values of `a` (already transposed back if T)."""
    spec = {"dtype": a.dtype.name, "shape": list(a.shape), "flat": enc_values(a.ravel(), tag64=False)}
    return ({"a": spec, "T": True}, a.T) if T else ({"a": spec}, a)


def S(x):
    return {"s": enc_scalar(x)}, x


def L(x):
    def walk(v):
        return [walk(y) for y in v] if isinstance(v, list) else enc_scalar(v)

    return {"l": walk(x)}, x


NP = {
    "greater": np.greater, "greaterEqual": np.greater_equal, "less": np.less, "lessEqual": np.less_equal,
    "equal": np.equal, "notEqual": np.not_equal,
    "logicalAnd": np.logical_and, "logicalOr": np.logical_or, "logicalXor": np.logical_xor, "logicalNot": np.logical_not,
    "take": np.take, "put": np.put, "compress": np.compress, "nonzero": np.nonzero, "argwhere": np.argwhere,
    "flatnonzero": np.flatnonzero, "where": np.where, "extract": np.extract, "place": np.place, "putmask": np.putmask,
    "countNonzero": np.count_nonzero,
}
COMPARE = ["greater", "greaterEqual", "less", "lessEqual", "equal", "notEqual"]
MUTATES = {"put", "place", "putmask"}

cases = []


def case(group, fn, *args, **kwargs):
    enc = [x[0] for x in args]
    vals = [x[1] for x in args]
    if fn in MUTATES:
        vals[0] = vals[0].copy(order="K")  # K: a transposed target stays non-contiguous
    rec = {"group": group, "fn": fn, "args": enc, "kwargs": kwargs}
    try:
        with np.errstate(all="ignore"):
            r = NP[fn](*vals, **kwargs)
        if fn in MUTATES:
            rec["after"] = enc_result(vals[0])
        elif fn == "countNonzero":
            rec["result"] = {"int": int(r)}
        else:
            rec["result"] = enc_result(r)
    except Exception as e:  # noqa: BLE001 - NumPy's error is the expectation
        rec["error"] = {"type": type(e).__name__, "message": str(e)}
    cases.append(rec)


# ---- comparisons --------------------------------------------------------

def sample(dtype):
    """Interesting values of dtype, extremes and specials included."""
    if dtype == "bool":
        return [False, True]
    d = np.dtype(dtype)
    if d.kind in "iu":
        info = np.iinfo(d)
        vals = {int(info.min), int(info.min) + 1, -1, 0, 1, 2, 100, int(info.max) - 1, int(info.max)}
        return sorted(v for v in vals if info.min <= v <= info.max)
    big = float(np.finfo(d).max)
    return [float("-inf"), -big, -1.5, -0.0, 0.0, 1.0, 1.5, big, float("inf"), float("nan")]


# Same dtype, every pair of sample values: (k, 1) against (k,).
for dt in DTYPES:
    s = sample(dt)
    a = arr(s, dt, (len(s), 1))
    b = arr(s, dt)
    for fn in COMPARE:
        case("pairs", fn, A(a), A(b))

# Mixed dtypes, every pair of sample values.
for da, db in [("int8", "uint8"), ("int64", "uint64"), ("float32", "int64"), ("int16", "float16"),
               ("uint8", "bool"), ("int32", "uint64"), ("float16", "float64"), ("uint64", "float64")]:
    a = arr(sample(da), da)
    a = a.reshape(len(a), 1)
    b = arr(sample(db), db)
    for fn in COMPARE:
        case("mixed", fn, A(a), A(b))

# Weak JS scalars (NEP 50) on either side, in and out of the dtype's range.
SCALARS = [0, 1, -1, 127, 128, 255, 256, 300, -129, 65536, 2**31, 2**53, 2**63 - 1, 2**63, -(2**63) - 1, 2**64,
           0.5, -0.5, 1e300, float("nan"), float("inf"), float("-inf"), True]
for dt in DTYPES:
    a = arr(sample(dt), dt)
    for sc in SCALARS:
        for fn in ["greater", "equal"]:
            case("scalar", fn, A(a), S(sc))
    for sc in [1, -1, 300, 0.5, float("nan")]:
        for fn in ["less", "notEqual", "greaterEqual"]:
            case("scalar-left", fn, S(sc), A(a))

# Around the SIMD width: every operator, array-array and array-scalar.
rng = np.random.default_rng(20250617)
for dt in DTYPES:
    for n in [63, 64, 65]:
        if dt == "bool":
            a = rng.integers(0, 2, n).astype(bool)
            b = rng.integers(0, 2, n).astype(bool)
            sc = True
        else:
            a = rng.integers(-3, 4, n).astype(dt) if np.dtype(dt).kind != "u" else rng.integers(0, 7, n).astype(dt)
            b = a.copy()
            b[rng.integers(0, n, n // 2)] = a[rng.integers(0, n, n // 2)]
            b[::3] = a[::3]
            sc = 2
            if np.dtype(dt).kind == "f":
                a[n - 1] = np.nan
                b[n - 2] = np.nan
                sc = 1.5 if n != 64 else 2
        for fn in COMPARE:
            case("simd", fn, A(a), A(b))
            if fn in ("greater", "lessEqual"):
                case("simd", fn, A(a), S(sc))

# Broadcasting, empty, 0-d, non-contiguous, lists and errors.
x = np.arange(12, dtype="int32").reshape(3, 4) % 5
y = np.arange(4, dtype="int32")
for fn in COMPARE:
    case("broadcast", fn, A(arr([0, 1, 2], "float64", (3, 1))), A(arr([2, 1, 0, 1], "float64")))
    case("broadcast", fn, A(x), A(y, T=False))
    case("broadcast", fn, A(x.T.copy(), T=True), A(arr([1, 2, 3, 4], "int32", (4, 1)).T.copy()))
    case("broadcast", fn, A(arr([], "float32", (3, 0))), A(arr([], "float32", (0,))))
    case("broadcast", fn, A(arr([], "int8", (0,))), A(arr([1, 2, 3], "int8", (3, 1))))
    case("broadcast", fn, A(arr(5, "int16")), A(arr([4, 5, 6], "int16")))
    case("broadcast", fn, A(arr(5, "uint8")), S(5))
    case("broadcast", fn, A(arr([1, 2, 3], "int32")), A(arr([1, 2, 3, 4], "int32")))
    case("broadcast", fn, L([1, 2, 3]), L([3, 2, 1]))
    case("broadcast", fn, L([1.5, -0.0, float("nan")]), A(arr([1, 0, 0], "int8")))
    case("broadcast", fn, A(arr([-0.0, 0.0, float("nan"), float("inf")], "float64")), S(0))

# ---- logical ops --------------------------------------------------------
LOGICAL = ["logicalAnd", "logicalOr", "logicalXor"]
for dt in DTYPES:
    s = sample(dt)
    a = arr(s, dt, (len(s), 1))
    b = arr(s, dt)
    for fn in LOGICAL:
        case("logical", fn, A(a), A(b))
    case("logical", "logicalNot", A(b))
for fn in LOGICAL:
    case("logical", fn, A(arr([[1, 0], [2, 3]], "int64")), A(arr([True, False], "bool")))
    case("logical", fn, A(arr([0.0, -0.0, float("nan"), 0.5], "float32")), A(arr([0, 1, 0, 1], "uint8", (4, 1))))
    case("logical", fn, A(arr([0, 3, 0, 7] * 16 + [1], "int16")), A(arr([5, 0, 0, 1] * 16 + [0], "int16")))
    case("logical", fn, A(arr([1, 0, 2], "int8")), S(0))
    case("logical", fn, A(arr([1, 0, 2], "int8")), S(True))
    case("logical", fn, A(arr([], "float64", (0, 2))), A(arr([1, 0], "float64")))
    case("logical", fn, A(arr(0, "int32")), A(arr([[1], [0]], "int32")))
    case("logical", fn, A(arr([1, 0, 2], "int8")), A(arr([1, 0], "int8")))
    case("logical", fn, A(np.arange(6, dtype="int32").reshape(2, 3) % 2, T=True), A(arr([1, 0], "int32")))
    case("logical", fn, L([0, 2, 0]), L([True, True, False]))
case("logical", "logicalNot", A(arr(0, "float64")))
case("logical", "logicalNot", A(arr([], "int8", (2, 0))))
case("logical", "logicalNot", A(arr([0, 1, 2, 0] * 16 + [3], "uint64")))
case("logical", "logicalNot", A(np.arange(6, dtype="float32").reshape(2, 3) % 2, T=True))
case("logical", "logicalNot", L([0, 2.5, -0.0]))

# ---- take ---------------------------------------------------------------
I64 = "int64"
for dt in ["int64", "float32", "uint8", "bool", "float64"]:
    a = (np.arange(12) % 7).astype(dt).reshape(3, 4)
    case("take", "take", A(a), A(arr([0, 5, -1, -12, 11], I64)))
    case("take", "take", A(a), A(arr([[0, 1], [2, -3]], "int32")))
    case("take", "take", A(a), A(arr([2, 0, -1], I64)), axis=1)
    case("take", "take", A(a), A(arr([-1, 0, 2, 1], I64)), axis=0)
    case("take", "take", A(a), A(arr([[1], [-2]], I64)), axis=-1)
a = np.arange(12, dtype="int64").reshape(3, 4)
for mode in ["raise", "wrap", "clip"]:
    case("take", "take", A(a), A(arr([-1, 4, 3], I64)), axis=0, mode=mode)
    case("take", "take", A(a), A(arr([-5, 9, 1], I64)), axis=1, mode=mode)
    case("take", "take", A(a), A(arr([12, -13, 25, -100], I64)), mode=mode)
    case("take", "take", A(a), A(arr([], I64)), axis=1, mode=mode)
    case("take", "take", A(arr([], "float32", (0, 3))), A(arr([0, 1], I64)), axis=0, mode=mode)
    case("take", "take", A(arr([], "float32", (0, 3))), A(arr([], I64)), axis=0, mode=mode)
    case("take", "take", A(a), S(-2), mode=mode)
    case("take", "take", A(a), S(7), axis=1, mode=mode)
case("take", "take", A(a, T=True), A(arr([0, 1, 5], I64)))
case("take", "take", A(a, T=True), A(arr([2, 0], I64)), axis=0)
case("take", "take", A(arr(7, "int16")), A(arr([0, 0, -1], I64)))
case("take", "take", A(arr(7, "int16")), A(arr([1], I64)))
case("take", "take", A(arr([4, 3, 5, 7, 6, 8], "int32")), L([0, 1, 4]))
case("take", "take", A(arr([4, 3, 5], "uint16")), A(arr([2, 0], "uint8")))
case("take", "take", A(a), A(arr([0, 1], I64)), axis=2)
case("take", "take", A(a), A(arr([0, 1], I64)), axis=-3)
case("take", "take", A(a), A(arr([0, 4], I64)), axis=1)
case("take", "take", A(a), A(arr([0, -4], I64)), axis=0)
case("take", "take", A(a), A(arr([0.0, 1.0], "float64")))

# ---- put ----------------------------------------------------------------
case("put", "put", A(np.arange(5, dtype="int64")), A(arr([0, 2, 0], I64)), A(arr([-44, -55], I64)))
case("put", "put", A(np.arange(5, dtype="int64")), A(arr([-1, -5], I64)), A(arr([9, 8, 7], I64)))
case("put", "put", A(np.arange(6, dtype="float32").reshape(2, 3)), A(arr([[5, 0], [1, 3]], I64)), A(arr([1.5, 2.5], "float32")))
case("put", "put", A(np.arange(6, dtype="float64").reshape(2, 3)), A(arr([1, 4], I64)), S(-0.5))
case("put", "put", A(np.arange(6, dtype="int8")), A(arr([0, 1, 2, 3, 4, 5], I64)), A(arr([1, 2], "int8")))
case("put", "put", A(np.arange(6, dtype="uint8")), A(arr([], I64)), A(arr([1, 2], "uint8")))
case("put", "put", A(arr([False, True, True, False], "bool")), A(arr([0, 3], I64)), A(arr([True, False], "bool")))
case("put", "put", A(np.arange(5, dtype="int64")), A(arr([1], I64)), A(arr([], I64)))
case("put", "put", A(np.arange(5, dtype="int64")), L([1, 3]), L([10, 30]))
for mode in ["raise", "wrap", "clip"]:
    case("put", "put", A(np.arange(5, dtype="int64")), A(arr([-1, 7, 2], I64)), A(arr([10, 20, 30], I64)), mode=mode)
    case("put", "put", A(np.arange(5, dtype="int32")), A(arr([-6, 5, -12], I64)), A(arr([10, 20], "int32")), mode=mode)
    case("put", "put", A(np.arange(6, dtype="float64").reshape(3, 2)), A(arr([13, -7], I64)), S(-1), mode=mode)

# ---- compress -----------------------------------------------------------
a = arr([[1, 2], [3, 4], [5, 6]], "int64")
case("compress", "compress", A(arr([False, True], "bool")), A(a), axis=0)
case("compress", "compress", A(arr([False, True, True], "bool")), A(a))
case("compress", "compress", A(arr([False, True, True], "bool")), A(a), axis=0)
case("compress", "compress", A(arr([True, False], "bool")), A(a), axis=1)
case("compress", "compress", A(arr([True, False], "bool")), A(a), axis=-1)
case("compress", "compress", A(arr([0, 2, 0], "int32")), A(a), axis=0)
case("compress", "compress", A(arr([], "bool")), A(a), axis=0)
case("compress", "compress", A(arr([False, False, False], "bool")), A(a), axis=0)
case("compress", "compress", A(arr([True, False, True, False], "bool")), A(a), axis=0)
case("compress", "compress", A(arr([True, False, True, True], "bool")), A(a), axis=0)
case("compress", "compress", A(arr([True] * 7, "bool")), A(a))
case("compress", "compress", A(arr([[True, False]], "bool")), A(a), axis=1)
case("compress", "compress", A(arr([True, False], "bool")), A(a), axis=2)
case("compress", "compress", A(arr([True, False, True], "bool")), A(arr([1.5, -0.0, 2.5], "float32")))
case("compress", "compress", A(arr([True, False, True], "bool")), A(np.arange(12, dtype="int16").reshape(3, 4), T=True), axis=1)
case("compress", "compress", L([False, True]), L([[1, 2], [3, 4]]), axis=0)

# ---- nonzero / argwhere / flatnonzero / count_nonzero / where(cond) -------
NZ_INPUTS = [
    A(arr([[3, 0, 0], [0, 4, 0], [5, 6, 0]], "int64")),
    A(arr([0.0, -0.0, float("nan"), 1e-300, float("-inf")], "float64")),
    A(arr([0.0, -0.0, float("nan"), 0.5], "float16")),
    A(arr([True, False, True], "bool")),
    A(arr([0, 2**64 - 1, 0, 2**63], "uint64")),
    A(np.arange(24, dtype="int8").reshape(2, 3, 4) % 3),
    A(np.arange(24, dtype="int8").reshape(2, 3, 4) % 3, T=True),
    A(arr([0] * 65, "int32")),
    A((np.arange(65) % 3 == 0).astype("uint8")),
    A(arr([], "float32", (0,))),
    A(arr([], "int64", (2, 0))),
    A(arr(5, "int32")),
    A(arr(0, "float64")),
    L([0, 1, 0, 2]),
]
for fn in ["nonzero", "argwhere", "flatnonzero", "countNonzero", "where"]:
    for x in NZ_INPUTS:
        case("nonzero", fn, x)

# ---- where(cond, x, y) ------------------------------------------------------
c = arr([True, False, True], "bool")
case("where", "where", A(c), S(1), A(arr([7, 8, 9], "int64")))
case("where", "where", A(arr([[True], [False]], "bool")), A(arr([1.5, 2.5], "float64")), S(0))
case("where", "where", A(c), S(1), S(2.5))
case("where", "where", A(c), S(1), S(2))
case("where", "where", A(c), A(arr([1, 2, 3], "int8")), S(300))
case("where", "where", A(c), A(arr([1, 2, 3], "int8")), S(-1.5))
case("where", "where", A(c), A(arr([1, 2, 3], "uint8")), S(-1))
case("where", "where", A(c), A(arr([1, 2, 3], "int32")), A(arr([4, 5, 6], "uint32")))
case("where", "where", A(c), A(arr([1, 2, 3], "int64")), A(arr([4, 5, 6], "uint64")))
case("where", "where", A(c), A(arr([1, 2, 3], "float16")), A(arr([4, 5, 6], "int8")))
case("where", "where", A(c), A(arr([1, 2, 3], "float32")), A(arr([4, 5, 6], "int32")))
case("where", "where", A(c), A(arr([True, False, True], "bool")), A(arr([False, True, False], "bool")))
case("where", "where", A(c), A(arr([True, False, True], "bool")), S(5))
case("where", "where", A(arr([1, 0, 2], "int16")), A(arr([-0.0, 1.0, float("nan")], "float64")), A(arr([0.0, -0.0, 2.0], "float64")))
case("where", "where", A(arr(True, "bool")), A(arr([1, 2], "int32")), A(arr([[3], [4]], "int32")))
case("where", "where", A(arr(False, "bool")), S(1), S(2))
case("where", "where", A(arr([], "bool", (0, 3))), A(arr([1, 2, 3], "int32")), S(0))
case("where", "where", A(np.arange(6).reshape(2, 3) % 2 == 0, T=True), A(np.arange(6, dtype="float32").reshape(3, 2)), S(-1))
case("where", "where", A((np.arange(65) % 4 == 1)), A(np.arange(65, dtype="int16")), A(-np.arange(65, dtype="int16")))
case("where", "where", A(c), A(arr([1, 2], "int32")), S(0))
case("where", "where", A(c), A(arr([1, 2], "int32")), A(arr([1, 2, 3, 4], "int32")))
case("where", "where", L([True, False]), L([1, 2]), L([3.5, 4.5]))

# ---- extract ----------------------------------------------------------------
a = arr([[1, 2], [3, 4], [5, 6]], "int64")
case("extract", "extract", A(a > 3), A(a))
case("extract", "extract", A(arr([[0, 2], [0, 0], [1, 0]], "int8")), A(a))
case("extract", "extract", A(arr([True, False, True], "bool")), A(a))
case("extract", "extract", A(arr([False, True, False, False, False, False, True], "bool")), A(a))
case("extract", "extract", A(arr([], "bool")), A(a))
case("extract", "extract", A(np.arange(6).reshape(3, 2) % 2 == 0), A(np.arange(6, dtype="float64").reshape(2, 3), T=True))
case("extract", "extract", A(arr([0.0, float("nan"), -0.0], "float32")), A(arr([1.5, -0.0, 2.5], "float32")))
case("extract", "extract", A(arr(True, "bool")), A(arr([7, 8], "uint16")))
case("extract", "extract", L([True, False, True]), L([1, 2, 3]))

# ---- place / putmask ----------------------------------------------------------
for fn in ["place", "putmask"]:
    a6 = np.arange(6, dtype="int64")
    case(fn, fn, A(a6), A(a6 > 2), A(arr([44, 55], I64)))
    case(fn, fn, A(a6), A(a6 > 1), A(arr([10, 20, 30, 40, 50, 60, 70], I64)))
    case(fn, fn, A(np.arange(6, dtype="float32").reshape(2, 3)), A(arr([[1, 0, 2], [0, 0, 3]], "int8")), A(arr([-1.5], "float64")))
    case(fn, fn, A(np.arange(6, dtype="uint8").reshape(3, 2)), A(np.arange(6).reshape(3, 2) % 2 == 1), S(200))
    case(fn, fn, A(np.arange(3, dtype="int32")), A(arr([True, False, False], "bool")), A(arr([], "int32")))
    case(fn, fn, A(np.arange(3, dtype="int32")), A(arr([False, False, False], "bool")), A(arr([], "int32")))
    case(fn, fn, A(np.arange(3, dtype="int32")), A(arr([True, False], "bool")), A(arr([9], "int32")))
    case(fn, fn, A(np.arange(4, dtype="int32").reshape(2, 2)), A(arr([True, False, True, True], "bool")), A(arr([9, 8], "int32")))
    case(fn, fn, A(np.arange(65, dtype="int16")), A(np.arange(65) % 5 == 0), A(arr([-1, -2, -3], "int16")))
    case(fn, fn, A(arr([], "float64")), A(arr([], "bool")), A(arr([1.0], "float64")))
    case(fn, fn, A(np.arange(4, dtype="float64")), L([True, False, True, False]), L([0.5, 1.5]))
    # Non-contiguous targets: NumPy writes through the C-order flat view of the transposed array.
    t = np.arange(12, dtype="float32").reshape(3, 4)
    case(fn, fn, A(t, T=True), A(np.arange(12).reshape(4, 3) % 3 == 0), A(arr([-1, -2, -3], "float32")))
    case(fn, fn, A(t.astype("int64"), T=True), A(np.arange(12).reshape(4, 3) > 20), A(arr([5], "int64")))
    case(fn, fn, A(t.astype("int16"), T=True), A(np.arange(12).reshape(4, 3) % 2 == 0), S(7))

# put into a transposed target
t = np.arange(12, dtype="float64").reshape(3, 4)
case("put", "put", A(t, T=True), A(arr([0, 1, 5, -1], I64)), A(arr([-1.5, -2.5], "float64")))
case("put", "put", A(t.astype("uint8"), T=True), A(arr([11, 3], I64)), S(9))
case("put", "put", A(t.astype("int32"), T=True), A(arr([40], I64)), S(9))
case("put", "put", A(t.astype("int32"), T=True), A(arr([40, -13], I64)), A(arr([1, 2], "int32")), mode="clip")

doc = {"generated_by": "scripts/fixtures_select.py", "numpy": np.__version__, "cases": cases}
OUT.write_text(json.dumps(doc, separators=(",", ":"), allow_nan=False))
print(f"wrote {len(cases)} cases ({OUT.stat().st_size} bytes) to {OUT.relative_to(OUT.parent.parent.parent)}")
