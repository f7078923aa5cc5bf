"""Records NumPy's (and ml_dtypes') dtype conversions and casting rules
for test/astype.test.ts and test/casting.test.ts.

Writes test/fixtures/astype.json and test/fixtures/casting.json:
- exhaustive: every float16 and bfloat16 bit pattern cast to every dtype,
  stored as sha256 prefixes of the result bytes per 4096-pattern chunk (so
  a mismatch is located without storing 6 MB of results);
- sweeps: for every other source dtype, edge values (ties at each rounding
  boundary, subnormals, signed zeros, infinities, NaN payloads, integer
  extremes, values around 2^24, 2^53, 2^63) plus seeded random bit
  patterns, with every destination's result bytes (base64);
- layouts: result strides of astype(order=...) and whether copy=False
  returns the array itself;
- casting: can_cast for every mode, promote_types, result_type with weak
  Python scalars, and NumPy's error texts.

Float -> uint32 for NaN and out-of-range values is layout-dependent in
NumPy on x86-64 (its AVX loop over long contiguous runs differs from its
scalar loop); the scalar answer (low 32 bits of the int64 conversion) is
recorded, taken from a negative-stride cast and checked against it.
"""

import base64
import hashlib
import json
import os
import struct
import warnings

import ml_dtypes
import numpy as np

warnings.simplefilter("ignore")

NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
         "float16", "bfloat16", "float32", "float64"]
BF16 = np.dtype(ml_dtypes.bfloat16)


def dt(name):
    return BF16 if name == "bfloat16" else np.dtype(name)


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode()


def cast(a, dst):
    """NumPy's cast through its scalar loop (negative stride), checked."""
    r = a[::-1].astype(dt(dst))[::-1]
    if dst == "uint32" and a.dtype.kind == "f" or (dst == "uint32" and a.dtype == BF16):
        via64 = a[::-1].astype(np.int64)[::-1].astype(np.uint32)
        assert (r.view(np.uint32) == via64).all(), "float -> uint32 is not int64's low bits"
    return np.ascontiguousarray(r)


def layout_dependent(a, dst):
    r1 = np.ascontiguousarray(a.astype(dt(dst)))
    r2 = cast(a, dst)
    return r1.tobytes() != r2.tobytes()


def ints_sweep(name):
    info = np.iinfo(name)
    lo, hi = int(info.min), int(info.max)
    vals = {0, 1, 2, 3, lo, lo + 1, lo + 2, hi, hi - 1, hi - 2, hi // 2, hi // 2 + 1, -1, -2, -127, -128, -129}
    for k in range(1, info.bits + 1):
        for d in (-3, -2, -1, 0, 1, 2, 3):
            vals.add(2 ** k + d)
            vals.add(-(2 ** k) + d)
    # Rounding ties for float16 (11 bits), bfloat16 (8), float32 (24), float64 (53).
    for bits in (8, 11, 24, 53):
        for e in range(bits, info.bits + 1):
            ulp = 2 ** (e - bits)
            for m in (2 ** (bits - 1), 2 ** (bits - 1) + 1, 2 ** bits - 1):
                base = m * ulp * 2 if e > bits else m
                for off in (ulp // 2, ulp // 2 + 1, ulp // 2 - 1, ulp + ulp // 2, ulp):
                    vals.add(base + off)
                    vals.add(-(base + off))
    for v in (2049, 2051, 4097, 4099, 65504, 65505, 65519, 65520, 65521, 65535, 65536, 257, 259, 383, 385):
        vals.update((v, -v))
    vals = sorted(v for v in vals if lo <= v <= hi)
    rng = np.random.default_rng(NAMES.index(name))
    rand = rng.integers(lo, hi, size=400, dtype=name, endpoint=True)
    return np.concatenate([np.array(vals, dtype=name), rand])


def f32_bits(*xs):
    return np.array(xs, dtype=np.uint32).view(np.float32)


def f64_bits(*xs):
    return np.array(xs, dtype=np.uint64).view(np.float64)


def float_specials():
    v = [0.0, -0.0, np.inf, -np.inf, np.nan, -np.nan, 1.0, -1.0, 0.5, -0.5, 0.9, -0.9, 1.5, -1.5, 2.5, -2.5,
         127.5, 127.9, 128.0, -128.9, -129.0, 255.9, 256.0, -255.9, 32767.9, 32768.0, -32768.9, -32769.0,
         65535.9, 65536.0, 2 ** 31 - 1, 2 ** 31, -2 ** 31, -2 ** 31 - 1, 2 ** 31 + 1, 2 ** 32, 2 ** 32 - 1,
         -2 ** 32, 2 ** 63, -2 ** 63, 2 ** 64, -2 ** 64, 1e20, -1e20, 3e9, -3e9, 1e10, -1e10,
         65504.0, 65519.0, 65519.99, 65520.0, 65536.0, 2 ** -24, 2 ** -25, 2 ** -25 * 1.0000001, 3 * 2 ** -25,
         2 ** -14, 2 ** -14 - 2 ** -25, 2 ** -15, 6.1e-5, 1e-8, 1e-30, 1e-40, 1e-45, 1e-300, 5e-324,
         1 + 2 ** -11, 1 + 3 * 2 ** -11, 1 + 2 ** -10, 1 + 2 ** -8, 1 + 3 * 2 ** -8, 1 + 2 ** -24, 1 + 3 * 2 ** -24,
         2 ** 24, 2 ** 24 + 1, 2 ** 24 + 2, 2 ** 24 + 3, 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 53 + 3,
         3.4028234663852886e38, 3.4028235677973366e38, 3.4028236e38, 1.7976931348623157e308,
         1.1754943508222875e-38, 1.401298464324817e-45, 0.1, -0.1, 1 / 3, 2 / 3, 100.25, -100.75]
    return v


def f32_sweep():
    base = np.array(float_specials(), dtype=np.float64).astype(np.float32)
    nans = f32_bits(0x7f800001, 0x7fa00000, 0x7fc00000, 0xffc00001, 0x7f802000, 0x7fbfffff, 0xff800001,
                    0x7fffffff, 0xffffffff, 0x7f801fff, 0x7fc01000)
    # float16 ties and neighbours (bit 12 is the half ulp) in every exponent, both signs.
    ties = []
    for e in range(100, 145):
        for m in (0x000000, 0x001000, 0x003000, 0x002000, 0x001001, 0x000fff, 0x7ff000, 0x7fe000, 0x7fefff):
            ties.append((e << 23) | m)
            ties.append(0x80000000 | (e << 23) | m)
        for m in (0x008000, 0x018000, 0x010000, 0x008001, 0x007fff):  # bfloat16 ties
            ties.append((e << 23) | m)
    ties = np.array(ties, dtype=np.uint32).view(np.float32)
    rng = np.random.default_rng(32)
    rand_bits = rng.integers(0, 2 ** 32, size=3000, dtype=np.uint64).astype(np.uint32).view(np.float32)
    rand_vals = (rng.standard_normal(1500) * 10.0 ** rng.integers(-8, 12, size=1500)).astype(np.float32)
    return np.concatenate([base, nans, ties, rand_bits, rand_vals])


def f64_sweep():
    base = np.array(float_specials(), dtype=np.float64)
    nans = f64_bits(0x7ff0000000000001, 0x7ff4000000000000, 0x7ff8000000000000, 0xfff0000020000000,
                    0x7ff0040000000000, 0x7fffffffffffffff, 0xfff8000000000001, 0x7ff003ffffffffff)
    more = []
    # float16 double-rounding traps: just above/below a float16 tie by less than float32 can see.
    for e in range(-26, 17):
        for m in (1, 3, 1023, 2047):
            tie = (1024 + m / 2) * 2.0 ** (e - 10) if m < 1024 else (m / 2) * 2.0 ** (e - 10)
            for d in (0, 2.0 ** (e - 40), -(2.0 ** (e - 40)), 2.0 ** (e - 30), 2.0 ** (e - 11)):
                more.extend((tie + d, -(tie + d)))
    # float32 ties, int boundaries near 2^31, 2^32, 2^53, 2^63, 2^64.
    for p in (31, 32, 53, 63, 64):
        for d in (-2048, -1024, -1, 0, 1, 1024, 2048):
            more.extend((2.0 ** p + d * 2.0 ** (p - 53), -(2.0 ** p + d * 2.0 ** (p - 53))))
    for e in (-30, 0, 20, 60, 127):
        for d in (2.0 ** -24, 3 * 2.0 ** -24, 2.0 ** -24 + 2.0 ** -50, 2.0 ** -8 + 2.0 ** -40, 2.0 ** -8):
            more.extend(((1 + d) * 2.0 ** e, -(1 + d) * 2.0 ** e))
    more = np.array(more, dtype=np.float64)
    rng = np.random.default_rng(64)
    rand_bits = rng.integers(0, 2 ** 64 - 1, size=3000, dtype=np.uint64, endpoint=True).view(np.float64)
    rand_vals = rng.standard_normal(1500) * 10.0 ** rng.integers(-8, 20, size=1500)
    return np.concatenate([base, nans, more, rand_bits, rand_vals])


def sweep_input(name):
    if name == "bool":
        return np.array([False, True, True, False], dtype=bool)
    if name == "float32":
        return f32_sweep()
    if name == "float64":
        return f64_sweep()
    return ints_sweep(name)


def chunk_hashes(r, chunks=16):
    raw = np.ascontiguousarray(r).tobytes()
    step = len(raw) // chunks
    return [hashlib.sha256(raw[i * step:(i + 1) * step]).hexdigest()[:16] for i in range(chunks)]


def record_astype():
    out = {"numpy": np.__version__, "ml_dtypes": ml_dtypes.__version__, "exhaustive": {}, "sweeps": {},
           "layoutDependent": []}
    patterns = np.arange(65536, dtype=np.uint32).astype(np.uint16)
    for src in ("float16", "bfloat16"):
        a = patterns.view(dt(src))
        out["exhaustive"][src] = {dst: chunk_hashes(cast(a, dst)) for dst in NAMES if dst != src}
        out["layoutDependent"] += [f"{src}->{d}" for d in NAMES if d != src and layout_dependent(a, d)]
    for src in NAMES:
        if src in ("float16", "bfloat16"):
            continue
        a = sweep_input(src)
        out["sweeps"][src] = {"input": b64(a), "out": {dst: b64(cast(a, dst)) for dst in NAMES if dst != src}}
        out["layoutDependent"] += [f"{src}->{d}" for d in NAMES if d != src and layout_dependent(a, d)]

    # Layouts: result strides for each order, and whether copy=False gives the array back.
    base = np.arange(2 * 3 * 4 * 5, dtype=np.float64)
    cases = [
        ("C", (3, 4), (32, 8), 0),
        ("F", (3, 4), (8, 24), 0),
        ("strided", (3, 2), (32, 16), 0),
        ("negative", (3, 4), (-32, 8), 64),
        ("negative-both", (3, 4), (-32, -8), 88),
        ("permuted", (4, 3, 5), (40, 160, 8), 0),
        ("broadcast", (4, 3), (0, 8), 0),
        ("broadcast-inner", (3, 4), (8, 0), 0),
        ("size-1 axes", (1, 3, 1, 4), (8, 32, 8, 8), 0),
        ("0-d", (), (), 16),
        ("empty", (0, 3), (24, 8), 0),
        ("transposed 3-d", (5, 4, 3), (8, 40, 160), 0),
        ("column", (4, 1), (40, 8), 0),
        ("row slice F", (2, 3), (8, 16), 0),
    ]
    layouts = []
    for name, shape, strides, offset in cases:
        v = np.lib.stride_tricks.as_strided(base[offset // 8:], shape=shape, strides=strides)
        entry = {"name": name, "shape": list(shape), "strides": list(strides), "offset": offset, "orders": {}}
        for order in "KACF":
            r = v.astype(np.float32, order=order)
            same = v.astype(np.float64, order=order, copy=False) is v
            entry["orders"][order] = {"strides": list(r.strides), "same": same,
                                      "sameDtypeStrides": list(v.astype(np.float64, order=order).strides)}
        entry["values"] = v.astype(np.float64).ravel().tolist()
        layouts.append(entry)
    out["layouts"] = layouts
    return out


def dtype_repr(name):
    return repr(dt(name))


def record_casting():
    out = {"names": NAMES, "canCast": {}, "promoteTypes": {}, "resultType": [], "errors": {}}
    for mode in ("no", "equiv", "safe", "same_kind", "unsafe"):
        out["canCast"][mode] = ["".join("1" if np.can_cast(dt(a), dt(b), mode) else "0" for b in NAMES)
                                for a in NAMES]
    for a in NAMES:
        row = []
        for b in NAMES:
            try:
                row.append(str(np.promote_types(dt(a), dt(b))))
            except TypeError:
                row.append(None)
        out["promoteTypes"][a] = row
    # Weak Python scalars (NEP 50). JS booleans/numbers/bigints stand for Python bool/int/float.
    scalars = [("int", 1), ("int", -1), ("int", 300), ("float", 1.5), ("float", 1e300), ("bool", True)]
    cases = [[n] for n in NAMES]
    cases += [[n, s] for n in NAMES for s in scalars]
    cases += [[a, b, s] for a in ("int8", "uint8", "float16", "bfloat16", "int64") for b in ("uint16", "float32")
              for s in scalars[::2]]
    cases += [[s] for s in scalars] + [[("int", 1), ("float", 2.5)], [("bool", True), ("int", 3)],
                                       [("bool", True), ("bool", False)], [("int", 2), ("int", 3)]]
    for case in cases:
        args = [dt(c) if isinstance(c, str) else c[1] for c in case]
        try:
            r = str(np.result_type(*args))
        except Exception as e:  # noqa: BLE001
            r = "error: " + type(e).__name__
        out["resultType"].append({"args": [c if isinstance(c, str) else {"kind": c[0], "value": c[1]} for c in case],
                                  "result": r})
    errs = {}
    for a, b, mode in [("float64", "int8", "safe"), ("float64", "int8", "same_kind"), ("int8", "uint8", "no"),
                       ("bfloat16", "int8", "safe"), ("int8", "bfloat16", "equiv"), ("int64", "float32", "safe"),
                       ("bfloat16", "float16", "same_kind")]:
        try:
            np.zeros(1, dt(a)).astype(dt(b), casting=mode)
            errs[f"{a}->{b}:{mode}"] = None
        except TypeError as e:
            errs[f"{a}->{b}:{mode}"] = str(e)
    for a, b in [("int16", "bfloat16"), ("bfloat16", "float16")]:
        try:
            np.promote_types(dt(a), dt(b))
        except TypeError as e:
            errs[f"promote {a} {b}"] = str(e)
    try:
        np.result_type()
    except ValueError as e:
        errs["result_type()"] = str(e)
    out["errors"] = errs
    out["reprs"] = {n: dtype_repr(n) for n in NAMES}
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    fx = os.path.join(here, "..", "test", "fixtures")
    os.makedirs(fx, exist_ok=True)
    a = record_astype()
    with open(os.path.join(fx, "astype.json"), "w") as f:
        json.dump(a, f, separators=(",", ":"))
    c = record_casting()
    with open(os.path.join(fx, "casting.json"), "w") as f:
        json.dump(c, f, separators=(",", ":"))
    print("layout-dependent in NumPy (recorded the scalar-loop answer):", a["layoutDependent"])
    for n in ("astype.json", "casting.json"):
        print(n, os.path.getsize(os.path.join(fx, n)), "bytes")


if __name__ == "__main__":
    main()
