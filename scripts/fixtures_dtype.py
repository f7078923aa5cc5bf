# Records test/fixtures/dtype.json: for every dtype, the bytes NumPy (and
# ml_dtypes for bfloat16) stores for a list of Python values and what
# tolist() reads back; NumPy's errors for values a dtype cannot hold; and the
# float64 value of all 65,536 float16 and bfloat16 bit patterns.
#
# Values are written as JavaScript sees them: a Python int is a JS number
# (it must be a safe integer), BigInt(n) is a JS bigint, a float is a JS
# number. The test replays the same values through stridewise. NaN is
# recorded with its sign bit clear only: JavaScript has no reliable -NaN.
import base64
import json
import math
import pathlib
import warnings

import ml_dtypes
import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "dtype.json"
BF16 = ml_dtypes.bfloat16


class BigInt(int):
    """A Python int that the test passes to stridewise as a JS bigint."""


def enc(v):
    """A JS value in JSON: bigint and non-finite or negative-zero numbers are tagged."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, BigInt):
        return {"bigint": str(int(v))}
    if isinstance(v, (int, np.integer)):
        v = int(v)
        if abs(v) > 2**53:
            return {"bigint": str(v)}  # tolist() of 64-bit integers
        return v
    v = float(v)
    if math.isnan(v):
        return {"num": "nan"}
    if math.isinf(v):
        return {"num": "inf" if v > 0 else "-inf"}
    if v == 0 and math.copysign(1, v) < 0:
        return {"num": "-0"}
    return v


def enc_read(v, dtype):
    """tolist() values: 64-bit integers are always bigint in stridewise."""
    if dtype in ("int64", "uint64"):
        return {"bigint": str(int(v))}
    return enc(v)


def np_dtype(name):
    return BF16 if name == "bfloat16" else np.dtype(name)


def check_js(values):
    for v in values:
        if type(v) is int:
            assert abs(v) <= 2**53, f"{v} is not a safe JS integer; use BigInt"


INT_DTYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
FLOAT_DTYPES = ["float16", "bfloat16", "float32", "float64"]
NAN, INF = float("nan"), float("inf")


def int_values(name):
    info = np.iinfo(name)
    lo, hi = int(info.min), int(info.max)
    num = lambda x: x if abs(x) <= 2**53 else None
    vals = [0, 1, True, False, 3.7, 1.9, -0.0, -0.5, 0.99, BigInt(0), BigInt(lo), BigInt(hi), BigInt(hi - 1)]
    for x in (lo, hi, lo + 1, hi - 1, hi // 2, lo // 3):
        if num(x) is not None:
            vals.append(x)
    if lo < 0:
        vals += [-1, -3.7, -1.9, BigInt(-1)]
    if name in ("int64", "uint64"):
        vals += [2**53, 2**53 - 1, 1e18, 2.0**62]
    if name == "int64":
        vals += [-(2**53), -1e18, -(2.0**63)]  # -2**63 is an exact double
    if name == "uint64":
        vals += [2.0**63, 1.8446744073709550e19]  # the largest double below 2**64
    rng = np.random.default_rng(7)
    for x in rng.integers(lo, hi, size=20, dtype=np.int64 if lo < 0 else np.uint64, endpoint=True):
        vals.append(BigInt(int(x)))
        if abs(int(x)) <= 2**53:
            vals.append(int(x))
    return vals


def float_values(name):
    """Ties, their neighbours, subnormals, overflow, specials, random values."""
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 1 / 3, NAN, INF, -INF, 1e300, -1e300, 5e-324, -5e-324,
            2.5, 1e-8, 123456.789, 3, -7, True, False, BigInt(3), BigInt(-(2**60)), BigInt(2**60 + 2**36 + 1),
            BigInt(2**53 + 1), BigInt(2**70), 2**53, 65504, 65519, 65520, 70000]
    dt = np_dtype(name)
    if name != "float64":
        fi = ml_dtypes.finfo(dt) if name == "bfloat16" else np.finfo(dt)
        tiny, smallest, mx = float(fi.smallest_normal), float(fi.smallest_subnormal), float(fi.max)
        vals += [tiny, -tiny, smallest, smallest / 2, smallest * 1.5, smallest * 2.5, smallest / 2 * 1.0000001,
                 smallest / 2 * 0.9999999, tiny - smallest / 2, mx, -mx, float(np.nextafter(mx, INF))]
        # Halfway between max and the next power of two: rounds to infinity.
        half_ulp = (mx - float(np.nextafter(dt.type(mx), dt.type(0)))) / 2 if name != "bfloat16" else mx / 2**8 / 2
        vals += [mx + half_ulp, np.nextafter(mx + half_ulp, 0.0), -(mx + half_ulp)]
        # Every pattern's midpoint to its successor, and the doubles just either side.
        bits = np.arange(0, 0x7C00 if name == "float16" else 0x7F80, 37, dtype=np.uint16)
        bits = np.concatenate([bits, np.arange(0, 40, dtype=np.uint16), bits | 0x8000])
        lo = bits.view(dt).astype(np.float64)
        hi = (bits + 1).view(dt).astype(np.float64)
        mid = (lo + hi) / 2
        for m in mid:
            vals += [float(m), float(np.nextafter(m, INF)), float(np.nextafter(m, -INF))]
    else:
        vals += [2.0**-1074, 2.0**-1022, 1.7976931348623157e308, 2**53 - 1]
    rng = np.random.default_rng(11)
    exps = rng.uniform(-30 if name != "float64" else -300, 30 if name != "float64" else 300, size=300)
    signs = rng.choice([-1.0, 1.0], size=300)
    vals += [float(s * 10.0**e) for s, e in zip(signs, exps)]
    vals = [v for v in vals if not (type(v) is int and abs(v) > 2**53)]
    if name == "bfloat16":
        # ml_dtypes only takes Python ints that fit int64 ("expected number,
        # got int"); stridewise converts larger bigints like float32 does.
        vals = [v for v in vals if not (isinstance(v, BigInt) and abs(v) >= 2**63)]
    return vals


def record(name, values):
    check_js(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # overflow to inf warns in NumPy; the value is what matters
        a = np.array([int(v) if isinstance(v, BigInt) else v for v in values], dtype=np_dtype(name))
    return {
        "dtype": name,
        "values": [enc(v) for v in values],
        "bytes": a.tobytes().hex(),
        "tolist": [enc_read(v, name) for v in a.tolist()],
    }


def error(name, value):
    check_js([value])
    try:
        np.array([int(value) if isinstance(value, BigInt) else value], dtype=np_dtype(name))
    except Exception as e:  # noqa: BLE001 - we record whatever NumPy raises
        return {"dtype": name, "value": enc(value), "error": type(e).__name__, "message": str(e)}
    raise AssertionError(f"NumPy accepted {value!r} for {name}")


def all_patterns(dt):
    warnings.simplefilter("ignore")  # NaN patterns warn on the way to float32
    v = np.arange(65536, dtype=np.uint32).astype(np.uint16).view(dt).astype(np.float64)
    f32 = v.astype(np.float32)  # exact: every float16 and bfloat16 value is a float32
    assert np.array_equal(f32.astype(np.float64), v, equal_nan=True)
    return base64.b64encode(f32.astype("<f4").tobytes()).decode()


def main():
    roundtrip = [record("bool", [True, False, 0, 1, 2, -1, 0.5, -0.0, NAN, INF, 1e-300, BigInt(0), BigInt(5), BigInt(-(2**70))])]
    roundtrip += [record(d, int_values(d)) for d in INT_DTYPES]
    roundtrip += [record(d, float_values(d)) for d in FLOAT_DTYPES]
    errors = []
    for d in INT_DTYPES:
        info = np.iinfo(d)
        for v in (NAN, INF, -INF, BigInt(int(info.max) + 1), BigInt(int(info.min) - 1), BigInt(2**63),
                  BigInt(2**64 - 1), BigInt(2**64), BigInt(-(2**63) - 1), BigInt(-(2**63)), BigInt(2**100), -1e30, 1e19):
            try:
                np.array([int(v) if isinstance(v, BigInt) else v], dtype=d)
            except Exception:  # noqa: BLE001
                errors.append(error(d, v))
        if int(info.max) < 2**53:
            errors += [error(d, int(info.max) + 1), error(d, int(info.min) - 1), error(d, info.max + 1.5)]
    errors += [error("int64", 2.0**63), error("uint64", 2.0**64), error("uint64", -1)]
    for d in ("float16", "float32", "float64"):  # ml_dtypes raises TypeError instead
        errors.append(error(d, BigInt(2**1024)))
    doc = {
        "generated_by": "scripts/fixtures_dtype.py",
        "numpy": np.__version__,
        "ml_dtypes": ml_dtypes.__version__,
        "roundtrip": roundtrip,
        "errors": errors,
        "float16_all_float32_base64": all_patterns(np.float16),
        "bfloat16_all_float32_base64": all_patterns(BF16),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {sum(len(r['values']) for r in roundtrip)} values, {len(errors)} errors)")


if __name__ == "__main__":
    main()
