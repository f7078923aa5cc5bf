"""Records NumPy's answers for every view operation: test/fixtures/views.json.

Each case is a root array (shape, dtype, order; values (k % 97) + 1 in C
order, k % 2 for bool) and a chain of view operations. For every step NumPy's
shape, byte strides, byte offset (from the start of the memory block the
result lives in), flags and whether the result shares the root's memory are
recorded; a step that raises records the error class and message and ends
the chain. After the chain, the final values; then, when the result is
writeable, NumPy writes (k % 20) + 100 (k % 2 for bool) through it and the
root's values after the write are recorded.

Chains: a hand-picked list (every error message, the no-copy reshape cases)
and seeded random chains of 1-6 operations over shapes with length-0 and
length-1 axes, 0-d, F order, negative and zero strides.

Run: python3 scripts/fixtures_views.py
"""

import json
import os
import random

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

SEED = 20240604
N_RANDOM = 700
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "views.json")

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16", "float32", "float64"]


def make_root(shape, dtype, order):
    n = int(np.prod(shape, dtype=np.int64))
    k = np.arange(n)
    flat = (k % 2).astype(dtype) if dtype == "bool" else (k % 97 + 1).astype(dtype)
    a = np.empty(shape, dtype=dtype, order=order)
    a[...] = flat.reshape(shape)
    return a


def ptr(x):
    return x.__array_interface__["data"][0]


def root_of(x):
    b = x
    while getattr(b, "base", None) is not None:
        b = b.base
    return b


def record(x, root):
    r = root_of(x)
    return {
        "shape": list(x.shape),
        "strides": list(x.strides),
        "offset": ptr(x) - ptr(r),
        "shared": r is root,
        "flags": {
            "c": bool(x.flags.c_contiguous),
            "f": bool(x.flags.f_contiguous),
            "w": bool(x.flags.writeable),
            "own": bool(x.flags.owndata),
        },
    }


def enc(v):
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    return repr(float(v))


def values(x):
    return [enc(v) for v in np.asarray(x).reshape(-1).tolist()] if x.size else []


# ---- applying one op (the JSON spelling the tests replay) ----

def py_index(items):
    out = []
    for it in items:
        if isinstance(it, dict):
            out.append(slice(*it["s"]))
        elif it == "...":
            out.append(Ellipsis)
        else:
            out.append(it)
    return tuple(out)


def index_string(items):
    parts = []
    for it in items:
        if isinstance(it, dict):
            a, b, c = it["s"]
            s = ("" if a is None else str(a)) + ":" + ("" if b is None else str(b))
            if c is not None:
                s += ":" + str(c)
            parts.append(s)
        elif it is None:
            parts.append("None")
        else:
            parts.append(str(it))
    return ", ".join(parts)


def apply(x, op):
    k = op["op"]
    if k == "get":
        idx = py_index(op["idx"])
        if len(idx) == x.ndim and all(isinstance(i, int) for i in idx):
            # stridewise gives a 0-d view for an integer on every axis: NumPy's a[i, j, ...].
            idx = idx + (Ellipsis,)
        return x[idx]
    if k == "reshape":
        kw = {"order": op["order"]}
        if op.get("copy") is not None:
            kw["copy"] = op["copy"]
        return x.reshape(op["shape"], **kw)
    if k == "transpose":
        return x.transpose() if op["axes"] is None else x.transpose(op["axes"])
    if k == "T":
        return x.T
    if k == "swapaxes":
        return x.swapaxes(op["a1"], op["a2"])
    if k == "moveaxis":
        return np.moveaxis(x, op["src"], op["dst"])
    if k == "squeeze":
        return x.squeeze() if op["axis"] is None else x.squeeze(tuple(op["axis"]))
    if k == "expandDims":
        return np.expand_dims(x, tuple(op["axis"]))
    if k == "ravel":
        return x.ravel(order=op["order"])
    if k == "broadcastTo":
        return np.broadcast_to(x, op["shape"])
    if k == "view":
        return x.view(op["dtype"])
    if k == "sliding":
        return sliding_window_view(x, op["window"], axis=op["axis"])
    if k == "diagonal":
        return x.diagonal(op["offset"], op["axis1"], op["axis2"])
    if k == "atleast":
        return [np.atleast_1d, np.atleast_2d, np.atleast_3d][op["n"] - 1](x)
    if k == "split":
        f = {"split": np.split, "arraySplit": np.array_split}.get(op["kind"])
        if f is not None:
            parts = f(x, op["arg"], axis=op["axis"])
        else:
            parts = {"hsplit": np.hsplit, "vsplit": np.vsplit, "dsplit": np.dsplit}[op["kind"]](x, op["arg"])
        op["count"] = len(parts)
        return parts[op["pick"] % len(parts)] if parts else None
    if k == "asStrided":
        return as_strided(x, op["shape"], op["strides"], writeable=op["writeable"])
    raise ValueError(k)


def run_case(shape, dtype, order, ops):
    root = make_root(shape, dtype, order)
    case = {
        "root": {"shape": list(shape), "dtype": dtype, "order": order, "strides": list(root.strides)},
        "ops": ops,
        "steps": [],
    }
    x = root
    for op in ops:
        if op["op"] == "get":
            op["str"] = index_string(op["idx"])
        try:
            with np.errstate(all="ignore"):
                import warnings

                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    y = apply(x, op)
        except Exception as e:  # noqa: BLE001 - recording NumPy's errors is the point
            case["steps"].append({"error": {"type": type(e).__name__, "message": str(e)}})
            break
        rec = record(y, root)
        if y is x:
            # NumPy returned its input (squeeze with nothing to squeeze,
            # atleast_nd with enough axes); stridewise returns a new view.
            rec["same"] = True
        x = y
        case["steps"].append(rec)
    else:
        case["values"] = values(x)
        if x.flags.writeable:
            k = np.arange(x.size).reshape(x.shape)
            w = (k % 2) if x.dtype == np.bool_ else (k % 20 + 100)
            x[...] = w.astype(x.dtype)
            case["write"] = {"values": values(x), "root": values(root)}
    return case


# ---- random chains ----

def rand_index(rng, x):
    nd = x.ndim
    items = []
    used = 0
    ell = False
    target = rng.randint(0, nd)
    while used < target or (rng.random() < 0.15 and len(items) < nd + 2):
        r = rng.random()
        n = x.shape[used] if used < nd else 1
        if r < 0.1 and not ell:
            items.append("...")
            ell = True
            used = max(used, nd - (target - used))
            continue
        if r < 0.2:
            items.append(None)
            continue
        if used >= nd and rng.random() < 0.8:
            break
        if r < 0.45:
            i = rng.randint(-n - 1, n) if rng.random() < 0.1 else (rng.randint(-n, n - 1) if n > 0 else 0)
            items.append(i)
        else:
            def bound():
                return None if rng.random() < 0.4 else rng.randint(-n - 2, n + 2)

            step = rng.choice([None, None, 1, 2, 3, -1, -1, -2, -3] + ([0] if rng.random() < 0.03 else []))
            items.append({"s": [bound(), bound(), step]})
        used += 1
    return {"op": "get", "idx": items or ["..."]}


def factor_shape(rng, size, nd_hint):
    """A random shape of `size` with about nd_hint axes (length-1 axes sprinkled in)."""
    dims = []
    rest = size
    for _ in range(max(nd_hint - 1, 0)):
        divs = [d for d in range(1, rest + 1) if rest % d == 0] if rest > 0 else [0, 1, 2]
        d = rng.choice(divs)
        dims.append(d)
        if rest > 0:
            rest //= d
    dims.append(rest)
    rng.shuffle(dims)
    return dims


def split_merge_shape(rng, shape):
    """Split some axes into factors and merge some neighbours: the no-copy candidates."""
    out = []
    for n in shape:
        divs = [d for d in range(2, n) if n % d == 0]
        if divs and rng.random() < 0.5:
            d = rng.choice(divs)
            out += [d, n // d]
        else:
            out.append(n)
        if rng.random() < 0.15:
            out.append(1)
    i = 0
    merged = []
    while i < len(out):
        if i + 1 < len(out) and rng.random() < 0.35:
            merged.append(out[i] * out[i + 1])
            i += 2
        else:
            merged.append(out[i])
            i += 1
    return merged


def rand_op(rng, x):
    nd = x.ndim
    kinds = ["get"] * 6 + ["reshape"] * 4 + ["transpose", "T", "swapaxes", "moveaxis", "squeeze", "expandDims", "ravel", "broadcastTo", "view", "view", "sliding", "diagonal", "atleast", "split"]
    k = rng.choice(kinds)
    if k == "get":
        return rand_index(rng, x)
    if k == "reshape":
        if rng.random() < 0.6:
            shape = split_merge_shape(rng, list(x.shape))
        else:
            shape = factor_shape(rng, x.size, rng.randint(0, 4))
        if shape and rng.random() < 0.3:
            shape[rng.randrange(len(shape))] = -1
        if rng.random() < 0.03:
            shape = shape + [2]
        return {"op": "reshape", "shape": shape, "order": rng.choice(["C", "C", "F", "A"]), "copy": rng.choice([None, None, None, False, True])}
    if k == "transpose":
        axes = list(range(nd))
        rng.shuffle(axes)
        if axes and rng.random() < 0.3:
            axes = [a - nd if rng.random() < 0.5 else a for a in axes]
        return {"op": "transpose", "axes": None if rng.random() < 0.3 else axes}
    if k == "T":
        return {"op": "T"}
    if k == "swapaxes":
        r = max(nd, 1)
        return {"op": "swapaxes", "a1": rng.randint(-r, r - 1), "a2": rng.randint(-r, r - (1 if rng.random() < 0.95 else 0))}
    if k == "moveaxis":
        if nd == 0:
            return {"op": "moveaxis", "src": 0, "dst": 0}
        m = rng.randint(1, nd)
        src = rng.sample(range(nd), m)
        dst = rng.sample(range(-nd, nd), m) if rng.random() < 0.3 else rng.sample(range(nd), m)
        return {"op": "moveaxis", "src": src, "dst": dst}
    if k == "squeeze":
        ones = [i for i in range(nd) if x.shape[i] == 1]
        if rng.random() < 0.4 or not ones:
            return {"op": "squeeze", "axis": None if rng.random() < 0.9 or nd == 0 else [rng.randrange(nd)]}
        return {"op": "squeeze", "axis": rng.sample(ones, rng.randint(1, len(ones)))}
    if k == "expandDims":
        m = rng.randint(1, 2)
        out = nd + m
        axes = rng.sample(range(-out, out), m)
        return {"op": "expandDims", "axis": axes}
    if k == "ravel":
        return {"op": "ravel", "order": rng.choice(["C", "F", "A", "K"])}
    if k == "broadcastTo":
        shape = [n if n != 1 or rng.random() < 0.5 else rng.randint(0, 3) for n in x.shape]
        shape = [rng.randint(1, 3) for _ in range(rng.randint(0, 2))] + shape
        if rng.random() < 0.05 and shape:
            shape[0] += 1
        return {"op": "broadcastTo", "shape": shape}
    if k == "view":
        return {"op": "view", "dtype": rng.choice(DTYPES)}
    if k == "sliding":
        if nd == 0:
            return {"op": "sliding", "window": [], "axis": None}
        ax = rng.randrange(nd)
        w = rng.randint(0, x.shape[ax] + (1 if rng.random() < 0.1 else 0))
        return {"op": "sliding", "window": [w], "axis": [ax]}
    if k == "diagonal":
        if nd < 2:
            return {"op": "diagonal", "offset": 0, "axis1": 0, "axis2": 1}
        a1, a2 = rng.sample(range(nd), 2)
        return {"op": "diagonal", "offset": rng.randint(-3, 3), "axis1": a1, "axis2": a2}
    if k == "atleast":
        return {"op": "atleast", "n": rng.randint(1, 3)}
    kind = rng.choice(["split", "arraySplit", "arraySplit", "hsplit", "vsplit", "dsplit"])
    axis = rng.randrange(nd) if nd else 0
    n = x.shape[axis] if nd else 0
    if rng.random() < 0.5:
        arg = rng.randint(1, 4)
    else:
        arg = sorted(rng.randint(-n - 1, n + 1) for _ in range(rng.randint(0, 3)))
    return {"op": "split", "kind": kind, "arg": arg, "axis": axis, "pick": rng.randint(0, 5)}


SHAPES = [
    [], [0], [1], [5], [7], [2, 3], [3, 1], [1, 4], [0, 3], [3, 0], [1, 1], [4, 6], [2, 3, 4], [3, 1, 2],
    [2, 0, 3], [1, 1, 1], [2, 2, 2, 2], [6, 2, 1, 3], [1, 5, 1], [4, 3, 2, 1, 2],
]


def random_cases(rng):
    cases = []
    for _ in range(N_RANDOM):
        shape = rng.choice(SHAPES)
        dtype = rng.choice(DTYPES)
        order = rng.choice(["C", "C", "F"])
        root = make_root(shape, dtype, order)
        x = root
        ops = []
        want = rng.randint(1, 6)
        tries = 0
        while len(ops) < want and tries < 30:
            tries += 1
            op = rand_op(rng, x)
            ops.append(op)
            try:
                with np.errstate(all="ignore"):
                    import warnings

                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        y = apply(x, dict(op))
            except Exception:  # noqa: BLE001
                # Keep some failing steps (their message is checked), retry the rest.
                if rng.random() < 0.15:
                    break
                ops.pop()
                continue
            if y is None or y.size > 4096:
                ops.pop()
                break
            x = y
        if ops:
            cases.append(run_case(shape, dtype, order, ops))
    return cases


def G(*items):
    return {"op": "get", "idx": [{"s": (list(i) + [None, None])[:3]} if isinstance(i, tuple) else i for i in items]}


def R(shape, order="C", copy=None):
    return {"op": "reshape", "shape": shape, "order": order, "copy": copy}


HAND = [
    # indexing and its errors
    ([3], "int64", "C", [G(5)]),
    ([3], "int64", "C", [G(-4)]),
    ([2, 3], "int64", "C", [G(0, 0, 0)]),
    ([2, 3], "int64", "C", [G("...", "...")]),
    ([6], "int64", "C", [G((None, None, 0))]),
    ([], "float64", "C", [G(0)]),
    ([], "float64", "C", [G("...")]),
    ([], "float64", "C", [G(None)]),
    ([2, 3, 4], "int32", "C", [G(1, 2, 3)]),
    ([2, 3, 4], "int32", "F", [G(-1, (None, None, -1), None, 2)]),
    ([2, 3, 4], "int32", "C", [G(None, "...", None, 1)]),
    ([5], "int16", "C", [G((7, 1, -2))]),
    ([5], "int16", "C", [G((-100, 100, 3))]),
    ([5], "int16", "C", [G((3, 1))]),
    ([0], "int16", "C", [G((2, None))]),
    # reshape: views of non-contiguous arrays, copies, errors
    ([6], "int64", "C", [R([4, 2])]),
    ([6], "int64", "C", [R([4, -1])]),
    ([6], "int64", "C", [R([-1, 4])]),
    ([6], "int64", "C", [R([-1, -1])]),
    ([6], "int64", "C", [R([-1, 0])]),
    ([0], "int64", "C", [R([-1, 0])]),
    ([0, 3], "int64", "C", [R([2, -1])]),
    ([6], "int64", "C", [R([2, -1, 0])]),
    ([2, 3], "int64", "C", [{"op": "T"}, R([6], "C", False)]),
    ([2, 3], "int64", "C", [{"op": "T"}, R([6])]),
    ([2, 3], "int64", "C", [{"op": "T"}, R([6], "F")]),
    ([4, 6], "float32", "C", [G((None, None, 2)), R([2, 2, 3, 2])]),
    ([4, 6], "float32", "C", [G((None, None, None), (None, None, 2)), R([2, 2, 3])]),
    ([4, 6], "float32", "C", [G((None, None, None), (None, None, 2)), R([12])]),
    ([4, 6], "float32", "C", [G((None, None, -1)), R([2, 2, 6])]),
    ([4, 6], "float32", "F", [G((None, None, 2)), R([2, 2, 6], "F")]),
    ([2, 3, 4], "int8", "C", [{"op": "transpose", "axes": [1, 0, 2]}, R([3, 2, 2, 2])]),
    ([2, 3, 4], "int8", "C", [{"op": "transpose", "axes": [1, 0, 2]}, R([3, 8], "C", True)]),
    ([2, 3], "int8", "C", [R([3, 2], "X")]),
    ([3, 1, 4], "uint16", "C", [G("...", (None, None, 2)), R([3, 2, 1, 1])]),
    ([3], "int64", "C", [{"op": "broadcastTo", "shape": [2, 3]}, R([6])]),
    ([3], "int64", "C", [{"op": "broadcastTo", "shape": [2, 3]}, R([3, 2], "C", False)]),
    # axis permutations and their errors
    ([2, 3], "int64", "C", [{"op": "transpose", "axes": [0]}]),
    ([2, 3], "int64", "C", [{"op": "transpose", "axes": [0, 0]}]),
    ([2, 3], "int64", "C", [{"op": "transpose", "axes": [0, 2]}]),
    ([2, 3], "int64", "C", [{"op": "transpose", "axes": [0, -3]}]),
    ([2, 3], "int64", "C", [{"op": "swapaxes", "a1": 0, "a2": 2}]),
    ([2, 3], "int64", "C", [{"op": "swapaxes", "a1": -3, "a2": 0}]),
    ([2, 3], "int64", "C", [{"op": "moveaxis", "src": [2], "dst": [0]}]),
    ([2, 3], "int64", "C", [{"op": "moveaxis", "src": [0], "dst": [2]}]),
    ([2, 3], "int64", "C", [{"op": "moveaxis", "src": [0, 0], "dst": [0, 1]}]),
    ([2, 3], "int64", "C", [{"op": "moveaxis", "src": [0], "dst": [0, 1]}]),
    ([2, 3], "int64", "C", [{"op": "moveaxis", "src": [0, 1], "dst": [1, 1]}]),
    ([2, 3, 4, 5], "int8", "C", [{"op": "moveaxis", "src": [0, 3], "dst": [-1, 1]}]),
    ([2, 3], "int64", "C", [{"op": "squeeze", "axis": [0]}]),
    ([2, 3], "int64", "C", [{"op": "squeeze", "axis": [3]}]),
    ([1, 1], "int64", "C", [{"op": "squeeze", "axis": [0, 0]}]),
    ([1, 3, 1], "int64", "F", [{"op": "squeeze", "axis": [-1]}]),
    ([2, 3], "int64", "C", [{"op": "expandDims", "axis": [0, 0]}]),
    ([2, 3], "int64", "C", [{"op": "expandDims", "axis": [3]}]),
    ([2, 3], "int64", "C", [{"op": "expandDims", "axis": [-4]}]),
    ([2, 3], "int64", "F", [{"op": "expandDims", "axis": [0, -1, 2]}]),
    ([4, 3], "int64", "C", [G((None, None, 2)), {"op": "expandDims", "axis": [1]}]),
    # ravel
    ([2, 3], "float64", "F", [{"op": "ravel", "order": "K"}]),
    ([2, 3], "float64", "F", [{"op": "ravel", "order": "A"}]),
    ([2, 3], "float64", "F", [{"op": "ravel", "order": "C"}]),
    ([2, 3, 4], "float64", "C", [{"op": "transpose", "axes": [2, 0, 1]}, {"op": "ravel", "order": "K"}]),
    ([2, 3, 4], "float64", "C", [G((None, None, -1)), {"op": "ravel", "order": "K"}]),
    ([1, 3], "float64", "C", [G((None, None), (None, None, 2)), {"op": "ravel", "order": "C"}]),
    # broadcasting
    ([6], "int64", "C", [{"op": "broadcastTo", "shape": [2]}]),
    ([6], "int64", "C", [{"op": "broadcastTo", "shape": [-1, 6]}]),
    ([2, 3], "int64", "C", [{"op": "broadcastTo", "shape": [6]}]),
    ([2, 3], "int64", "C", [{"op": "broadcastTo", "shape": [4, 3]}]),
    ([1, 3], "int64", "C", [{"op": "broadcastTo", "shape": [1, 3]}]),
    ([1, 3], "int64", "C", [{"op": "broadcastTo", "shape": [2, 4, 3]}, G(0)]),
    ([], "int64", "C", [{"op": "broadcastTo", "shape": [2, 0]}]),
    # view(dtype)
    ([], "int32", "C", [{"op": "view", "dtype": "int16"}]),
    ([], "int32", "C", [{"op": "view", "dtype": "float32"}]),
    ([2, 3], "int32", "C", [{"op": "T"}, {"op": "view", "dtype": "int16"}]),
    ([3], "int16", "C", [{"op": "view", "dtype": "int32"}]),
    ([2, 3], "int8", "C", [G((None, None), (None, None, 2)), {"op": "view", "dtype": "int16"}]),
    ([3, 1], "int16", "C", [G((None, None, 2)), {"op": "view", "dtype": "int32"}]),
    ([3, 2], "int16", "C", [G((None, None), (None, 1)), {"op": "view", "dtype": "int32"}]),
    ([3, 0], "int16", "C", [{"op": "view", "dtype": "int32"}]),
    ([3, 4], "int16", "C", [G((None, None), (None, None, -1)), {"op": "view", "dtype": "int32"}]),
    ([3, 4], "int16", "C", [{"op": "view", "dtype": "int64"}]),
    ([3, 4], "int64", "F", [{"op": "view", "dtype": "uint8"}]),
    ([3, 2], "uint8", "C", [{"op": "view", "dtype": "bool"}]),
    # sliding windows, diagonal, atleast
    ([6], "int64", "C", [{"op": "sliding", "window": [7], "axis": None}]),
    ([6], "int64", "C", [{"op": "sliding", "window": [-1], "axis": None}]),
    ([2, 3], "int64", "C", [{"op": "sliding", "window": [2], "axis": None}]),
    ([2, 3], "int64", "C", [{"op": "sliding", "window": [2, 2], "axis": [0]}]),
    ([6], "int64", "C", [{"op": "sliding", "window": [2], "axis": None}]),
    ([4, 5], "int64", "C", [{"op": "sliding", "window": [2, 3], "axis": None}]),
    ([4, 5], "int64", "C", [{"op": "sliding", "window": [2, 2], "axis": [1, 1]}]),
    ([6], "int64", "C", [{"op": "diagonal", "offset": 0, "axis1": 0, "axis2": 1}]),
    ([2, 3], "int64", "C", [{"op": "diagonal", "offset": 0, "axis1": 0, "axis2": 0}]),
    ([2, 3], "int64", "C", [{"op": "diagonal", "offset": 0, "axis1": 0, "axis2": 2}]),
    ([2, 3], "int64", "C", [{"op": "diagonal", "offset": 5, "axis1": 0, "axis2": 1}]),
    ([2, 3], "int64", "C", [{"op": "diagonal", "offset": -5, "axis1": 0, "axis2": 1}]),
    ([3, 4], "int64", "C", [{"op": "diagonal", "offset": 1, "axis1": 0, "axis2": 1}]),
    ([3, 4], "int64", "C", [{"op": "diagonal", "offset": -1, "axis1": 1, "axis2": 0}]),
    ([2, 3, 4], "int64", "F", [{"op": "diagonal", "offset": 1, "axis1": 2, "axis2": 0}]),
    ([], "int64", "C", [{"op": "atleast", "n": 1}]),
    ([], "int64", "C", [{"op": "atleast", "n": 2}]),
    ([], "int64", "C", [{"op": "atleast", "n": 3}]),
    ([3], "int64", "C", [{"op": "atleast", "n": 2}]),
    ([3], "int64", "C", [{"op": "atleast", "n": 3}]),
    ([2, 3], "int64", "C", [{"op": "atleast", "n": 3}]),
    # split family
    ([6], "int64", "C", [{"op": "split", "kind": "split", "arg": 4, "axis": 0, "pick": 0}]),
    ([6], "int64", "C", [{"op": "split", "kind": "arraySplit", "arg": 0, "axis": 0, "pick": 0}]),
    ([], "int64", "C", [{"op": "split", "kind": "hsplit", "arg": 2, "axis": 0, "pick": 0}]),
    ([6], "int64", "C", [{"op": "split", "kind": "vsplit", "arg": 2, "axis": 0, "pick": 0}]),
    ([2, 3], "int64", "C", [{"op": "split", "kind": "dsplit", "arg": 2, "axis": 0, "pick": 0}]),
    ([6], "int64", "C", [{"op": "split", "kind": "split", "arg": 2, "axis": 1, "pick": 0}]),
    ([7], "int64", "C", [{"op": "split", "kind": "arraySplit", "arg": 3, "axis": 0, "pick": 0}]),
    ([7], "int64", "C", [{"op": "split", "kind": "arraySplit", "arg": 3, "axis": 0, "pick": 2}]),
    ([4, 7], "int64", "C", [{"op": "split", "kind": "arraySplit", "arg": [2, -2, 10], "axis": 1, "pick": 1}]),
    ([4, 7], "int64", "C", [{"op": "split", "kind": "arraySplit", "arg": [2, -2, 10], "axis": 1, "pick": 3}]),
    ([4, 6], "int64", "F", [{"op": "split", "kind": "hsplit", "arg": 3, "axis": 0, "pick": 2}]),
    ([4, 6], "int64", "C", [{"op": "split", "kind": "vsplit", "arg": [1], "axis": 0, "pick": 1}]),
    ([2, 2, 4], "int64", "C", [{"op": "split", "kind": "dsplit", "arg": 2, "axis": 0, "pick": 1}]),
    # as_strided
    ([6], "int64", "C", [{"op": "asStrided", "shape": [4, 3], "strides": [8, 8], "writeable": False}]),
    ([6], "int64", "C", [{"op": "asStrided", "shape": [2, 3], "strides": [24, 8], "writeable": True}]),
    ([2, 3], "int16", "C", [{"op": "T"}, {"op": "asStrided", "shape": [3, 2], "strides": [2, 6], "writeable": True}]),
]


# ---- exhaustive reshape sweep: every ordered factorisation of the size ----

def factorisations(n, max_len):
    """Ordered factorisations of n into at most max_len factors > 1, plus 1s sprinkled in."""
    out = set()

    def rec(rest, acc):
        if rest == 1:
            out.add(tuple(acc))
        if len(acc) == max_len:
            return
        for d in range(2, rest + 1):
            if rest % d == 0:
                rec(rest // d, acc + [d])

    rec(n, [])
    if n == 0:
        out = {(0,), (0, 2), (2, 0), (0, 0)}
    with_ones = set(out)
    for f in out:
        for i in range(len(f) + 1):
            with_ones.add(f[:i] + (1,) + f[i:])
    return sorted(with_ones, key=lambda t: (len(t), t))


# Non-contiguous starting points (root shape, ops): slices, transposes,
# negative strides, broadcast (zero strides), length-1 axes.
SWEEP_STARTS = [
    ([4, 6], [G((None, None, 2))]),
    ([4, 6], [G((None, None), (None, None, 2))]),
    ([4, 6], [G((None, None), (1, 5))]),
    ([4, 6], [{"op": "T"}]),
    ([4, 6], [G((None, None, -1))]),
    ([4, 6], [G((None, None), (None, None, -2))]),
    ([2, 3, 4], [{"op": "transpose", "axes": [1, 0, 2]}]),
    ([2, 3, 4], [{"op": "transpose", "axes": [0, 2, 1]}]),
    ([2, 3, 4], [G((None, None), (None, None), (None, None, 2))]),
    ([2, 3, 4], [G("...", (1, 3))]),
    ([3, 8], [G((None, None), (None, None, 2)), R([3, 2, 2])]),
    ([6], [{"op": "broadcastTo", "shape": [2, 6]}]),
    ([2, 1, 6], [{"op": "broadcastTo", "shape": [2, 2, 6]}]),
    ([4, 1, 6], [G((None, None, 2), "...", (None, None, 3))]),
    ([2, 3, 4], [{"op": "T"}]),
    ([2, 3, 4], [{"op": "T"}, G((None, None, -1))]),
    ([0, 4], [{"op": "T"}]),
]


def reshape_sweep():
    cases = []
    for shape, prefix in SWEEP_STARTS:
        root = make_root(shape, "int16", "C")
        x = root
        for op in prefix:
            x = apply(x, dict(op))
        for target in factorisations(x.size, 4):
            for order in ["C", "F"]:
                c = run_case(list(shape), "int16", "C", [dict(op) for op in prefix] + [R(list(target), order, False)])
                c.pop("write", None)  # writes are covered by the chains; keep the file small
                cases.append(c)
    return cases


def main():
    rng = random.Random(SEED)
    cases = [run_case(list(s), d, o, [dict(op) for op in ops]) for s, d, o, ops in HAND]
    hand = len(cases)
    cases += random_cases(rng)
    sweep = reshape_sweep()
    views = sum(1 for c in sweep if "error" not in c["steps"][-1])
    print(f"reshape sweep: {len(sweep)} reshapes with copy=False, {views} of them views")
    with open(OUT, "w") as f:
        json.dump(
            {"generator": "scripts/fixtures_views.py", "numpy": np.__version__, "seed": SEED, "hand": hand, "cases": cases, "reshapeSweep": sweep},
            f,
            separators=(",", ":"),
        )
    errors = sum(1 for c in cases if "error" in c["steps"][-1])
    print(f"wrote {len(cases)} cases ({hand} hand-picked, {errors} ending in an error) to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
