# Records NumPy's np.shares_memory / np.may_share_memory answers for pairs of
# strided views of one byte buffer, into test/fixtures/overlap.json
# (read by test/overlap.test.ts). Run: python3 scripts/fixtures_overlap.py
#
# A view is a descriptor {shape, strides, offset, itemsize} over a uint8 base
# of `base` bytes; the test rebuilds it with makeView. For each pair we
# record the exact answer, the bounds answer, and the answer (or
# "TooHardError") under the budgets in BUDGETS, including max_work=0.
import json
import os
import random

import numpy as np

BUDGETS = [0, 1, 2, 3, 5, 8, 20]
DTYPE_OF = {1: np.uint8, 2: np.uint16, 4: np.float32, 8: np.float64}


def view(buf, d):
    return np.ndarray(
        tuple(d["shape"]), dtype=DTYPE_OF[d["itemsize"]], buffer=buf, offset=d["offset"], strides=tuple(d["strides"])
    )


def answer(f, a, b, **kw):
    try:
        return bool(f(a, b, **kw))
    except np.exceptions.TooHardError as e:
        assert str(e) == "Exceeded max_work", str(e)
        return "TooHardError"


def record(name, base, da, db):
    buf = np.zeros(base, np.uint8)
    a = view(buf, da)
    b = view(buf, db)
    return {
        "name": name,
        "base": base,
        "a": da,
        "b": db,
        "shares": answer(np.shares_memory, a, b),
        "may": answer(np.may_share_memory, a, b),
        "mayExact": answer(np.may_share_memory, a, b, max_work=-1),
        "budgets": {str(w): answer(np.shares_memory, a, b, max_work=w) for w in BUDGETS},
    }


def desc(arr, base_arr):
    """Descriptor of a NumPy view of base_arr (a uint8 buffer)."""
    return {
        "shape": list(arr.shape),
        "strides": list(arr.strides),
        "offset": int(arr.__array_interface__["data"][0] - base_arr.__array_interface__["data"][0]),
        "itemsize": arr.itemsize,
    }


def named_cases():
    out = []
    raw = np.zeros(4096, np.uint8)

    def add(name, a, b):
        out.append(record(name, raw.nbytes, desc(a, raw), desc(b, raw)))

    E = raw[: 8 * 12 * 4].view(np.float32).reshape(8, 12)
    add("E[:, ::2] vs E[:, 1::2]", E[:, ::2], E[:, 1::2])
    add("E[:, ::2] vs E[:, 2::2]", E[:, ::2], E[:, 2::2])
    add("E[:4] vs E[4:]", E[:4], E[4:])
    add("E vs E.T", E, E.T)
    add("E vs E", E, E)
    add("E[::-1] vs E[:, ::-1]", E[::-1], E[:, ::-1])
    add("E[1:, :-1] vs E[:-1, 1:]", E[1:, :-1], E[:-1, 1:])
    add("E[:, 0] vs E[:, 1]", E[:, 0], E[:, 1])
    add("E[0] vs E[:, 0]", E[0], E[:, 0])
    add("E[:0] vs E[:0]", E[:0], E[:0])
    add("E[:0] vs E", E[:0], E)
    flat = raw[:960].view(np.float64)
    add("flat[::6] vs flat[1::4]", flat[::6], flat[1::4])
    add("flat[::6] vs flat[2::4]", flat[::6], flat[2::4])
    add("flat[::3] vs flat[1::3]", flat[::3], flat[1::3])
    add("flat[1:] vs flat[:-1]", flat[1:], flat[:-1])
    add("flat[::-1] vs flat", flat[::-1], flat)
    add("flat as uint8[1::8] vs flat", raw[:960][1::8], flat)
    add("flat as uint8[1::8] vs flat as uint16[1::4]", raw[:960][1::8], raw[:960].view(np.uint16)[1::4])
    # The example of mem_overlap.c's essay: hard for the elimination order.
    x = raw[:80].reshape(4, 20)
    add("x[:, ::7] vs x[:, 3::3] (int8)", x[:, ::7], x[:, 3::3])
    x2 = raw[:160].view(np.int16).reshape(4, 20)
    add("x[:, ::7] vs x[:, 3::3] (int16)", x2[:, ::7], x2[:, 3::3])
    x3 = raw[:600].reshape(20, 30)
    add("x[:, ::7] vs x[:, 3::3] (20x30 int8)", x3[:, ::7], x3[:, 3::3])
    add("x[::3, ::7] vs x[1::2, 3::11] (20x30 int8)", x3[::3, ::7], x3[1::2, 3::11])
    # Broadcast (zero strides) and a 0-d view.
    b0 = np.lib.stride_tricks.as_strided(flat[3:], shape=(5, 4), strides=(0, 8))
    add("broadcast row vs flat[::7]", b0, flat[::7])
    add("0-d flat[5] vs flat[5::9]", flat[5:6].reshape(()), flat[5::9])
    add("0-d flat[5] vs flat[6:]", flat[5:6].reshape(()), flat[6:])
    return out


def random_desc(rng, base):
    for _ in range(1000):
        itemsize = rng.choice([1, 2, 4, 8])
        nd = rng.randint(0, 4)
        shape = [rng.choice([0, 1, 2, 3, 4, 5, 7]) if rng.random() < 0.05 else rng.randint(1, 7) for _ in range(nd)]
        strides = []
        for _ in range(nd):
            r = rng.random()
            if r < 0.1:
                s = 0
            elif r < 0.55:
                s = itemsize * rng.randint(1, 12)
            else:
                s = rng.randint(1, 40)
            strides.append(s if rng.random() < 0.7 else -s)
        lo = sum(s * (n - 1) for s, n in zip(strides, shape) if s * (n - 1) < 0 and n > 0)
        hi = sum(s * (n - 1) for s, n in zip(strides, shape) if s * (n - 1) > 0 and n > 0) + itemsize
        if hi - lo > base:
            continue
        offset = rng.randint(-lo, base - hi)
        return {"shape": shape, "strides": strides, "offset": offset, "itemsize": itemsize}
    raise RuntimeError("no descriptor fits")


def random_cases(n, seed):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        base = rng.choice([64, 128, 256])
        da = random_desc(rng, base)
        db = random_desc(rng, base)
        out.append(record(f"random {i}", base, da, db))
    return out


def main():
    cases = named_cases() + random_cases(600, 20240607)
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "overlap.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    doc = {
        "generator": "scripts/fixtures_overlap.py",
        "numpy": np.__version__,
        "budgets": BUDGETS,
        "cases": cases,
    }
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    hard = sum(1 for c in cases if "TooHardError" in [c["budgets"][str(w)] for w in BUDGETS[1:]])
    print(f"wrote {len(cases)} cases ({hard} run out of a positive budget) to test/fixtures/overlap.json")


main()
