# Records test/fixtures/creation.json: what NumPy's creation functions
# return (dtype, shape, byte strides, C-order bytes, contiguity flags) for
# array/asarray dtype inference, zeros/ones/empty/full, arange, linspace and
# eye, the errors they raise, and NumPy's C/F contiguity answer for
# (shape, strides) pairs made with np.lib.stride_tricks.as_strided.
#
# Each call is written as the test makes it in stridewise: {"fn", "args",
# "opts"}. Arguments use the JS value encoding of scripts/fixtures_dtype.py:
# a Python int is a JS number, BigInt(n) a JS bigint, a float a JS number.
import json
import math
import pathlib
import warnings

import ml_dtypes
import numpy as np
from numpy.lib.stride_tricks import as_strided

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "creation.json"


class BigInt(int):
    """A Python int that the test passes to stridewise as a JS bigint."""


def enc(v):
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, BigInt):
        return {"bigint": str(int(v))}
    if isinstance(v, int):
        assert abs(v) <= 2**53, f"{v} is not a safe JS integer; use BigInt"
        return v
    if math.isnan(v):
        return {"num": "nan"}
    if math.isinf(v):
        return {"num": "inf" if v > 0 else "-inf"}
    # A float that JS would read as an integer would be inferred as int64 there.
    assert not (v.is_integer() and abs(v) < 2**63), f"{v!r} reads as an integer in JS"
    return v


def py(v):
    """The Python value NumPy is given for a JS value."""
    if isinstance(v, list):
        return [py(x) for x in v]
    return int(v) if isinstance(v, BigInt) else v


def np_dtype(name):
    return ml_dtypes.bfloat16 if name == "bfloat16" else name


def describe(a):
    name = "bfloat16" if a.dtype == ml_dtypes.bfloat16 else a.dtype.name
    return {
        "dtype": name,
        "shape": list(a.shape),
        "strides": list(a.strides),
        "bytes": a.tobytes(order="C").hex(),
        "c": bool(a.flags.c_contiguous),
        "f": bool(a.flags.f_contiguous),
    }


def call(fn, args, opts, np_fn):
    """Runs the NumPy equivalent and records its result or its error."""
    case = {"fn": fn, "args": enc(args), "opts": opts}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # overflow to inf warns; the value is what counts
            case["result"] = describe(np_fn())
    except Exception as e:  # noqa: BLE001 - the error is what we record
        case["error"] = {"error": type(e).__name__, "message": str(e)}
    return case


def kw(opts):
    out = dict(opts)
    if "dtype" in out:
        out["dtype"] = np_dtype(out["dtype"])
    return out


def array_cases():
    data = [
        [True, False], [1, 2, 3], [1, 2.5], [True, 2], [True, 2.5], [[1, 2], [3, 4]], [[[1], [2]], [[3], [4]]],
        [], [[]], [[], []], 5, 2.5, True, BigInt(7), [BigInt(1), BigInt(2)], [BigInt(1), 2.5], [BigInt(2**63)],
        [BigInt(2**63), 1], [BigInt(2**63), BigInt(2**64 - 1)], [BigInt(2**63), True], [BigInt(2**63), -1],
        [BigInt(2**63), 0.5], [BigInt(-(2**63)), 1], [1, float("nan")], [float("inf"), 1], [2**53], [1e20],
        [-(2**53), 0.5], [1, [2]], [[1, 2], [3]], [[1], [2, 3]], [[1, 2], 3], [[[1, 2]], [[3]]],
    ]
    cases = [call("array", [d], {}, lambda d=d: np.array(py(d))) for d in data]
    for dtype in ("bool", "int8", "uint16", "int64", "uint64", "float16", "bfloat16", "float32"):
        for d in ([[1, 0], [3, 2]], [[True, False]], [0.5, -1.5, 2.5], []):
            cases.append(call("array", [d], {"dtype": dtype}, lambda d=d, t=dtype: np.array(py(d), dtype=np_dtype(t))))
    for order in ("C", "F"):
        cases.append(call("array", [[[1, 2, 3], [4, 5, 6]]], {"order": order}, lambda o=order: np.array([[1, 2, 3], [4, 5, 6]], order=o)))
        cases.append(call("array", [[[[1], [2]], [[3], [4]]]], {"order": order, "dtype": "int16"},
                          lambda o=order: np.array([[[1], [2]], [[3], [4]]], order=o, dtype=np.int16)))
    cases.append(call("asarray", [[1.5, 2]], {"dtype": "float32"}, lambda: np.asarray([1.5, 2], dtype=np.float32)))
    return cases


TYPED = {
    "Int8Array": "int8", "Uint8Array": "uint8", "Uint8ClampedArray": "uint8", "Int16Array": "int16",
    "Uint16Array": "uint16", "Int32Array": "int32", "Uint32Array": "uint32", "BigInt64Array": "int64",
    "BigUint64Array": "uint64", "Float32Array": "float32", "Float64Array": "float64",
}


def typed_cases():
    """array(TypedArray) keeps its type, as np.array(np.array(x, dtype)) does."""
    cases = []
    for name, dtype in TYPED.items():
        big = name.startswith("Big")
        vals = [BigInt(v) for v in (0, 1, 2**7 - 1, 5)] if big else ([0, 1.5, -2.25, 1e30] if "Float" in name else [0, 1, 127, 5])
        src = np.array(py(vals), dtype=dtype)
        case = call("array", [{"typed": name, "values": vals}], {}, lambda s=src: np.array(s))
        cases.append(case)
        cases.append(call("array", [{"typed": name, "values": vals}], {"dtype": "float16"}, lambda s=src: np.array(s, dtype=np.float16)))
    return cases


SHAPES = [[], [0], [3], [2, 3], [2, 0, 3], [1, 1], [3, 1, 2], [1, 4], [4, 1]]


def filled_cases():
    cases = []
    for shape in SHAPES:
        for order in ("C", "F"):
            for dtype in ("float64", "int32", "bool", "float16", "uint64"):
                opts = {"dtype": dtype, "order": order}
                cases.append(call("zeros", [shape], opts, lambda s=shape, o=opts: np.zeros(s, **kw(o))))
                cases.append(call("ones", [shape], opts, lambda s=shape, o=opts: np.ones(s, **kw(o))))
                # empty's contents are arbitrary: the test compares everything but the bytes.
                cases.append(call("empty", [shape], opts, lambda s=shape, o=opts: np.zeros(s, **kw(o))))
    cases += [call("zeros", [3], {}, lambda: np.zeros(3)), call("ones", [[2, 2]], {}, lambda: np.ones([2, 2]))]
    # bad shapes: negative and non-integer lengths
    for shape in ([2, -1], -3, [2.5], 1.5):
        cases.append(call("zeros", [shape], {}, lambda s=shape: np.zeros(s)))
    for value in (7, 2.5, True, False, -0.5, BigInt(2**63), float("nan")):
        cases.append(call("full", [[2, 2], value], {}, lambda v=value: np.full([2, 2], py(v))))
    # np.full casts NaN and infinity into integers unsafely (platform-defined
    # values); stridewise raises np.array's errors instead (see dtype.json).
    for value, dtype in ((7, "int8"), (300, "int8"), (2.5, "int32"), (65519, "float16"), (0.1, "bfloat16"), (-1, "uint64"), (BigInt(2**64 - 1), "uint64"), (3, "bool")):
        cases.append(call("full", [[3], value], {"dtype": dtype}, lambda v=value, d=dtype: np.full(3, py(v), dtype=np_dtype(d))))
    cases.append(call("full", [[2, 3], 1.5], {"order": "F", "dtype": "float32"}, lambda: np.full([2, 3], 1.5, order="F", dtype=np.float32)))
    cases.append(call("zeros", [[-1]], {}, lambda: np.zeros([-1])))
    cases.append(call("zeros", [[2, -3]], {"dtype": "int8"}, lambda: np.zeros([2, -3], dtype=np.int8)))
    cases.append(call("ones", [3], {"dtype": "float8"}, lambda: np.ones(3, dtype="float8")))
    cases.append(call("empty", [3], {"dtype": "f4x"}, lambda: np.empty(3, dtype="f4x")))
    return cases


def arange_cases():
    specs = [
        ([5], {}), ([2, 10], {}), ([2, 10, 3], {}), ([10, 2, -3], {}), ([10, 2], {}), ([0], {}), ([-5], {}),
        ([0, 1, 0.1], {}), ([1, 0, -0.1], {}), ([0.5, 5], {}), ([-3.5, 2.25, 0.75], {}), ([1e-3, 1.5e-2, 1e-3], {}),
        ([0, 5, 0.5], {"dtype": "int64"}), ([0.5, 5], {"dtype": "int64"}), ([5], {"dtype": "uint8"}),
        ([5, 0, -1], {"dtype": "uint8"}), ([300], {"dtype": "int8"}), ([0, 1, 0.1], {"dtype": "float32"}),
        ([0, 10, 0.3], {"dtype": "float16"}), ([0, 2, 0.1], {"dtype": "float16"}), ([0, 1, 0.1], {"dtype": "bfloat16"}),
        ([1000, 1100, 3.3], {"dtype": "float16"}), ([0, 3, 0.7], {"dtype": "float32"}), ([5], {"dtype": "float64"}),
        ([2], {"dtype": "bool"}), ([1, 3], {"dtype": "bool"}), ([-3, 3, 2], {"dtype": "int32"}),
        ([0, 10, 0], {}), ([0, float("inf")], {}), ([float("nan")], {}), ([0, 10, float("nan")], {}),
        ([3], {"dtype": "bool"}), ([-3, 3, 2], {"dtype": "uint8"}), ([0, 5], {"dtype": "float8"}),
    ]
    return [call("arange", a, o, lambda a=a, o=o: np.arange(*a, **kw(o))) for a, o in specs]


def linspace_cases():
    specs = [
        (0, 1, 5, {}), (0, 1, 5, {"endpoint": False}), (0, 10, 0, {}), (0, 10, 1, {}), (0, 10, 1, {"endpoint": False}),
        (2, 3, 4, {"dtype": "int64"}), (-1, 1, 6, {"dtype": "int64"}), (-5, 5, 7, {"dtype": "int32"}), (0, 1, 50, {}),
        (1, -1, 7, {}), (0, 1, 3, {"dtype": "float32"}), (0, 1, 7, {"dtype": "float16"}), (0, 1, 7, {"dtype": "bfloat16"}),
        (5, 5, 3, {}), (0.1, 0.7, 13, {}), (-2.5, 1000, 11, {"endpoint": False}), (0, 1, -1, {}), (1e-300, 1e300, 9, {}),
    ]
    return [call("linspace", [a, b, n], o, lambda a=a, b=b, n=n, o=o: np.linspace(a, b, n, **kw(o))) for a, b, n, o in specs]


def eye_cases():
    specs = [(3, {}), (2, {"m": 3}), (3, {"m": 2}), (3, {"k": 1}), (3, {"k": -1}), (3, {"m": 4, "k": 2}), (2, {"m": 3, "k": -5}),
             (3, {"k": 5}), (0, {}), (3, {"dtype": "int32"}), (2, {"order": "F"}), (4, {"m": 3, "k": -2, "dtype": "bool"}),
             (1, {}), (-1, {})]

    def run(n, o):
        o = kw(o)
        return np.eye(n, o.pop("m", None), o.pop("k", 0), **o)

    return [call("eye", [n], o, lambda n=n, o=o: run(n, o)) for n, o in specs]


def contiguity_cases():
    """(shape, strides, itemsize) with NumPy's flags, strides made by as_strided."""
    base = np.zeros(4096, dtype=np.uint8)
    cases = []
    layouts = [
        ([], []), ([0], [8]), ([0], [-8]), ([3], [8]), ([3], [16]), ([3], [-8]), ([3], [0]), ([1], [0]), ([1], [123]),
        ([2, 3], [24, 8]), ([2, 3], [8, 16]), ([2, 3], [32, 8]), ([3, 2], [8, 24]), ([2, 1], [8, 8]), ([2, 1], [8, 0]),
        ([1, 2], [0, 8]), ([1, 2], [77, 8]), ([1, 1], [0, 0]), ([2, 0, 3], [5, 7, 9]), ([2, 3, 4], [96, 32, 8]),
        ([2, 3, 4], [8, 16, 48]), ([2, 3, 4], [8, 48, 16]), ([2, 1, 4], [32, 999, 8]), ([2, 1, 4], [8, 999, 16]),
        ([4, 1, 1], [8, 0, 0]), ([1, 1, 4], [0, 0, 8]), ([2, 2], [-16, 8]), ([2, 2], [16, -8]), ([2, 2], [0, 8]),
        ([2, 2], [8, 0]), ([5, 1], [8, 40]), ([1, 5], [40, 8]), ([2, 2], [4, 8]),
    ]
    for itemsize in (1, 2, 8):
        for shape, strides in layouts:
            s = [x * itemsize // 8 if abs(x) % 8 == 0 else x for x in strides]
            a = as_strided(base[2048:].view(np.dtype(f"u{itemsize}")), shape=shape, strides=s)
            cases.append({"shape": shape, "strides": list(a.strides), "itemsize": itemsize,
                          "c": bool(a.flags.c_contiguous), "f": bool(a.flags.f_contiguous)})
    return cases


def memory_cases():
    """NumPy's MemoryError sentence for arrays of many sizes (message only)."""
    from numpy._core._exceptions import _ArrayMemoryError

    specs = [((2**31,), "float64"), ((3, 2**40), "float32"), ((2**45,), "uint8"), ((5 * 2**30 + 123,), "int8"),
             ((1023 * 2**20,), "uint8"), ((2**30 - 1,), "uint8"), ((9 * 2**27,), "uint8"), ((1000,), "uint8"),
             ((999 * 2**20 + 2**19,), "uint8"), ((1000 * 2**20 - 2**19,), "uint8"), ((1,), "float64"), ((0,), "int8"),
             ((1536 * 2**20,), "uint8"), ((2**32,), "uint8"), ((17, 3, 5), "float16"), ((), "float64"), ((2**50,), "float64"), ((2**48 + 12345,), "float64"), ((341 * 2**40 // 3,), "int64"),
             ((1234567,), "bool"), ((2**20 + 1,), "int32")]
    return [{"shape": list(s), "dtype": d, "bytes": str(math.prod(s) * np.dtype(d).itemsize),
             "message": str(_ArrayMemoryError(s, np.dtype(d)))} for s, d in specs]


def main():
    doc = {
        "generated_by": "scripts/fixtures_creation.py",
        "numpy": np.__version__,
        "ml_dtypes": ml_dtypes.__version__,
        "array": array_cases() + typed_cases(),
        "filled": filled_cases(),
        "arange": arange_cases(),
        "linspace": linspace_cases(),
        "eye": eye_cases(),
        "contiguity": contiguity_cases(),
        "memory": memory_cases(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, indent=None, separators=(",", ":")) + "\n")
    n = sum(len(v) for v in doc.values() if isinstance(v, list))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {n} cases)")


if __name__ == "__main__":
    main()
