#!/usr/bin/env python3
"""Records NumPy's random streams for test/random.test.ts and bench/random.bench.ts.

For seeds 0, 1, 42 and 2**32-1, every case below is run on a fresh
np.random.seed(seed) (legacy) or np.random.default_rng(seed) (Generator).
Each case holds the TypeScript call that must reproduce it (`ts`: method and
arguments, as test/random.test.ts spells them), the result's dtype and shape,
the SHA-256 of the result's little-endian bytes (which checks all of them),
and the first values' bytes in base64 (1024 for seed 0, 16 for the others)
so that a failure shows where it starts. Writes test/fixtures/random.json.
"""
import base64
import hashlib
import json
import os

import numpy as np

N = 10_000
SEEDS = [0, 1, 42, 2**32 - 1]
INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool"]


def big(v):
    """Integers beyond 2**53 travel as {"bigint": "..."} (test/fixtures.ts decodes them)."""
    return {"bigint": str(v)} if abs(v) > 2**53 else v


def probs(n, seed=7):
    w = np.random.RandomState(seed).random_sample(n) ** 3
    return (w / w.sum()).tolist()


P100 = probs(100)


def legacy_cases():
    c = []
    c.append(("randn", lambda r: r.randn(N), ["randn", [N]]))
    c.append(("rand", lambda r: r.rand(N), ["rand", [N]]))
    c.append(("random_sample", lambda r: r.random_sample((100, 100)), ["randomSample", [[100, 100]]]))
    c.append(("standard_normal", lambda r: r.standard_normal(N), ["standardNormal", [N]]))
    c.append(("normal", lambda r: r.normal(3.0, 2.5, N), ["normal", [3.0, 2.5, N]]))
    c.append(("uniform", lambda r: r.uniform(-2.0, 5.0, N), ["uniform", [-2.0, 5.0, N]]))
    c.append(("randint(0,100)", lambda r: r.randint(0, 100, N), ["randint", [0, 100, N]]))
    c.append(("randint(10) 2-d", lambda r: r.randint(10, size=(100, 100)), ["randint", [10, None, [100, 100]]]))
    c.append(("randint 2**32 range", lambda r: r.randint(-5, 2**32 - 5, N), ["randint", [-5, 2**32 - 5, N]]))
    c.append(("randint 64-bit range", lambda r: r.randint(-(10**12), 10**15, N), ["randint", [-(10**12), 10**15, N]]))
    for dt in INT_DTYPES:
        info = np.iinfo(dt) if dt != "bool" else None
        lo, hi = (0, 2) if dt == "bool" else (int(info.min), int(info.max) + 1)
        c.append((f"randint full {dt}", lambda r, lo=lo, hi=hi, dt=dt: r.randint(lo, hi, N, dtype=dt), ["randint", [big(lo), big(hi), N, dt]]))
        slo, shi = (0, 2) if dt == "bool" else (max(lo, -3), 97 if dt != "bool" else 2)
        c.append((f"randint small {dt}", lambda r, slo=slo, shi=shi, dt=dt: r.randint(slo, shi, N, dtype=dt), ["randint", [slo, shi, N, dt]]))
    c.append(("randint bool constant", lambda r: r.randint(0, 1, N, dtype="bool"), ["randint", [0, 1, N, "bool"]]))
    c.append(("permutation", lambda r: r.permutation(N), ["permutation", [N]]))
    c.append(("permutation of a list", lambda r: r.permutation(np.arange(5, dtype=np.int32)), ["permutation", [{"int32": [0, 1, 2, 3, 4]}]]))
    c.append(("shuffle 1-d float32", shuffled(lambda n: np.arange(n, dtype=np.float32), "shuffle"), ["shuffle", [{"arange_f32": N}]]))
    c.append(("shuffle rows", shuffled(lambda n: np.arange(2 * n).reshape(n, 2), "shuffle"), ["shuffle", [{"arange_rows": N}]]))
    c.append(("choice(1000)", lambda r: r.choice(1000, N), ["choice", [1000, N]]))
    c.append(("choice no replace", lambda r: r.choice(20000, N, replace=False), ["choice", [20000, N, False]]))
    c.append(("choice p", lambda r: r.choice(100, N, p=P100), ["choice", [100, N, True, P100]]))
    c.append(("choice p no replace", lambda r: r.choice(100, 50, replace=False, p=P100), ["choice", [100, 50, False, P100]]))
    c.append(("choice array", lambda r: r.choice(np.arange(50) * 0.5, N), ["choice", [{"half_range": 50}, N]]))
    c.append(("sequence randn/rand/randn", lambda r: np.concatenate([r.randn(3), r.rand(2), r.randn(3), r.normal(0, 1, 1)]),
              ["seq", [["randn", [3]], ["rand", [2]], ["randn", [3]], ["normal", [0, 1, 1]]]]))
    # randn works in batches of 512 pairs; odd lengths cache a value between calls.
    edges = [1, 1025, 2, 1024, 1023, 3]
    c.append(("sequence randn batch edges", lambda r: np.concatenate([r.randn(k) for k in edges]),
              ["seq", [["randn", [k]] for k in edges]]))
    return c


def shuffled(make, method):
    def run(r):
        x = make(N)
        getattr(r, method)(x)
        return x
    return run


def generator_cases():
    c = []
    c.append(("standard_normal", lambda g: g.standard_normal(N), ["standardNormal", [N]]))
    c.append(("standard_normal float32", lambda g: g.standard_normal(N, dtype=np.float32), ["standardNormal", [N, {"dtype": "float32"}]]))
    c.append(("standard_normal 2-d", lambda g: g.standard_normal((100, 100)), ["standardNormal", [[100, 100]]]))
    c.append(("random", lambda g: g.random(N), ["random", [N]]))
    c.append(("random float32", lambda g: g.random(N, dtype=np.float32), ["random", [N, {"dtype": "float32"}]]))
    c.append(("normal", lambda g: g.normal(3.0, 2.5, N), ["normal", [3.0, 2.5, N]]))
    c.append(("uniform", lambda g: g.uniform(-2.0, 5.0, N), ["uniform", [-2.0, 5.0, N]]))
    c.append(("integers(0,100)", lambda g: g.integers(0, 100, N), ["integers", [0, 100, N]]))
    c.append(("integers(10) endpoint", lambda g: g.integers(10, size=N, endpoint=True), ["integers", [10, None, N, {"endpoint": True}]]))
    c.append(("integers 2**32 range", lambda g: g.integers(-5, 2**32 - 5, N), ["integers", [-5, 2**32 - 5, N]]))
    c.append(("integers 64-bit range", lambda g: g.integers(-(10**12), 10**15, N), ["integers", [-(10**12), 10**15, N]]))
    for dt in INT_DTYPES:
        info = np.iinfo(dt) if dt != "bool" else None
        lo, hi = (0, 2) if dt == "bool" else (int(info.min), int(info.max) + 1)
        c.append((f"integers full {dt}", lambda g, lo=lo, hi=hi, dt=dt: g.integers(lo, hi, N, dtype=dt), ["integers", [big(lo), big(hi), N, {"dtype": dt}]]))
        elo, ehi = (0, 1) if dt == "bool" else (lo, hi - 1)
        c.append((f"integers full endpoint {dt}", lambda g, elo=elo, ehi=ehi, dt=dt: g.integers(elo, ehi, N, dtype=dt, endpoint=True),
                  ["integers", [big(elo), big(ehi), N, {"dtype": dt, "endpoint": True}]]))
        slo, shi = (0, 2) if dt == "bool" else (max(lo, -3), 97)
        c.append((f"integers small {dt}", lambda g, slo=slo, shi=shi, dt=dt: g.integers(slo, shi, N, dtype=dt), ["integers", [slo, shi, N, {"dtype": dt}]]))
        if dt != "bool":
            c.append((f"integers odd range {dt}", lambda g, dt=dt: g.integers(0, 85 if dt in ("int8", "uint8") else 40000 if dt in ("uint16",) else 30000, N, dtype=dt),
                      ["integers", [0, 85 if dt in ("int8", "uint8") else 40000 if dt == "uint16" else 30000, N, {"dtype": dt}]]))
    c.append(("permutation", lambda g: g.permutation(N), ["permutation", [N]]))
    c.append(("shuffle 1-d float32", shuffled(lambda n: np.arange(n, dtype=np.float32), "shuffle"), ["shuffle", [{"arange_f32": N}]]))
    c.append(("shuffle rows", shuffled(lambda n: np.arange(2 * n).reshape(n, 2), "shuffle"), ["shuffle", [{"arange_rows": N}]]))
    c.append(("permutation rows", lambda g: g.permutation(np.arange(2 * N).reshape(N, 2)), ["permutation", [{"arange_rows": N}]]))
    c.append(("choice(1000)", lambda g: g.choice(1000, N), ["choice", [1000, N]]))
    c.append(("choice tail shuffle", lambda g: g.choice(100000, N, replace=False), ["choice", [100000, N, {"replace": False}]]))
    c.append(("choice floyd", lambda g: g.choice(10**9, N, replace=False), ["choice", [10**9, N, {"replace": False}]]))
    c.append(("choice floyd no shuffle", lambda g: g.choice(10**6, 1000, replace=False, shuffle=False),
              ["choice", [10**6, 1000, {"replace": False, "shuffle": False}]]))
    c.append(("choice small no replace", lambda g: g.choice(30, 20, replace=False), ["choice", [30, 20, {"replace": False}]]))
    c.append(("choice p", lambda g: g.choice(100, N, p=P100), ["choice", [100, N, {"p": P100}]]))
    c.append(("choice p no replace", lambda g: g.choice(100, 50, replace=False, p=P100), ["choice", [100, 50, {"replace": False, "p": P100}]]))
    c.append(("choice array rows", lambda g: g.choice(np.arange(2 * 50).reshape(50, 2), N), ["choice", [{"arange_rows": 50}, N]]))
    c.append(("sequence shares the 32-bit buffer",
              lambda g: np.concatenate([g.random(3, dtype=np.float32), g.standard_normal(5, dtype=np.float32),
                                        g.integers(0, 7, 5, dtype=np.uint8).astype(np.float32), g.random(2).astype(np.float32)]),
              ["seq", [["random", [3, {"dtype": "float32"}]], ["standardNormal", [5, {"dtype": "float32"}]],
                       ["integers", [0, 7, 5, {"dtype": "uint8"}]], ["random", [2]]]]))
    return c


def b64(a: np.ndarray) -> str:
    return base64.b64encode(a.tobytes()).decode()


def record(api, make_state, cases):
    out = []
    for name, run, ts in cases:
        entry = {"name": name, "ts": ts, "results": {}}
        for seed in SEEDS:
            a = np.ascontiguousarray(np.asarray(run(make_state(seed))))
            if a.dtype.byteorder == ">":
                a = a.astype(a.dtype.newbyteorder("<"))
            r = {"sha256": hashlib.sha256(a.tobytes()).hexdigest(), "head": b64(a.reshape(-1)[:16])}
            if seed == 0:
                r["head"] = b64(a.reshape(-1)[:1024])
            entry["results"][str(seed)] = r
            entry["dtype"] = a.dtype.name
            entry["shape"] = list(a.shape)
        out.append(entry)
    return out


def legacy_state(seed):
    return np.random.RandomState(seed)


def main():
    # np.random.seed(n) seeds the global RandomState exactly like RandomState(n).
    np.random.seed(42)
    assert np.array_equal(np.random.randn(4), np.random.RandomState(42).randn(4))
    data = {
        "numpy": np.__version__,
        "n": N,
        "seeds": [str(s) for s in SEEDS],
        "legacy": record("legacy", legacy_state, legacy_cases()),
        "generator": record("generator", np.random.default_rng, generator_cases()),
        # Seeds beyond one word, and lists, through SeedSequence.
        "extra": {
            "big": np.random.default_rng(2**100).integers(0, 1000, 3).tolist(),
            "list": np.random.default_rng([1, 2, 3]).integers(0, 1000, 3).tolist(),
        },
        # The bench checks its first values against these (seed 0).
        "bench": {
            "randn": np.random.RandomState(0).randn(8).tolist(),
            "standard_normal_float32": np.random.default_rng(0).standard_normal(8, dtype=np.float32).astype(float).tolist(),
        },
    }
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "random.json")
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
    print(f"wrote {os.path.normpath(path)} ({os.path.getsize(path) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
