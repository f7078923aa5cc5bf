"""Records NumPy's advanced indexing: test/fixtures/advanced.json.

Each case: a base array (shape, dtype, layout; values (k % 97) + 1 in C
order of the root, k % 2 for bool), an index, and NumPy's answer for
base[index]: shape, byte strides, C-contiguity, values in C order, or the
error class and message. Then base[index] = value (a scalar or an array of
the result's shape, or of its last axis) is done on a fresh base and the
base's values after the write (or the error) are recorded.

Layouts: C, F (asfortranarray), neg (root[::-1]), T (root.T), step
(root[..., ::2] of a root with a doubled last axis).

Index components are encoded as: int -> number; slice -> {"s": [start,
stop, step]}; None -> null; Ellipsis -> "..."; bool -> true/false;
list -> {"l": nested}; ndarray -> {"a": nested, "dt": dtype}; typed
array (1-d) -> {"t": list, "dt": dtype}.

Run: python3 scripts/fixtures_indexing_advanced.py
"""

import json
import os
import random

import numpy as np

SEED = 6
N_RANDOM = 900
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "advanced.json")
DTYPES = ["bool", "int8", "uint8", "int16", "int32", "int64", "uint64", "float16", "float32", "float64"]
LAYOUTS = ["C", "F", "neg", "T", "step"]


def root_values(shape, dtype):
    n = int(np.prod(shape, dtype=np.int64))
    k = np.arange(n)
    flat = (k % 2).astype(dtype) if dtype == "bool" else (k % 97 + 1).astype(dtype)
    return flat.reshape(shape)


def make_base(shape, dtype, layout):
    if layout == "C":
        return root_values(shape, dtype).copy()
    if layout == "F":
        return np.asfortranarray(root_values(shape, dtype))
    if layout == "neg":
        return root_values(shape, dtype).copy()[::-1]
    if layout == "T":
        return root_values(shape, dtype).copy().T
    if layout == "step":
        s = list(shape)
        s[-1] *= 2
        return root_values(s, dtype).copy()[..., ::2]
    raise ValueError(layout)


def enc_value(v):
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if f != f:
            return {"num": "nan"}
        return f
    return int(v)


def enc_comp(c):
    if c is None:
        return None
    if c is Ellipsis:
        return "..."
    if isinstance(c, bool):
        return c
    if isinstance(c, int):
        return c
    if isinstance(c, slice):
        return {"s": [c.start, c.stop, c.step]}
    if isinstance(c, list):
        return {"l": c}
    if isinstance(c, tuple) and c[0] == "typed":
        return {"t": c[1].tolist(), "dt": str(c[1].dtype)}
    if isinstance(c, np.ndarray):
        return {"a": c.tolist(), "dt": str(c.dtype)}
    raise TypeError(c)


def np_comp(c):
    if isinstance(c, tuple) and c[0] == "typed":
        return c[1]
    return c


def record(base_fn, shape_desc, comps, value_kind):
    base = base_fn()
    idx = tuple(np_comp(c) for c in comps)
    case = {"base": shape_desc, "index": [enc_comp(c) for c in comps]}
    try:
        r = base[idx]
        case["result"] = {
            "shape": list(r.shape),
            "strides": list(r.strides),
            "c": bool(r.flags.c_contiguous),
            "f": bool(r.flags.f_contiguous),
            # false where mapiter hands back a transposed view of its allocation
            "own": bool(r.flags.owndata),
            "values": [enc_value(v) for v in r.ravel().tolist()],
        }
        rshape = r.shape
    except Exception as e:  # noqa: BLE001
        case["error"] = [type(e).__name__, str(e)]
        rshape = None
    # The write, on a fresh base.
    base = base_fn()
    if value_kind == "scalar" or rshape is None:
        value = 7
        case["value"] = 7
    else:
        vshape = rshape if value_kind == "full" else rshape[-1:]
        n = int(np.prod(vshape, dtype=np.int64))
        value = (np.arange(n) % 20 + 100).reshape(vshape)
        case["value"] = {"a": value.tolist(), "dt": "int64", "shape": list(vshape)}
    try:
        base[idx] = value
        case["after"] = [enc_value(v) for v in base.ravel().tolist()]
    except Exception as e:  # noqa: BLE001
        case["setError"] = [type(e).__name__, str(e)]
    return case


def rand_index_array(rng, shape, length, bad=False):
    lo = -length if length > 0 else 0
    hi = length if length > 0 else 1
    a = np.array([rng.randrange(lo, hi) for _ in range(int(np.prod(shape, dtype=np.int64)))], dtype=np.int64).reshape(shape)
    if bad and a.size > 0:
        a.flat[rng.randrange(a.size)] = length + rng.randrange(3) if rng.random() < 0.5 else -length - 1 - rng.randrange(3)
    return a


def random_case(rng):
    nd = rng.randint(1, 4)
    shape = [rng.randint(0 if rng.random() < 0.05 else 1, 5) for _ in range(nd)]
    dtype = rng.choice(DTYPES)
    layout = rng.choice(LAYOUTS)
    base_shape = list(reversed(shape)) if layout == "T" else shape
    desc = {"shape": shape, "dtype": dtype, "layout": layout}
    bshape = base_shape
    # Components: walk the axes, choosing per axis.
    comps = []
    n_adv = 0
    idx_shapes = [(), (2,), (3,), (1,), (2, 1), (1, 3), (2, 3), (0,)]
    common = rng.choice(idx_shapes)
    ax = 0
    use_mask_full = rng.random() < 0.08
    if use_mask_full:
        m = np.array([rng.random() < 0.5 for _ in range(int(np.prod(bshape)))], dtype=bool).reshape(bshape)
        comps = [m]
        return desc, comps
    while ax < len(bshape):
        r = rng.random()
        length = bshape[ax]
        if r < 0.35 and n_adv < 3:
            kind = rng.random()
            if kind < 0.15:
                comps.append([int(x) for x in rand_index_array(rng, (rng.randint(0, 3),), length).ravel()])
            elif kind < 0.25:
                comps.append(("typed", rand_index_array(rng, (rng.randint(1, 3),), length).astype(rng.choice(["int32", "uint8", "int16"])).__abs__()))
            elif kind < 0.4:
                k = min(rng.randint(1, 2), len(bshape) - ax)
                mshape = bshape[ax:ax + k]
                if rng.random() < 0.05:
                    mshape = [mshape[0] + 1] + list(mshape[1:])
                m = np.array([rng.random() < 0.5 for _ in range(int(np.prod(mshape)))], dtype=bool).reshape(mshape)
                comps.append(m)
                ax += k - 1
            else:
                s = common if rng.random() < 0.85 else rng.choice(idx_shapes)
                comps.append(rand_index_array(rng, s, length, bad=rng.random() < 0.05))
            n_adv += 1
        elif r < 0.5:
            comps.append(rng.randrange(-length, length) if length > 0 else 0)
        elif r < 0.8:
            start = rng.choice([None, 0, 1, -1])
            stop = rng.choice([None, 2, -1, 10])
            step = rng.choice([None, 1, 2, -1])
            comps.append(slice(start, stop, step))
        elif r < 0.9 and not any(c is Ellipsis for c in comps):
            comps.append(Ellipsis)
            # the ellipsis takes this axis and maybe more
        else:
            comps.append(None)
            continue
        ax += 1
    if rng.random() < 0.15:
        comps.insert(rng.randrange(len(comps) + 1), None)
    if rng.random() < 0.05:
        comps.insert(rng.randrange(len(comps) + 1), rng.random() < 0.7)
    if n_adv == 0:
        pos = [i for i, c in enumerate(comps) if isinstance(c, (int, slice)) and not isinstance(c, bool)]
        if pos:
            comps[pos[0]] = [0, -1]
        else:
            comps.append([0])
    return desc, comps


def hand_cases():
    out = []
    b = {"shape": [3, 4, 5], "dtype": "float32", "layout": "C"}
    out.append((b, [np.array([0, 1]), np.array([0, 1, 2])]))
    out.append((b, [np.array([0, 1]), slice(None), np.array([0, 1, 2])]))
    out.append((b, [np.array([[0, 1]]), np.array([[0], [1], [2]]), np.array([0, 1, 2, 3])]))
    out.append((b, [np.ones((3, 3), bool)]))
    out.append((b, [slice(None), np.ones((3, 3), bool)]))
    out.append((b, [np.ones(4, bool)]))
    out.append((b, [np.array([5]), 10]))
    out.append((b, [np.array([1.0])]))
    out.append((b, [[1.5]]))
    out.append((b, [np.array([0, 5, 7])]))
    out.append((b, [slice(None), np.array([-5])]))
    out.append((b, [[0], [0], [0], [0]]))
    out.append((b, [0, slice(None), [0, 1]]))
    out.append((b, [slice(None), 0, [0, 1]]))
    out.append((b, [[0], Ellipsis, [0]]))
    out.append((b, [slice(None), [0], None, [0]]))
    out.append((b, [True]))
    out.append((b, [False]))
    out.append((b, [slice(None), True]))
    out.append((b, [[0, 1], True]))
    out.append((b, [[0, 1], False]))
    out.append((b, [np.array(True)]))
    out.append((b, [[]]))
    out.append((b, [[[]]]))
    out.append((b, [np.zeros((3, 0), bool)]))
    out.append((b, [np.array(2)]))
    out.append((b, [np.array([[1, 2], [0, 0]]), slice(1, 3)]))
    out.append((b, ["..."[0:0] or Ellipsis, np.array([4, -5])]))
    out.append((b, [np.array([0, 0, 2, 2]), slice(None), 1]))
    e = {"shape": [6, 4], "dtype": "float32", "layout": "C"}
    out.append((e, [np.array([5, 0, 5, 3], dtype=np.int64)]))
    out.append((e, [np.array([6], dtype=np.int64)]))
    out.append((e, [np.array([1, 0, 1, 0, 0, 1], dtype=bool)]))
    out.append((e, [np.array([1, 0, 1, 0, 0, 1], dtype=bool), slice(None, None, -1)]))
    out.append((e, [slice(None), np.array([3, 3, 0])]))
    return out


def main():
    rng = random.Random(SEED)
    cases = []
    for desc, comps in hand_cases():
        shape = desc["shape"]
        fn = lambda d=desc: make_base(d["shape"], d["dtype"], d["layout"])  # noqa: E731
        cases.append(record(fn, desc, comps, "full"))
    for i in range(N_RANDOM):
        desc, comps = random_case(rng)
        fn = lambda d=desc: make_base(d["shape"], d["dtype"], d["layout"])  # noqa: E731
        cases.append(record(fn, desc, comps, ["scalar", "full", "last"][i % 3]))
    with open(OUT, "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
    errs = sum(1 for c in cases if "error" in c)
    print(f"wrote {len(cases)} cases ({errs} errors) to {OUT}")


if __name__ == "__main__":
    main()
