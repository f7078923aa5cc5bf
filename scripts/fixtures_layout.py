# Records test/fixtures/layout.json: NumPy's layout of every array an op
# allocates (shape, byte strides, contiguity flags) and whether a result is
# a view (np.shares_memory with the input, `is` the input), for C, F,
# transposed, negative-stride, length-1, 0-d and empty inputs; replayed by
# test/layout.test.ts.
#
# Each case is one call: {"op", "args", "kw", then "result" or "error"}.
#   input recipe {"shape", "dtype", "flat"?, "steps"?}: np.array(flat or
#          arange(size)).reshape(shape), then each step in turn: "F"
#          (np.asfortranarray), "T" (.T), {"get": "<index>"} (basic
#          indexing by the index string, as stridewise's get),
#          {"reshape": shape}, {"transpose": axes}.
#   arg    {"r": recipe} an array; {"s": "<slice>"} a slice string (get);
#          anything else a JSON value used as it is.
#   result {"shape", "strides", "c", "f", "values" (tolist()), "shares"
#          (np.shares_memory with the first argument; null for a NumPy
#          scalar, a 0-d view in stridewise), "same" (is it)}; "list" for
#          a tuple of them (unstack); "isOut" whether the result is `out`.
#   error  {"type", "message"}: NumPy's exception class name and str().
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "layout.json"


def build(rec):
    shape = rec["shape"]
    n = int(np.prod(shape)) if shape else 1
    flat = rec.get("flat")
    a = np.array(flat if flat is not None else np.arange(n), dtype=rec.get("dtype", "float64")).reshape(shape)
    for st in rec.get("steps", []):
        if st == "F":
            a = np.asfortranarray(a)
        elif st == "T":
            a = a.T
        elif "get" in st:
            a = eval(f"a[{st['get'] or '()'}]", {"a": a, "np": np})
        elif "reshape" in st:
            a = a.reshape(st["reshape"])
        elif "transpose" in st:
            a = a.transpose(st["transpose"])
    return a


def R(shape, *steps, dtype="float64", flat=None):
    rec = {"shape": list(shape), "dtype": dtype, "steps": list(steps)}
    if flat is not None:
        rec["flat"] = flat
    return {"r": rec}


def arg(x):
    if isinstance(x, list):
        return [arg(y) for y in x]
    if isinstance(x, dict) and "r" in x:
        return build(x["r"])
    if isinstance(x, dict) and "s" in x:
        return eval(f"np.s_[{x['s']}]", {"np": np})
    if x == "...":
        return Ellipsis
    return x


def call(op, a, kw):
    if op.endswith("_seq"):
        return getattr(np, op[:-4])(a[0], **kw)
    if op == "get":
        return a[0][tuple(a[1:])]
    if op == "take":
        return np.take(a[0], a[1], **kw)
    if op == "where":
        return np.where(a[1], a[0], a[2])
    if op == "copy_method":
        return a[0].copy(*a[1:])
    if op == "flatten":
        return a[0].flatten(*a[1:])
    if op == "reshape":
        return a[0].reshape(a[1], **kw)
    if op == "sum":
        return a[0].sum(**kw)
    if op in ("concatenate", "stack"):
        return getattr(np, op)(a, **kw)
    return getattr(np, op)(*a, **kw)


def enc(v):
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, int):
        return v
    return float(v)


def describe(r, x0):
    return {
        "shape": list(r.shape),
        "strides": list(r.strides),
        "c": bool(r.flags.c_contiguous),
        "f": bool(r.flags.f_contiguous),
        "values": enc(r.tolist()),
        # A NumPy scalar (NumPy's a[i] of a 1-d array) is a 0-d view in
        # stridewise, a documented difference: no sharing recorded (null).
        "shares": None if isinstance(r, np.generic) else bool(np.shares_memory(r, x0)) if isinstance(x0, np.ndarray) else False,
        "same": r is x0,
    }


cases = []


def case(op, *args, **kw):
    """One call; `out` in kw also records whether the result is `out` itself
    ("isOut"), a tuple result is recorded as "list"."""
    c = {"op": op, "args": list(args), "kw": kw}
    try:
        a = [arg(x) for x in args]
        x0 = a[0]
        kwa = {k: arg(v) for k, v in kw.items()}
        r = call(op, a, kwa)
        if "out" in kw:
            c["isOut"] = r is kwa["out"]
        if isinstance(r, tuple):
            c["list"] = [describe(x, x0) for x in r]
        else:
            c["result"] = describe(r, x0)
    except Exception as e:  # noqa: BLE001 - recording NumPy's errors is the point
        c["error"] = {"type": type(e).__name__, "message": str(e)}
    cases.append(c)


# ---- Class 1: the layout of copy results ----
INPUTS = {
    "C": R([4, 6]),
    "F": R([4, 6], "F"),
    "T": R([6, 4], "T"),
    "N": R([4, 6], {"get": "::-1, ::2"}),
    "3T": R([2, 3, 4], {"transpose": [1, 2, 0]}),
    "3F": R([2, 3, 4], "F"),
    "E": R([0, 3], "F"),
}
for name, x in INPUTS.items():
    nd = 3 if name.startswith("3") else 2
    for ax in range(nd):
        case("take", x, [0, 1, 1], axis=ax)
        case("take", x, [[0, 1], [1, 0]], axis=ax)
        case("take", x, R([2, 2], "F", dtype="int64", flat=[0, 1, 1, 0]), axis=ax)
        case("repeat", x, 2, axis=ax)
        case("repeat", x, [i % 3 for i in range(build(x["r"]).shape[ax])], axis=-1 - ax + nd)
        case("compress", [True, False, True], x, axis=ax)
        case("concatenate", x, x, axis=ax)
        case("stack", x, x, axis=ax)
        case("sum", x, axis=ax)
        case("sum", x, axis=ax, keepdims=True)
        case("count_nonzero", x, axis=ax)
        case("count_nonzero", x, axis=ax, keepdims=True)
    case("take", x, [0, 2])
    case("repeat", x, 2)
    case("tile", x, 2)
    case("tile", x, [2, 1])
    case("tile", x, [1] * nd)
    cond = {"r": dict(x["r"], dtype="bool", flat=[i % 3 == 0 for i in range(int(np.prod(x["r"]["shape"])))])}
    case("where", x, cond, 0)
    case("where", x, cond, x)
    case("where", x, R(build(x["r"]).shape, dtype="bool", flat=[i % 3 == 0 for i in range(build(x["r"]).size)]), x)
    case("where", x, True, 1.5)
    case("concatenate", x, x, axis=None)

# Integer-array indexing: the iterator's order over the index arrays when
# no subspace (or a subspace of one element) is left, C order otherwise.
IDX = {
    "C": R([2, 3], dtype="int64", flat=[0, 1, 2, 3, 4, 0]),
    "F": R([2, 3], "F", dtype="int64", flat=[0, 1, 2, 3, 4, 0]),
    "T": R([3, 2], "T", dtype="int64", flat=[0, 1, 2, 3, 4, 0]),
    "N": R([4, 6], {"get": "::2, ::-2"}, dtype="int64", flat=[i % 5 for i in range(24)]),
    "NT": R([4, 6], {"get": "::2, ::-2"}, "T", dtype="int64", flat=[i % 5 for i in range(24)]),
    "3T": R([2, 3, 4], {"transpose": [1, 2, 0]}, dtype="int64", flat=[i % 5 for i in range(24)]),
    "3T2": R([2, 3, 4], {"transpose": [2, 0, 1]}, dtype="int64", flat=[i % 5 for i in range(24)]),
    "col": R([3, 1], dtype="int64", flat=[0, 4, 2]),
    "row": R([1, 3], dtype="int64", flat=[0, 4, 2]),
    "i32F": R([2, 3], "F", dtype="int32", flat=[0, 1, 2, 3, 4, 0]),
    "Fempty": R([2, 0], "F", dtype="int64", flat=[]),
}
A1 = R([10])
A2 = R([5, 10])
A3 = R([5, 5, 10])
for name, ix in IDX.items():
    case("get", A1, ix)
    case("get", R([10], {"reshape": [-1, 1]}), ix, 0)
    case("get", A2, ix)
    case("get", A2, {"s": ":"}, ix)
    case("get", R([10, 5], "T"), ix)
    case("get", A1, ix, None)
    case("get", A1, ix, True)
    case("get", A1, None, ix)
    case("get", A2, ix, 1)
    case("get", A2, 1, ix)
    case("get", R([5, 10, 1]), ix, 1)
    case("get", R([5, 1, 10]), ix, {"s": ":"}, ix)
for n1, n2 in [("C", "F"), ("F", "C"), ("F", "F"), ("T", "row"), ("col", "row"), ("F", "row"), ("row", "F"), ("N", "T"), ("col", "F")]:
    i1, i2 = IDX[n1], IDX[n2]
    case("get", A2, i1, i2)
    case("get", A3, i1, i2)
    case("get", A3, {"s": ":"}, i1, i2)
    case("get", A3, i1, {"s": ":"}, i2)
    case("get", R([5, 5, 10, 1]), i1, i2, 0)

# ---- take: booleans are the integers 0 and 1, axis=None flattens, a 0-d
# input takes as 1-d, a non-integer axis is a TypeError ----
I3 = R([3], dtype="int64")
I23 = R([2, 3], dtype="int64")
X0 = R([], flat=[5.0])
case("take", I3, [True, False, True])
case("take", I3, R([3], dtype="bool", flat=[True, False, True]))
case("take", I23, R([2], dtype="bool", flat=[True, False]), axis=1)
case("take", I23, [True], axis=0)
case("take", I23, [4, 1], axis=None)
case("take", R([2, 3], "F", dtype="int64"), [[4, 1]], axis=None)
for ax in [0, -1, None]:
    case("take", X0, [0, 0], axis=ax)
    case("take", X0, 0, axis=ax)
case("take", X0, [1], axis=0)
case("take", X0, [0], axis=1)
case("take", X0, [0], axis=-2)
case("take", I23, [0], axis=1.5)
case("take", I23, [0], axis="1")
case("take", I23, [5], axis=1)
case("take", I23, [-7])
case("take", I23, [0], axis=2)

# ---- Joins: an ndarray as the sequence (its first axis), out=, block, unstack ----
X23 = R([2, 3], dtype="int64")
X23F = R([2, 3], "F", dtype="int64")
X3 = R([3], dtype="int64")
X0i = R([], dtype="int64", flat=[5])
for x in [X23, X23F, R([2, 3, 2], dtype="int64"), X3, X0i, R([0, 3], dtype="int64")]:
    for fn in ["concatenate", "stack", "vstack", "hstack", "dstack", "column_stack"]:
        case(fn + "_seq", x)
    case("concatenate_seq", x, axis=None)
    case("stack_seq", x, axis=1)
    case("stack_seq", x, axis=-1)
case("concatenate_seq", X23, axis=1)
case("concatenate_seq", X23, axis=1.5)
case("stack_seq", X23, axis=1.5)
F64 = lambda shape, *st, dtype="float64": R(shape, *st, dtype=dtype, flat=[0] * int(np.prod(shape)))  # noqa: E731
for out in [F64([4, 3]), F64([4, 3], "F"), F64([8, 3], {"get": "::2"}), F64([4, 4]), F64([3, 3]), F64([4, 3, 1]), F64([12]),
            F64([4, 3], dtype="int8"), F64([4, 3], dtype="int64"), F64([4, 3], dtype="bool")]:
    case("concatenate", X23, X23, out=out)
    case("concatenate", X23, X23, out=out, casting="no")
for out in [F64([12]), F64([24], {"get": "::2"}), F64([24], {"get": "::-2"}), F64([11]), F64([12, 1]), F64([12], dtype="int8")]:
    case("concatenate", X23, X23, out=out, axis=None)
case("concatenate", X23, R([2, 3], flat=[0.5] * 6), out=F64([4, 3], dtype="int64"))
case("concatenate", X23, X23, out=F64([4, 3]), dtype="float32")
for out in [F64([2, 2, 3]), F64([2, 3, 2]), F64([2, 2, 3], "F"), F64([3, 2, 2]), F64([12]), F64([2, 2, 3], dtype="int8")]:
    case("stack", X23, X23, out=out)
    case("stack", X23, X23, out=out, axis=2)
case("stack", X23, X23, out=F64([2, 2, 3]), dtype="float32")
B = R([2, 2], dtype="int64")
case("block", [[X23, X23], [X23, X23]])
case("block", [X3, X3])
case("block", [[X3], [X3]])
case("block", X3)
case("block", 5)
case("block", X23F)
case("block", [X23F, X23F])
case("block", [[X23F], [X23F]])
case("block", [[B, R([2, 1], dtype="float64")], [R([1, 3], dtype="float64")]])
case("block", [[1, 2], [3, 4]])
case("block", [[1.5, 2], [3, 4]])
case("block", [X0i, X0i])
case("block", [[X0i], [X0i]])
case("block", [[[X3]], [[X3]]])
case("block", [])
case("block", [[]])
case("block", [[], [X23]])
case("block", [[X3], X3])
case("block", [X23, [X3]])
case("block", [[[1]], [X23]])
case("block", [[X23, []]])
case("block", [1, [2]])
case("block", [[1, 2], [3]])
case("block", [[X23, X23], [X3]])
for x in [X23, X23F, R([2, 3, 2], dtype="int64"), R([0, 3], dtype="int64"), X3]:
    for ax in [0, 1, -1, 2]:
        case("unstack", x, axis=ax)
case("unstack", X0i)
case("unstack", X23, axis=1.5)
case("unstack", X23, axis="a")

# ---- Class 2: view or copy on length-1 axes, 0-d and empty arrays ----
SMALL = {
    "0d": R([]),
    "1el-step": R([10], {"get": "::3"}, {"get": ":1"}),
    "1x1-strided": R([4, 5], {"get": "::2, ::3"}, {"get": ":1, :1"}),
    "1x1-of-row": R([2, 3], {"get": ":1, 1:2"}),
    "empty": R([0, 3]),
    "emptyT": R([3, 0], "T"),
    "empty-step": R([6], {"get": "::2"}, {"get": "3:"}),
    "len1-rows": R([1, 12], {"get": ":, ::2"}),
    "col": R([12, 1], {"get": "::2"}),
    "neg": R([6], {"get": "::-1"}),
    "1x3-strided": R([2, 6], {"get": ":, ::2"}, {"get": ":1"}),
    "6x1": R([6, 2], {"get": ":, :1"}),
    "2x1x4": R([2, 3, 4], {"get": ":, 1:2, :"}),
    "1x4-neg": R([3, 4], {"get": "::-1, :"}, {"get": ":1"}),
    "4x1-neg": R([4, 3], {"get": ":, ::-1"}, {"get": ":, :1"}),
    "C": R([2, 3]),
    "F": R([2, 3], "F"),
    "T": R([3, 2], "T"),
}
for name, x in SMALL.items():
    case("ascontiguousarray", x)
    case("asfortranarray", x)
    for o in "CFAK":
        case("ravel", x, o)
        case("flatten", x, o)
        case("copy", x, o)
    case("copy_method", x)
    for o in "CFA":
        case("reshape", x, [-1], order=o)
        case("reshape", x, [1, -1], order=o)
        if build(x["r"]).size == 1:
            case("reshape", x, [], order=o)
            case("reshape", x, [1, 1, 1], order=o)

# ---- Element-wise results: a ufunc allocates its output through the
# iterator in keep order (order="K"): the axis order its iterator chooses
# over the array operands (broadcast ones vote with their zero strides, JS
# scalars do not vote), dense and positive. Comparisons and logical ops
# are ufuncs too.
UF_INPUTS = dict(INPUTS)
UF_INPUTS["FN"] = R([4, 6], "F", {"get": ":, ::-1"})
UF_INPUTS["3P"] = R([2, 3, 4], {"transpose": [1, 0, 2]})
UF_INPUTS["3FN"] = R([2, 3, 4], "F", {"get": "::-1, :, ::2"})
UF_INPUTS["1"] = R([1, 6], "T")
UF_INPUTS["0d"] = R([])
for name, x in UF_INPUTS.items():
    shape = build(x["r"]).shape
    c_twin = R(list(shape))
    case("add", x, 1)
    case("add", x, x)
    case("add", x, c_twin)
    case("add", c_twin, x)
    case("multiply", x, R(list(shape[-1:])))
    case("subtract", R(list(shape[-1:])), x)
    case("maximum", x, 0.5)
    case("sqrt", x)
    case("negative", x)
    case("greater", x, 3)
    case("equal", x, c_twin)
    case("logical_not", x)
    case("logical_and", x, x)
    case("isnan", x)
    case("abs", x)
    case("clip", x, 1, 5)
    case("square", x)
    case("floor_divide", x, 2)
    # round with decimals is not a plain ufunc: F for an F input, else C.
    case("round", x, 1)
    case("round", x, -1)
    case("round", R(list(shape), *x["r"]["steps"], dtype="int64"), -1)
    case("round", R(list(shape), *x["r"]["steps"], dtype="int64"), 1)
case("add", R([4, 1], "F"), R([1, 6], "F"))
case("add", R([4, 6], "F"), R([4, 1]))
case("add", R([4, 6], "T"), R([1, 4]))
case("greater", R([2, 3, 4], {"transpose": [2, 0, 1]}), R([2, 3, 4], {"transpose": [2, 1, 0]}))

OUT.write_text(json.dumps({"numpy": np.__version__, "cases": cases}, indent=None, separators=(",", ":")) + "\n")
print(f"wrote {OUT} ({len(cases)} cases)")
