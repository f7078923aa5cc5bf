# The NumPy side of `npm run bench` (bench/run.ts starts it once): builds
# the same data sets, and times each workload it is sent with the same
# warm-up, repetitions and batching as the stridewise side.
import gc
import json
import statistics
import sys
import time

import numpy as np


def make_data(quick):
    rng = np.random.default_rng(0)
    rows = 2048 if quick else 50257
    d = {"np": np}
    lazy = {
        "E": lambda: rng.standard_normal((rows, 768), dtype=np.float32),
        "X": lambda: rng.standard_normal((1000 if quick else 10000, 768)),
        "D": lambda: rng.standard_normal((rows, 768)),
        "ids4096": lambda: rng.integers(0, rows, 512 if quick else 4096, dtype=np.int64),
        "ids32": lambda: rng.integers(0, rows, 32, dtype=np.int64),
        "ids32d": lambda: rng.integers(0, rows, 32, dtype=np.int64),
        "row_mask": lambda: rng.random(rows) < 0.5,
        "A": lambda: rng.standard_normal((1024 if quick else 25000, 768), dtype=np.float32),
        "B": lambda: rng.standard_normal((1024 if quick else 25000, 768), dtype=np.float32),
    }
    return d, lazy


def time_one(ns, lazy, w):
    for name in w["needs"]:
        if name not in ns:
            ns[name] = lazy[name]()
    local = dict(ns)
    if w.get("setup"):
        exec(w["setup"], local)
    code = compile(w["stmt"], w["id"], "eval")
    batch = w["batch"]
    loop = compile(f"for _ in range({batch}):\n    {w['stmt']}\n", w["id"], "exec")
    gc.collect()
    t0 = time.perf_counter()
    i = 0
    while i < w["warmup"] or time.perf_counter() - t0 < 0.05:
        eval(code, local)
        i += 1
    samples = []
    for _ in range(w["reps"]):
        t0 = time.perf_counter()
        exec(loop, local)
        samples.append((time.perf_counter() - t0) * 1000 / batch)
    return {"ms": statistics.median(samples), "samples": samples}


def main():
    # One JSON object per line on stdin: first {"quick": bool}, then one
    # workload per line; one JSON line answers each. bench/run.ts sends a
    # workload, reads NumPy's time, then times stridewise on the same
    # workload, so drift on a shared machine hits both sides alike.
    first = json.loads(sys.stdin.readline())
    ns, lazy = make_data(first["quick"])
    print(json.dumps({"numpy": np.__version__}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        print(json.dumps(time_one(ns, lazy, json.loads(line))), flush=True)


main()
