# The NumPy side of `npm run bench` (bench/run.ts starts it once): builds
# the same data sets, and times each workload it is sent with the same
# warm-up and batching as the stridewise side, in turns of samples.
import gc
import json
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


def prepare(ns, lazy, w):
    """Builds the workload's namespace and loop, and warms it up."""
    for name in w["needs"]:
        if name not in ns:
            ns[name] = lazy[name]()
    local = dict(ns)
    if w.get("setup"):
        exec(w["setup"], local)
    code = compile(w["stmt"], w["id"], "exec")  # exec: a statement may assign (Y[m] = 0)
    batch = w["batch"]
    loop = compile(f"for _ in range({batch}):\n    {w['stmt']}\n", w["id"], "exec")
    gc.collect()
    t0 = time.perf_counter()
    i = 0
    while i < w["warmup"] or time.perf_counter() - t0 < 0.05:
        exec(code, local)
        i += 1
    return local, loop, batch


def sample(current):
    """One timed sample of the prepared workload, in ms per call."""
    local, loop, batch = current
    t0 = time.perf_counter()
    exec(loop, local)
    return (time.perf_counter() - t0) * 1000 / batch


def main():
    # One JSON object per line on stdin, one JSON line answers each:
    # {"quick": bool} first, then per workload {"prepare": {...}}, turns of
    # {"samples": k, "budget": ms} (samples back to back until k are taken
    # or the budget is spent, at least one) and {"done": true}. bench/run.ts
    # alternates such turns with stridewise's, so drift on a shared machine
    # hits both sides alike.
    first = json.loads(sys.stdin.readline())
    ns, lazy = make_data(first["quick"])
    print(json.dumps({"numpy": np.__version__}), flush=True)
    current = None
    for line in sys.stdin:
        if not line.strip():
            continue
        msg = json.loads(line)
        if "prepare" in msg:
            current = prepare(ns, lazy, msg["prepare"])
            answer = {"ok": True}
        elif "samples" in msg:
            taken = []
            t0 = time.perf_counter()
            while len(taken) < msg["samples"] and (not taken or (time.perf_counter() - t0) * 1000 < msg["budget"]):
                taken.append(sample(current))
            answer = {"ms": taken}
        else:
            current = None
            gc.collect()
            answer = {"ok": True}
        print(json.dumps(answer), flush=True)

main()
