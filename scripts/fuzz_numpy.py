# The differential fuzzer's generator (issue 18): random straight-line
# programs over random dtypes and layouts, run in NumPy, every step's answer
# recorded so that test/fuzz/replay.ts can replay the program through
# stridewise and compare step by step.
#
#   python3 scripts/fuzz_numpy.py --seed S --count N > file.json
#
# bfloat16 is left out: its reference (ml_dtypes) is not installed here.
#
# A program is a list of steps; step k's result is variable k. Arguments
# name earlier variables as {"v": k}. Recorded per step ("out"):
#   array  {"shape", "strides" (bytes), "dtype", "c", "f", "w", "own",
#           "vals" (C-order flat, encoded), "sh" (np.shares_memory with the
#           first array argument), "same" (the result is that argument)}
#   scalar {"scalar": true, "dtype", "vals"}: NumPy gave a scalar (never
#           used by later steps: stridewise gives a 0-d view instead)
#   bool   {"bool": b}; list {"list": [array, ...]}
#   set    {"vals": target after, "root": its root array after}
#   error  {"err": NumPy's class name, "msg": str(exception)}
# Values: bool as JSON booleans, 64-bit integers as strings, other
# integers as numbers, floats as numbers except "nan", "inf", "-inf", "-0".
import argparse
import json
import math
import random
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")
np.seterr(all="ignore")

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64"]
ORDERS = ["C", "F", "A", "K"]
# Reductions and binary ufuncs, for their result layouts (NumPy allocates in
# its iterator's order), dtypes (promotion, sum's widening) and errors.
REDUCTIONS = ["sum", "prod", "max", "min", "mean", "any", "all", "argmax", "argmin", "cumsum"]
UFUNCS = ["add", "subtract", "multiply", "maximum", "minimum", "less", "equal", "logical_and"]
UNARY = ["negative", "absolute", "sqrt", "square", "sign", "floor", "isnan", "logical_not"]


def enc_scalar(x, dt):
    if dt.kind == "b":
        return bool(x)
    if dt.kind in "iu":
        return str(int(x)) if dt.itemsize == 8 else int(x)
    f = float(x)
    if math.isnan(f):
        return "nan"
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    if f == 0 and math.copysign(1, f) < 0:
        return "-0"
    return f


def enc_vals(a):
    a = np.asarray(a)
    return [enc_scalar(x, a.dtype) for x in a.reshape(-1, order="C")]


def describe(r, first):
    if isinstance(r, np.generic):
        return {"scalar": True, "dtype": str(r.dtype), "vals": enc_vals(r)}
    if isinstance(r, (bool, np.bool_)):
        return {"bool": bool(r)}
    d = {
        "shape": list(r.shape),
        "strides": list(r.strides),
        "dtype": str(r.dtype),
        "c": bool(r.flags.c_contiguous),
        "f": bool(r.flags.f_contiguous),
        "w": bool(r.flags.writeable),
        "own": bool(r.flags.owndata),
        "vals": enc_vals(r),
    }
    if first is not None:
        d["sh"] = bool(np.shares_memory(r, first))
        d["same"] = r is first
    return d


def dec(x, dt):
    if isinstance(x, str):
        return int(x) if np.dtype(dt).kind in "iu" else {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "-0": -0.0}[x]
    return x


def dec_array(ia):
    arr = np.array([dec(x, ia["dt"]) for x in ia["flat"]], dtype=ia["dt"]).reshape(ia["shape"])
    return np.asfortranarray(arr) if ia["F"] else arr


def dec_index(items):
    out = []
    for it in items:
        if "i" in it:
            out.append(it["i"])
        elif "s" in it:
            out.append(slice(*it["s"]))
        elif "n" in it:
            out.append(None)
        elif "e" in it:
            out.append(Ellipsis)
        elif "il" in it:
            out.append(list(it["il"]))
        elif "bs" in it:
            out.append(it["bs"])
        else:
            out.append(dec_array(it.get("ia") or it.get("ba")))
    return tuple(out)


def record(res, first):
    if isinstance(res, BaseException):
        # NumPy's TypeError subclasses (UFuncTypeError, DTypePromotionError)
        # are stridewise's TypeError, as the README's Errors table says.
        name = "TypeError" if isinstance(res, TypeError) else type(res).__name__
        return {"err": name, "msg": str(res)}
    if isinstance(res, list):
        # each result against its own input
        firsts = first if isinstance(first, list) else [first] * len(res)
        return {"list": [describe(x, f) for x, f in zip(res, firsts)]}
    if isinstance(res, dict):
        return res
    return describe(res, first)


def apply(step, arrays, pool):
    """Runs one encoded step in NumPy: (result, the array(s) it is compared with)."""
    op = step["op"]
    if op == "create":
        a = np.array([dec(x, step["dtype"]) for x in step["vals"]], dtype=step["dtype"]).reshape(step["shape"])
        return (np.asfortranarray(a) if step["order"] == "F" else a), None
    a_id = step["a"]["v"]
    a = arrays[a_id]
    if op == "get":
        return a[dec_index(step["idx"])], a
    if op == "set":
        py = dec_index(step["idx"])
        v = step["val"]
        if "v" in v:
            val = arrays[v["v"]]
        elif "vget" in v:
            val = arrays[v["vget"]["v"]][dec_index(v["vget"]["idx"])]
        elif "b" in v:
            val = v["b"]
        elif "n" in v:
            val = dec(v["n"], "float64")
        else:
            val = v["list"]

        def state():
            # the target and every earlier array the write may have reached
            return {"vals": enc_vals(a), "others": {str(i): enc_vals(arrays[i]) for i in pool if i != a_id and np.shares_memory(arrays[i], a)}}

        ref = None
        if isinstance(val, np.ndarray) and np.shares_memory(val, a):
            # the as-if-copied answer, for NumPy's unbuffered overlapping writes
            root = a
            while isinstance(root.base, np.ndarray):
                root = root.base
            saved = root.copy()
            try:
                a[py] = np.array(val, copy=True)
                ref = state()
            except Exception:  # noqa: BLE001 - NumPy's real write below raises it
                pass
            root[...] = saved
        a[py] = val
        res = state()
        if ref is not None and ref != res:
            res["copy_first"] = ref
        return res, None
    if op == "reshape":
        return np.reshape(a, step["shape"], order=step["order"], copy=step["copy"]), a
    if op == "T":
        return a.T, a
    if op == "transpose":
        return np.transpose(a, step["axes"]), a
    if op == "moveaxis":
        return np.moveaxis(a, step["src"], step["dst"]), a
    if op == "swapaxes":
        return np.swapaxes(a, step["ax1"], step["ax2"]), a
    if op == "squeeze":
        return np.squeeze(a, step["axis"] if not isinstance(step["axis"], list) else tuple(step["axis"])), a
    if op == "expand_dims":
        return np.expand_dims(a, step["axis"] if not isinstance(step["axis"], list) else tuple(step["axis"])), a
    if op == "ravel":
        return np.ravel(a, step["order"]), a
    if op == "flatten":
        return a.flatten(step["order"]), a
    if op == "copy":
        return a.copy(step["order"]), a
    if op == "view":
        return a.view(step["dtype"]), a
    if op == "astype":
        return a.astype(step["dtype"], order=step["order"], copy=step["copy"]), a
    if op == "take":
        ind = step["ind"]
        pyind = ind["i"] if "i" in ind else list(ind["il"]) if "il" in ind else dec_array(ind["ia"])
        return np.take(a, pyind, axis=step["axis"], mode=step["mode"]), a
    if op in ("concatenate", "stack"):
        return getattr(np, op)([arrays[x["v"]] for x in step["arrays"]], axis=step["axis"]), a
    if op == "ascontiguousarray":
        return np.ascontiguousarray(a), a
    if op == "asfortranarray":
        return np.asfortranarray(a), a
    if op == "broadcast_to":
        return np.broadcast_to(a, step["shape"]), a
    if op == "broadcast_arrays":
        b = arrays[step["b"]["v"]]
        return list(np.broadcast_arrays(a, b)), [a, b]
    if op == "shares_memory":
        return {"bool": bool(np.shares_memory(a, arrays[step["b"]["v"]]))}, None
    if op == "reduce":
        axis = tuple(step["axis"]) if isinstance(step["axis"], list) else step["axis"]
        kw = {} if step["fn"] in ("argmax", "argmin", "cumsum") else {"keepdims": step["keepdims"]}
        return getattr(np, step["fn"])(a, axis=axis, **kw), a
    if op == "ufunc":
        return getattr(np, step["fn"])(a, arrays[step["b"]["v"]]), a
    if op == "unary":
        return getattr(np, step["fn"])(a), a
    if op == "where":
        return np.where(a, arrays[step["b"]["v"]], arrays[step["c"]["v"]]), a
    raise AssertionError(op)


def execute(step, k, arrays, pool):
    """Runs step k, records NumPy's answer in step["out"], adds its result to the pool."""
    try:
        res, first = apply(step, arrays, pool)
    except Exception as e:  # noqa: BLE001 - NumPy's answer, whatever its class
        res, first = e, None
    step["out"] = record(res, first)
    if isinstance(res, np.ndarray):
        arrays[k] = res
        pool.append(k)
    elif isinstance(res, list):
        arrays[k] = res


def run_program(steps):
    """NumPy's answers for a hand-written program (regression fixtures)."""
    arrays, pool = {}, []
    for k, step in enumerate(steps):
        execute(step, k, arrays, pool)
    return {"steps": steps}


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    # ---- values ----
    def values(self, dt, n):
        r = self.rng
        dt = np.dtype(dt)
        if dt.kind == "b":
            return [r.random() < 0.5 for _ in range(n)]
        if dt.kind in "iu":
            info = np.iinfo(dt)
            out = []
            for _ in range(n):
                p = r.random()
                if p < 0.1:
                    out.append(int(r.choice([info.min, info.max])))
                else:
                    out.append(r.randint(max(info.min, -50), min(info.max, 100)))
            return out
        specials = [math.nan, math.inf, -math.inf, -0.0, 0.5, -2.5, 65504.0, 1e-3]
        return [r.choice(specials) if r.random() < 0.15 else float(r.randint(-20, 40)) for _ in range(n)]

    def shape(self):
        r = self.rng
        nd = r.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])
        return [r.choice([0, 1, 1, 2, 2, 3, 3, 4, 5]) if r.random() < 0.95 else 0 for _ in range(nd)]

    def index_array(self, n, shape, dt="int64"):
        r = self.rng
        size = int(np.prod(shape)) if shape else 1
        vals = []
        for _ in range(size):
            p = r.random()
            if p < 0.03:
                vals.append(r.choice([2**62, -(2**63), 2**53 + 1, n, -n - 1]))
            elif n == 0:
                vals.append(r.choice([0, -1]))
            else:
                vals.append(r.randint(-n, n - 1))
        if dt != "int64":
            info = np.iinfo(dt)
            vals = [min(max(v, int(info.min)), int(info.max)) for v in vals]
        return np.array(vals, dtype=dt).reshape(shape)

    def enc_index_array(self, arr, is_f):
        flat = [str(int(x)) if arr.dtype.itemsize == 8 else (bool(x) if arr.dtype.kind == "b" else int(x)) for x in arr.reshape(-1)]
        return {"shape": list(arr.shape), "dt": str(arr.dtype), "flat": flat, "F": is_f}

    def index(self, shape):
        """A random index for an array of `shape`: (encoded items, python tuple)."""
        r = self.rng
        enc, py = [], []
        kind = r.random()
        nd = len(shape)
        if kind < 0.12 and nd > 0:
            # a boolean mask over a prefix of the axes (sometimes the wrong shape)
            k = r.randint(1, nd)
            mshape = list(shape[:k])
            if r.random() < 0.08:
                mshape[0] += 1
            m = np.array([r.random() < 0.5 for _ in range(int(np.prod(mshape)))], dtype=bool).reshape(mshape)
            isf = len(mshape) > 1 and r.random() < 0.3
            enc.append({"ba": self.enc_index_array(m, isf)})
            py.append(np.asfortranarray(m) if isf else m)
            rest = nd - k
            if rest and r.random() < 0.5:
                enc.append({"s": [None, None, r.choice([None, -1, 2])]})
                py.append(slice(None, None, enc[-1]["s"][2]))
            return enc, tuple(py)
        fancy_budget = 2 if kind < 0.45 else 0
        ax = 0
        used_ellipsis = False
        while ax < nd or (r.random() < 0.1 and len(enc) < 6):
            p = r.random()
            if p < 0.08:
                enc.append({"n": 0})
                py.append(None)
                continue
            if ax >= nd:
                break
            n = shape[ax]
            if p < 0.14 and not used_ellipsis:
                used_ellipsis = True
                enc.append({"e": 0})
                py.append(Ellipsis)
                skip = r.randint(0, nd - ax)
                ax += skip
                continue
            if p < 0.3:
                i = r.randint(-n - 1, n) if r.random() < 0.1 else (r.randint(-n, n - 1) if n else 0)
                enc.append({"i": i})
                py.append(i)
            elif p < 0.34 and fancy_budget:
                # a list of booleans: a mask over this axis (sometimes of the wrong length)
                fancy_budget -= 1
                m = [r.random() < 0.5 for _ in range(n + (1 if r.random() < 0.1 else 0))]
                enc.append({"il": m})
                py.append(list(m))
            elif p < 0.5 and fancy_budget:
                fancy_budget -= 1
                ishape = r.choice([[0], [1], [2], [3], [4], [2, 2], [2, 3], [1, 3]])
                dt = r.choice(["int64", "int64", "int32", "uint8", "int16"])
                arr = self.index_array(n, ishape, dt)
                isf = len(ishape) > 1 and r.random() < 0.5
                # a JS number holds integers exactly only up to 2**53
                if r.random() < 0.5 and len(ishape) == 1 and dt == "int64" and all(abs(int(x)) <= 2**53 for x in arr):
                    enc.append({"il": [int(x) for x in arr]})
                    py.append([int(x) for x in arr])
                else:
                    enc.append({"ia": self.enc_index_array(arr, isf)})
                    py.append(np.asfortranarray(arr) if isf else arr)
            elif p < 0.8:
                def bound():
                    return None if r.random() < 0.4 else r.randint(-n - 2, n + 2)
                st = r.choice([None, 1, 2, 3, -1, -1, -2, -3])
                s = [bound(), bound(), st]
                enc.append({"s": s})
                py.append(slice(*s))
            else:
                # leave the rest to the implicit trailing slices
                break
            ax += 1
        if r.random() < 0.03:
            enc.append({"i": 0})
            py.append(0)
        if r.random() < 0.04:
            # a boolean scalar: a new axis of length 1 (True) or 0 (False)
            b = r.random() < 0.5
            enc.insert(r.randint(0, len(enc)), {"bs": b})
            py = [dec_index([x])[0] for x in enc]
        return enc, tuple(py)

    # ---- programs ----
    def program(self):
        r = self.rng
        steps, pool, roots = [], [], {}
        nsteps = r.randint(3, 10)
        arrays = {}
        for k in range(nsteps):
            avail = [i for i in pool]
            if not avail or r.random() < 0.12:
                step = self.create()
            else:
                a_id = r.choice(avail[-4:] if r.random() < 0.6 else avail)
                step = self.op(a_id, arrays, pool)
            steps.append(step)
            execute(step, k, arrays, pool)
        return {"steps": steps}

    def create(self):
        r = self.rng
        dt = r.choice(DTYPES)
        shape = self.shape()
        n = int(np.prod(shape)) if shape else 1
        vals = self.values(dt, n)
        a = np.array(vals, dtype=dt).reshape(shape)
        order = "C"
        if r.random() < 0.25 and len(shape) > 1:
            order = "F"
            a = np.asfortranarray(a)
        return {"op": "create", "dtype": dt, "shape": shape, "vals": enc_vals(np.array(vals, dtype=dt)), "order": order}

    def op(self, a_id, arrays, pool):
        r = self.rng
        a = arrays[a_id]
        nd = a.ndim
        V = {"v": a_id}
        ops = ["get"] * 8 + ["set"] * 6 + ["reshape"] * 3 + ["T", "transpose", "moveaxis", "swapaxes", "squeeze", "expand_dims"] + \
              ["ravel", "flatten", "copy", "view", "astype", "astype", "take", "take", "concatenate", "stack",
               "ascontiguousarray", "asfortranarray", "broadcast_to", "broadcast_to", "broadcast_arrays", "shares_memory",
               "reduce", "reduce", "ufunc", "ufunc", "unary", "where"]
        op = r.choice(ops)
        step = {"op": op, "a": V}

        def rand_axis():
            return r.randint(-nd - 1, nd) if r.random() < 0.08 else (r.randint(-nd, nd - 1) if nd else 0)

        if op == "get":
            enc, py = self.index(list(a.shape))
            step["idx"] = enc
            return step
        if op == "set":
            enc, py = self.index(list(a.shape))
            step["idx"] = enc
            p = r.random()
            try:
                tshape = a[py].shape
            except Exception:
                tshape = None
            fits = [i for i in pool if tshape is not None and self.broadcasts(arrays[i].shape, tshape)]
            if p < 0.12 and a.ndim > 0 and a.shape[0] > 1:
                # a shifted view of the target itself: a[1:] = a[:-1] and friends
                k = r.randint(1, a.shape[0] - 1)
                src, dst = [None, -k, None], [k, None, None]
                if r.random() < 0.5:
                    src, dst = dst, src
                if r.random() < 0.3:
                    src, dst = [None, None, -1], [None, None, None]
                enc, py = [{"s": dst}], (slice(*dst),)
                step["idx"] = enc
                step["val"] = {"vget": {"v": a_id, "idx": [{"s": src}]}}
                val = a[slice(*src)]
            elif p < 0.45 and len(pool) > 0:
                b_id = r.choice(fits if fits and r.random() < 0.8 else pool[-4:])
                step["val"] = {"v": b_id}
                val = arrays[b_id]
            elif p < 0.75:
                choice = r.random()
                if a.dtype.kind == "b" or choice < 0.2:
                    x = r.random() < 0.5
                    step["val"] = {"b": x}
                elif a.dtype.kind in "iu" and choice < 0.85:
                    x = r.choice([r.randint(-5, 60), 300, -1, 70000, 2**40])
                    step["val"] = {"n": x}
                else:
                    x = r.choice([1.5, -0.0, math.nan, math.inf, 2.0, -7.25])
                    step["val"] = {"n": enc_scalar(x, np.dtype("float64"))}
                val = x
            else:
                ln = r.choice([0, 1, 2, 3])
                x = [r.randint(0, 9) for _ in range(ln)]
                if r.random() < 0.2:
                    x = [x, x]
                step["val"] = {"list": x}
                val = x
            return step
        if op == "reshape":
            n = a.size
            shape = self.factor(n)
            if r.random() < 0.3 and shape:
                shape[r.randrange(len(shape))] = -1
            if r.random() < 0.05:
                shape = shape + [2]
            order = r.choice(["C", "C", "F", "A"])
            copy = r.choice([None, None, True, False])
            step.update(shape=shape, order=order, copy=copy)
            return step
        if op == "T":
            return step
        if op == "transpose":
            axes = None
            if r.random() < 0.7:
                axes = list(range(nd))
                r.shuffle(axes)
                axes = [x - nd if r.random() < 0.2 else x for x in axes]
                if r.random() < 0.05:
                    axes = axes[:-1] if axes else [0]
            step["axes"] = axes
            return step
        if op == "moveaxis":
            s, d = rand_axis(), rand_axis()
            step.update(src=s, dst=d)
            return step
        if op == "swapaxes":
            s, d = rand_axis(), rand_axis()
            step.update(ax1=s, ax2=d)
            return step
        if op == "squeeze":
            axis = None
            if r.random() < 0.5 and nd:
                axis = rand_axis()
            step["axis"] = axis
            return step
        if op == "expand_dims":
            axis = r.randint(-nd - 2, nd + 1)
            if r.random() < 0.3:
                axis = [axis, r.randint(-nd - 2, nd + 1)]
            step["axis"] = axis
            return step
        if op in ("ravel", "flatten", "copy"):
            order = r.choice(ORDERS)
            step["order"] = order
            fn = {"ravel": lambda: np.ravel(a, order), "flatten": lambda: a.flatten(order), "copy": lambda: a.copy(order)}[op]
            return step
        if op == "view":
            dt = r.choice(DTYPES)
            step["dtype"] = dt
            return step
        if op == "astype":
            dt = r.choice(DTYPES)
            copy = r.choice([True, False])
            order = r.choice(ORDERS)
            step.update(dtype=dt, copy=copy, order=order)
            return step
        if op == "take":
            axis = None if r.random() < 0.3 else rand_axis()
            mode = r.choice(["raise", "raise", "wrap", "clip"])
            n = a.size if axis is None else (a.shape[axis] if -nd <= axis < nd else 1)
            if n == 0 and mode == "wrap":
                mode = "raise"  # NumPy hangs on wrap over an empty axis
            p = r.random()
            if p < 0.15:
                ind = r.randint(-n, n - 1) if n else 0
                step["ind"] = {"i": ind}
                pyind = ind
            elif p < 0.25:
                step["ind"] = {"il": []}
                pyind = []
            elif p < 0.3:
                # booleans are the integers 0 and 1 to take
                step["ind"] = {"il": [r.random() < 0.5 for _ in range(r.randint(1, 4))]}
                pyind = list(step["ind"]["il"])
            else:
                ishape = r.choice([[0], [1], [3], [2, 2], [2, 3]])
                arr = self.index_array(max(n, 1) if mode != "raise" else n, ishape)
                if mode == "wrap":
                    # NumPy's wrap loop subtracts the length once per lap: huge indices hang it
                    arr = np.clip(arr, -1000, 1000)
                if mode != "raise" and r.random() < 0.5:
                    arr = arr * 3 - 2
                isf = len(ishape) > 1 and r.random() < 0.4
                step["ind"] = {"ia": self.enc_index_array(arr, isf)}
                pyind = np.asfortranarray(arr) if isf else arr
            step.update(axis=axis, mode=mode)
            return step
        if op in ("concatenate", "stack"):
            others = [i for i in pool if i != a_id]
            ids = [a_id] + [r.choice(others) if others and r.random() < 0.5 else a_id for _ in range(r.randint(0, 2))]
            axis = rand_axis() if op == "concatenate" else r.randint(-nd - 1, nd)
            if op == "concatenate" and r.random() < 0.15:
                axis = None
            step.update(arrays=[{"v": i} for i in ids], axis=axis)
            fn = np.concatenate if op == "concatenate" else np.stack
            return step
        if op == "ascontiguousarray":
            return step
        if op == "asfortranarray":
            return step
        if op == "broadcast_to":
            shape = [r.randint(0, 3) if (x == 1 and r.random() < 0.6) else x for x in a.shape]
            shape = [r.randint(1, 3) for _ in range(r.choice([0, 0, 1, 2]))] + shape
            if r.random() < 0.1:
                shape = shape[1:] if shape else [2]
            if r.random() < 0.05 and shape:
                shape[-1] += 1
            step["shape"] = shape
            return step
        if op == "broadcast_arrays":
            b_id = r.choice(pool)
            step["b"] = {"v": b_id}
            return step
        if op == "shares_memory":
            b_id = r.choice(pool)
            step["b"] = {"v": b_id}
            return step
        if op == "reduce":
            fn = r.choice(REDUCTIONS)
            p = r.random()
            if p < 0.25 and fn not in ("argmax", "argmin", "cumsum"):
                axis = None
            elif p < 0.4 and nd >= 2 and fn not in ("argmax", "argmin", "cumsum"):
                axis = [rand_axis(), rand_axis()]
            else:
                axis = rand_axis() if nd else (None if r.random() < 0.5 else 0)
            step.update(fn=fn, axis=axis, keepdims=r.random() < 0.3)
            return step
        if op == "ufunc":
            b_id = r.choice(pool)
            step.update(fn=r.choice(UFUNCS), b={"v": b_id})
            return step
        if op == "unary":
            step["fn"] = r.choice(UNARY)
            return step
        if op == "where":
            step.update(b={"v": r.choice(pool)}, c={"v": r.choice(pool)})
            return step
        raise AssertionError(op)

    @staticmethod
    def broadcasts(src, dst):
        try:
            return tuple(np.broadcast_shapes(tuple(src), tuple(dst))) == tuple(dst)
        except ValueError:
            return False

    def factor(self, n):
        r = self.rng
        if n == 0:
            shape = [0] + [r.randint(0, 3) for _ in range(r.randint(0, 2))]
            r.shuffle(shape)
            return shape
        shape = []
        m = n
        for p in (2, 3, 5, 7):
            while m % p == 0:
                shape.append(p)
                m //= p
        if m > 1:
            shape.append(m)
        # merge random neighbours, sprinkle length-1 axes
        while len(shape) > 1 and r.random() < 0.5:
            i = r.randrange(len(shape) - 1)
            shape[i:i + 2] = [shape[i] * shape[i + 1]]
        for _ in range(r.choice([0, 0, 1, 2])):
            shape.insert(r.randint(0, len(shape)), 1)
        r.shuffle(shape)
        return shape


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    args = ap.parse_args()
    g = Gen(args.seed)
    programs = [g.program() for _ in range(args.count)]
    json.dump({"seed": args.seed, "numpy": np.__version__, "programs": programs}, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main()
