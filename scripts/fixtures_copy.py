# Records test/fixtures/copy.json: what NumPy returns (shape, byte strides,
# contiguity, values) for copy(order) as a method and as a function,
# flatten(order), and for concatenate / stack / vstack / hstack / dstack /
# column_stack / tile / repeat, including axis=None, negative axes and the
# errors (class and message) for mismatched inputs.
#
# Inputs are views of a C array made from `data`, described in elements:
# {"baseShape", "shape", "strides", "offset"}, so the test can build the
# same view with makeView. Values of 64-bit integer arrays are written as
# {"bigint": "..."} (stridewise reads them as bigint).
import json
import pathlib

import numpy as np
from numpy.lib.stride_tricks import as_strided

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "copy.json"


def enc_values(a):
    def walk(x):
        if isinstance(x, list):
            return [walk(y) for y in x]
        if isinstance(x, bool):
            return x
        if a.dtype.kind in "iu" and a.dtype.itemsize == 8:
            return {"bigint": str(int(x))}
        if isinstance(x, float) and x != x:
            return {"num": "nan"}
        return x

    return walk(a.tolist())


def describe(a):
    return {
        "shape": list(a.shape),
        "strides": list(a.strides),
        "dtype": a.dtype.name,
        "c": bool(a.flags.c_contiguous),
        "f": bool(a.flags.f_contiguous),
        "values": enc_values(a),
    }


def make(spec):
    """Builds the input view described by spec from a fresh C array."""
    n = int(np.prod(spec["baseShape"]))
    if spec["dtype"] == "bool":
        base = (np.arange(n) % 3 == 0).reshape(spec["baseShape"])
    else:
        base = np.arange(n, dtype=spec["dtype"]).reshape(spec["baseShape"])
    item = base.itemsize
    hi = spec["offset"] + sum((d - 1) * max(st, 0) for d, st in zip(spec["shape"], spec["strides"]) if d > 0)
    lo = spec["offset"] + sum((d - 1) * min(st, 0) for d, st in zip(spec["shape"], spec["strides"]) if d > 0)
    if 0 not in spec["shape"]:
        assert 0 <= lo and hi < n, f"view {spec} reads outside its base"
    flat = base.reshape(-1)
    v = as_strided(
        flat[spec["offset"]:],
        shape=spec["shape"],
        strides=[s * item for s in spec["strides"]],
    )
    return base, v


def view(dtype, base_shape, shape=None, strides=None, offset=0):
    """A view spec; shape/strides default to the C array itself."""
    if shape is None:
        shape = list(base_shape)
        strides = []
        s = 1
        for d in reversed(base_shape):
            strides.insert(0, s)
            s *= d
    return {"dtype": dtype, "baseShape": list(base_shape), "shape": list(shape), "strides": list(strides), "offset": offset}


def data_of(spec):
    base, _ = make(spec)
    return enc_values(base)


# ---- copy / flatten --------------------------------------------------------

COPY_VIEWS = [
    ("C 2-d float64", view("float64", [3, 4])),
    ("transposed 2-d float32", view("float32", [3, 4], [4, 3], [1, 4])),
    ("F-like 3-d int64", view("int64", [2, 3, 4], [4, 3, 2], [1, 4, 12])),
    ("axes permuted 3-d int16", view("int16", [2, 3, 4], [3, 2, 4], [4, 12, 1])),
    ("reversed rows uint8", view("uint8", [3, 5], [3, 5], [-5, 1], 10)),
    ("reversed both float64", view("float64", [3, 5], [3, 5], [-5, -1], 14)),
    ("column slice float32", view("float32", [4, 6], [4, 3], [6, 1], 2)),
    ("stepped int32", view("int32", [4, 6], [2, 3], [12, 2], 1)),
    ("broadcast rows float64", view("float64", [4], [3, 4], [0, 1])),
    ("broadcast columns int64", view("int64", [3], [3, 4], [1, 0])),
    ("length-1 axes float32", view("float32", [2, 1, 3], [3, 1, 2], [1, 3, 3])),
    ("0-d int64", view("int64", [5], [], [], 3)),
    ("empty float64", view("float64", [0, 3])),
    ("1-d negative bool", view("bool", [7], [4], [-2], 6)),
    ("4-d permuted float64", view("float64", [2, 3, 2, 2], [2, 2, 2, 3], [2, 12, 1, 4])),
    ("broadcast 3-d float32", view("float32", [2, 3], [2, 4, 3], [3, 0, 1])),
    ("broadcast middle F int64", view("int64", [3, 2], [3, 4, 2], [1, 0, 3])),
]


def copy_cases():
    out = []
    for name, spec in COPY_VIEWS:
        _, v = make(spec)
        results = {}
        for order in "CFAK":
            results[f"method:{order}"] = describe(v.copy(order=order))
            results[f"copy:{order}"] = describe(np.copy(v, order=order))
            results[f"flatten:{order}"] = describe(v.flatten(order=order))
        results["copy:default"] = describe(np.copy(v))
        results["method:default"] = describe(v.copy())
        results["flatten:default"] = describe(v.flatten())
        results["ascontiguousarray:"] = describe(np.ascontiguousarray(v))
        results["asfortranarray:"] = describe(np.asfortranarray(v))
        out.append({"name": name, "input": spec, "data": data_of(spec), "results": results})
    return out


# ---- join ------------------------------------------------------------------


def run(fn, arrays, kwargs):
    try:
        return {"result": describe(fn(arrays, **kwargs) if fn not in (np.tile, np.repeat) else fn(arrays[0], **kwargs))}
    except Exception as e:  # noqa: BLE001 - recording NumPy's errors is the point
        return {"error": {"type": type(e).__name__, "message": str(e)}}


JS_NAME = {
    np.concatenate: "concatenate",
    np.stack: "stack",
    np.vstack: "vstack",
    np.hstack: "hstack",
    np.dstack: "dstack",
    np.column_stack: "columnStack",
    np.tile: "tile",
    np.repeat: "repeat",
}

C23 = view("float64", [2, 3])
C23i = view("int64", [2, 3])
T32 = view("float64", [2, 3], [3, 2], [1, 3])
C22 = view("float64", [2, 2])
C13 = view("float64", [1, 3])
V3 = view("float64", [3])
V2 = view("float64", [2])
S0 = view("float64", [4], [], [], 2)
E03 = view("float64", [0, 3])
F234 = view("float32", [2, 3, 4], [2, 3, 4], [1, 2, 6])
C234 = view("float32", [2, 3, 4])
R23 = view("float64", [2, 3], [2, 3], [-3, -1], 5)
B23 = view("float64", [3], [2, 3], [0, 1])
U8 = view("uint8", [2, 3])
I8 = view("int8", [2, 3])
F32 = view("float32", [2, 3])
H16 = view("float16", [2, 3])
U64 = view("uint64", [2, 3])
BOOL = view("bool", [2, 3])
I32T = view("int32", [2, 3], [3, 2], [1, 3])

JOIN = [
    (np.concatenate, [C23, C23], {}),
    (np.concatenate, [C23, C23], {"axis": 1}),
    (np.concatenate, [C23, C23], {"axis": -1}),
    (np.concatenate, [C23, C23], {"axis": -2}),
    (np.concatenate, [C23, C13], {"axis": 0}),
    (np.concatenate, [C23, C22], {"axis": 1}),
    (np.concatenate, [C23, T32], {"axis": 0}),
    (np.concatenate, [T32, T32], {"axis": 0}),
    (np.concatenate, [T32, T32], {"axis": 1}),
    (np.concatenate, [F234, F234], {"axis": 1}),
    (np.concatenate, [F234, C234], {"axis": 2}),
    (np.concatenate, [C23, R23, B23], {"axis": 0}),
    (np.concatenate, [C23, T32], {"axis": None}),
    (np.concatenate, [V3, S0, C22], {"axis": None}),
    (np.concatenate, [E03, C23], {"axis": 0}),
    (np.concatenate, [V3, V2, V3], {}),
    (np.concatenate, [C23i, C23i], {"axis": 1}),
    (np.concatenate, [U8, U8, U8], {"axis": -1}),
    (np.concatenate, [C23, C22], {"axis": 0}),
    (np.concatenate, [C23, V3], {"axis": 0}),
    (np.concatenate, [C23, C23], {"axis": 2}),
    (np.concatenate, [C23, C23], {"axis": -3}),
    (np.concatenate, [S0, S0], {}),
    (np.concatenate, [], {}),
    # mixed dtypes: NumPy's promotion, dtype= and casting=
    (np.concatenate, [C23, F32], {}),
    (np.concatenate, [I8, U8], {"axis": 1}),
    (np.concatenate, [C23i, U64], {}),
    (np.concatenate, [BOOL, I8, U8], {}),
    (np.concatenate, [H16, F32], {"axis": None}),
    (np.concatenate, [I32T, C23], {"axis": 0}),
    (np.concatenate, [C23, F32], {"dtype": "float32"}),
    (np.concatenate, [C23, I8], {"dtype": "int8"}),
    (np.concatenate, [C23, I8], {"dtype": "int8", "casting": "unsafe"}),
    (np.concatenate, [I8, U8], {"dtype": "float16", "casting": "safe"}),
    (np.concatenate, [C23i, C23i], {"dtype": "int32", "casting": "safe"}),
    (np.stack, [F32, H16], {"axis": 1}),
    (np.stack, [I8, C23], {"dtype": "float32"}),
    (np.vstack, [U8, I8], {}),
    (np.hstack, [BOOL, F32], {"dtype": "float64"}),
    (np.dstack, [I8, U8], {}),
    (np.stack, [C23, C23], {}),
    (np.stack, [C23, C23], {"axis": 1}),
    (np.stack, [C23, C23, C23], {"axis": 2}),
    (np.stack, [C23, C23], {"axis": -1}),
    (np.stack, [T32, T32], {"axis": 0}),
    (np.stack, [T32, T32], {"axis": 2}),
    (np.stack, [S0, S0], {}),
    (np.stack, [V3, V2], {}),
    (np.stack, [C23, C23], {"axis": 3}),
    (np.stack, [C23, C23], {"axis": -4}),
    (np.stack, [], {}),
    (np.vstack, [V3, V3], {}),
    (np.vstack, [C23, V3, C13], {}),
    (np.vstack, [S0, S0], {}),
    (np.vstack, [C23, V2], {}),
    (np.vstack, [T32, T32], {}),
    (np.hstack, [V3, V2], {}),
    (np.hstack, [C23, C22], {}),
    (np.hstack, [S0, V3], {}),
    (np.hstack, [C23, C13], {}),
    (np.hstack, [T32, T32], {}),
    (np.dstack, [C23, C23], {}),
    (np.dstack, [V3, V3], {}),
    (np.dstack, [S0, S0], {}),
    (np.dstack, [C234, C234], {}),
    (np.dstack, [C23, V3], {}),
    (np.column_stack, [V3, V3], {}),
    (np.column_stack, [T32, V3], {}),
    (np.column_stack, [view("float64", [3, 2]), V3], {}),
    (np.column_stack, [V3, V2], {}),
    (np.tile, [V3], {"reps": 2}),
    (np.tile, [V3], {"reps": [2, 2]}),
    (np.tile, [C23], {"reps": [2, 1]}),
    (np.tile, [C23], {"reps": [1, 3]}),
    (np.tile, [C23], {"reps": 2}),
    (np.tile, [C23], {"reps": [2, 1, 2]}),
    (np.tile, [T32], {"reps": [1, 1]}),
    (np.tile, [T32], {"reps": [1, 1, 1]}),
    (np.tile, [C23], {"reps": 1}),
    (np.tile, [S0], {"reps": 3}),
    (np.tile, [S0], {"reps": [2, 2]}),
    (np.tile, [E03], {"reps": 2}),
    (np.tile, [C23], {"reps": [0, 2]}),
    (np.tile, [F234], {"reps": [2, 1, 1]}),
    (np.tile, [V3], {"reps": -1}),
    (np.repeat, [V3], {"repeats": 2}),
    (np.repeat, [C23], {"repeats": 2}),
    (np.repeat, [C23], {"repeats": 2, "axis": 0}),
    (np.repeat, [C23], {"repeats": 2, "axis": 1}),
    (np.repeat, [C23], {"repeats": 3, "axis": -1}),
    (np.repeat, [C23], {"repeats": [1, 2], "axis": 0}),
    (np.repeat, [C23], {"repeats": [0, 2, 1], "axis": 1}),
    (np.repeat, [C23], {"repeats": [2], "axis": 1}),
    (np.repeat, [T32], {"repeats": [1, 0, 2], "axis": 0}),
    (np.repeat, [T32], {"repeats": 2, "axis": 1}),
    (np.repeat, [F234], {"repeats": [1, 2, 3], "axis": 1}),
    (np.repeat, [S0], {"repeats": 3}),
    (np.repeat, [S0], {"repeats": [3]}),
    (np.repeat, [C23], {"repeats": 0, "axis": 0}),
    (np.repeat, [E03], {"repeats": 2, "axis": 1}),
    (np.repeat, [C23], {"repeats": [1, 2], "axis": 1}),
    (np.repeat, [C23], {"repeats": [1, -1, 1], "axis": 1}),
    (np.repeat, [C23], {"repeats": -1}),
    (np.repeat, [C23], {"repeats": 2, "axis": 2}),
    (np.repeat, [V3], {"repeats": [1, 2, 3]}),
]


def join_cases():
    out = []
    for fn, specs, kwargs in JOIN:
        arrays = [make(s)[1] for s in specs]
        rec = run(fn, arrays, kwargs)
        out.append(
            {
                "fn": JS_NAME[fn],
                "inputs": [{"input": s, "data": data_of(s)} for s in specs],
                "kwargs": kwargs,
                **rec,
            }
        )
    return out


def copyto_scalar_cases():
    """np.copyto(dst, python_scalar, casting=...) for NEP 50's weak scalars."""
    out = []
    for casting in ["no", "equiv", "safe", "same_kind", "unsafe"]:
        for value in [5, -5, 300, 3.5, True]:
            for dt in ["uint8", "int8", "int64", "float32", "float16", "bool"]:
                a = np.zeros(2, dt)
                rec = {"casting": casting, "value": value, "dtype": dt}
                try:
                    np.copyto(a, value, casting=casting)
                    rec["result"] = a.tolist()
                except Exception as e:  # noqa: BLE001 - recording NumPy's errors is the point
                    rec["error"] = {"type": type(e).__name__, "message": str(e)}
                out.append(rec)
    return out


def copyto_where_cases():
    """np.copyto(dst, src, where=...) over dst layouts and dtypes, src forms
    (same dtype, castable dtype, broadcast row, scalar) and where forms (full
    mask, broadcast mask, list, 0-d, True/False), and the errors in NumPy's
    order. dst starts as arange(size) % 7 in its dtype, read in C order
    through the layout; src is -(arange(size) + 1), broadcast as its shape."""
    out = []
    rng = np.random.default_rng(5)

    def dst_of(dtype, layout):
        base = (np.arange(4 * 6) % 7).astype(dtype)
        if layout == "C":
            return base.reshape(4, 6)
        if layout == "F":
            return np.asfortranarray(base.reshape(4, 6))
        if layout == "neg":
            big = (np.arange(4 * 12) % 7).astype(dtype).reshape(4, 12)
            return big[::-1, ::-2]
        # "strided": every other row of a taller array
        big = (np.arange(8 * 6) % 7).astype(dtype).reshape(8, 6)
        return big[::2]

    masks = {
        "full": lambda: rng.random((4, 6)) < 0.5,
        "row": lambda: np.array([True, False, True, True, False, True]),
        "col": lambda: np.array([[True], [False], [False], [True]]),
        "list": lambda: [True, False, False, True, True, False],
        "0d-true": lambda: np.array(True),
        "false": lambda: False,
        "true": lambda: True,
    }
    srcs = {
        "same": lambda dt: (-(np.arange(24) + 1)).astype(dt).reshape(4, 6),
        "row": lambda dt: (-(np.arange(6) + 1)).astype(dt),
        "int8": lambda dt: (-(np.arange(24) + 1)).astype(np.int8).reshape(4, 6),
        "scalar": lambda dt: 3,
    }
    for dtype in ["float64", "float32", "float16", "int32", "int64", "uint8", "bool"]:
        for layout in ["C", "F", "neg", "strided"]:
            for sname, sf in srcs.items():
                for mname, mf in masks.items():
                    if layout != "C" and mname not in ("full", "row"):
                        continue
                    dst = dst_of(dtype, layout)
                    src = sf(dtype)
                    mask = mf()
                    rec = {"dtype": dtype, "layout": layout, "src": sname, "where": mname,
                           "mask": np.asarray(mask).tolist()}
                    try:
                        np.copyto(dst, src, where=mask)
                        rec["result"] = enc_values(dst)
                    except Exception as e:  # noqa: BLE001 - recording NumPy's errors is the point
                        rec["error"] = {"type": type(e).__name__, "message": str(e)}
                    out.append(rec)
    # Errors, each alone and in pairs (NumPy's order decides which is raised).
    errs = []
    bad = {
        "int mask": lambda: np.ones((4, 6), np.int64),
        "mask shape": lambda: np.ones((4, 5), bool),
        "src shape": lambda: np.ones((4, 5)),
        "unsafe cast": lambda: np.ones((4, 6)),
    }
    for combo in [("int mask",), ("mask shape",), ("src shape",), ("unsafe cast",), ("int mask", "src shape"),
                  ("mask shape", "src shape"), ("mask shape", "unsafe cast"), ("int mask", "unsafe cast"),
                  ("src shape", "unsafe cast"), ("no mask", "src shape", "unsafe cast")]:
        dst = np.zeros((4, 6), np.int32)
        src = bad["src shape"]() if "src shape" in combo else (bad["unsafe cast"]() if "unsafe cast" in combo else np.ones((4, 6), np.int32))
        mask = bad["int mask"]() if "int mask" in combo else (bad["mask shape"]() if "mask shape" in combo else np.ones((4, 6), bool))
        if "src shape" in combo and "unsafe cast" not in combo:
            src = src.astype(np.int32)
        if "no mask" in combo:
            mask = None
        try:
            np.copyto(dst, src, **({} if mask is None else {"where": mask}))
            raise AssertionError(f"no error for {combo}")
        except AssertionError:
            raise
        except Exception as e:  # noqa: BLE001
            errs.append({"combo": list(combo), "error": {"type": type(e).__name__, "message": str(e)},
                         "src": {"shape": list(src.shape), "dtype": src.dtype.name},
                         "mask": None if mask is None else {"shape": list(mask.shape), "dtype": mask.dtype.name}})
    # Empty and 0-d destinations (float64 zeros of the shape; src a scalar or
    # -(arange(n) + 1) in the given shape; where a list or a bool array).
    edges = []
    for shape, src_shape, mask in [([0, 3], None, [True, False, True]), ([0, 3], [3], [True, False, True]),
                                   ([2, 0], None, [[True], [False]]), ([], None, True), ([], None, False),
                                   ([], [], np.array(True)), ([3], [], [False, True, True]), ([2, 3], [1, 3], np.array(False))]:
        dst = np.zeros(shape)
        src = 7.5 if src_shape is None else (-(np.arange(int(np.prod(src_shape))) + 1.0)).reshape(src_shape)
        np.copyto(dst, src, where=mask)
        edges.append({"shape": shape, "src": None if src_shape is None else src_shape, "mask": np.asarray(mask).tolist(),
                      "maskArray": isinstance(mask, np.ndarray), "result": enc_values(dst), "strides": list(dst.strides)})
    return {"cases": out, "errors": errs, "edges": edges}


def main():
    fixture = {"numpy": np.__version__, "copy": copy_cases(), "join": join_cases(), "copyto_scalar": copyto_scalar_cases(),
               "copyto_where": copyto_where_cases()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote {OUT} ({len(fixture['copy'])} copy cases, {len(fixture['join'])} join cases)")


if __name__ == "__main__":
    main()
