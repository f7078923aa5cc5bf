# Records test/fixtures/limits.json: the limits NumPy enforces and its
# words when they are hit (at most 64 dimensions for shapes and indexing
# results, at most 63 index arrays without a subspace, shapes whose size
# does not fit an intp even when an axis is 0, lengths beyond an intp,
# max_work beyond a C ssize_t, float slice bounds), plus the results just
# inside each limit; replayed by test/limits.test.ts.
#
# Each case: {"op", ...its arguments, then "result" {"shape"} or "error"
# {"type", "message"}}.
#   zeros     {"shape"}                      np.zeros(shape)
#   reshape   {"from", "shape"}              np.zeros(from).reshape(shape)
#   get       {"from", "index"}              np.zeros(from)[index]; index
#             items: int, null (newaxis), "..." , {"arr": shape} (an int64
#             array of zeros of that shape), {"mask": shape} (all true),
#             {"slice": [start, stop, step]}, a string (an index string)
#   shares    {"maxWork", "may"}             np.(may_)shares_memory(a, a[1:], max_work)
# A JS number that is an integer is a Python int (NEP 50's reading of JS
# numbers), so 1e100 is recorded as NumPy's answer for 10**100.
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "limits.json"


def pyint(v):
    return int(v) if isinstance(v, float) and v.is_integer() else v


def item(x):
    if x is None:
        return None
    if x == "...":
        return Ellipsis
    if isinstance(x, dict) and "arr" in x:
        return np.zeros(x["arr"], dtype=np.int64)
    if isinstance(x, dict) and "mask" in x:
        return np.ones(x["mask"], dtype=bool)
    if isinstance(x, dict) and "slice" in x:
        return slice(*x["slice"])
    return x


def run(c):
    op = c["op"]
    if op == "zeros":
        return np.zeros([pyint(d) for d in c["shape"]])
    if op == "reshape":
        return np.zeros(c["from"]).reshape([pyint(d) for d in c["shape"]])
    if op == "get":
        a = np.zeros(c["from"])
        idx = c["index"]
        if len(idx) == 1 and isinstance(idx[0], str) and idx[0] != "...":
            return eval(f"a[{idx[0]}]", {"a": a})
        return a[tuple(item(x) for x in idx)]
    if op == "shares":
        a = np.zeros(4)
        f = np.may_share_memory if c.get("may") else np.shares_memory
        return np.asarray(f(a, a[1:], max_work=pyint(c["maxWork"])))
    raise ValueError(op)


cases = []


def case(op, **kw):
    c = {"op": op, **kw}
    try:
        r = run(c)
        c["result"] = {"shape": list(r.shape)} if op != "shares" else {"value": bool(r)}
    except Exception as e:  # noqa: BLE001
        c["error"] = {"type": type(e).__name__, "message": str(e)}
    cases.append(c)


ONE64 = [1] * 64
case("zeros", shape=ONE64)
case("zeros", shape=[1] * 65)
case("zeros", shape=[0, 2**60, 2**60])
case("zeros", shape=[2**60, 2**60, 0])
case("zeros", shape=[2**62])
case("zeros", shape=[0, 2**61])
case("zeros", shape=[0, 2**60])
case("zeros", shape=[2**63])
case("zeros", shape=[0, 2**63])
case("zeros", shape=[2**64])
case("reshape", **{"from": ONE64, "shape": [1] * 65})
case("reshape", **{"from": [0, 3], "shape": [0, 2**62, 2**62]})
case("reshape", **{"from": [0, 3], "shape": [0, 2**30, 2**30]})
case("get", **{"from": ONE64, "index": [None]})
case("get", **{"from": ONE64, "index": ["...", None]})
case("get", **{"from": ONE64, "index": ["None, ..."]})
case("get", **{"from": [1] * 63, "index": [None, None]})
case("get", **{"from": [1] * 63, "index": [None]})
case("get", **{"from": ONE64, "index": [{"slice": [None, None, None]}] * 64 + [None]})
case("get", **{"from": [2, 2], "index": [{"arr": [1] * 64}]})
case("get", **{"from": [2, 2], "index": [{"arr": [1] * 63}]})
case("get", **{"from": [2, 2], "index": [{"arr": [1] * 63}, None]})
case("get", **{"from": [2, 2], "index": [{"arr": [1] * 62}, None, None]})
case("get", **{"from": ONE64, "index": [{"arr": [1]}] * 64})
case("get", **{"from": ONE64, "index": [{"arr": [1]}] * 63})
case("get", **{"from": ONE64, "index": [{"mask": [1]}] * 64})
case("get", **{"from": ONE64, "index": [{"arr": [1]}] * 63 + [0]})
case("get", **{"from": ONE64, "index": [{"arr": [1]}] * 63 + [{"slice": [None, None, None]}]})
case("get", **{"from": ONE64, "index": [{"arr": [1]}] * 65})
case("get", **{"from": ONE64, "index": [{"mask": ONE64}]})
for s in ["1.5:", ":1.5", "::1.5", "0.0:", "1e3:", "1.5", ":, 0.5:"]:
    case("get", **{"from": [3, 3], "index": [s]})
for sl in [[1.5, None, None], [None, 1.5, None], [None, None, 1.5]]:
    case("get", **{"from": [3], "index": [{"slice": sl}]})
for w in [1e100, 2**63, -(2**63) - 2048, 2**63 - 1024, -2, -1, 0, 1.5, -3]:
    case("shares", maxWork=w)
    case("shares", maxWork=w, may=True)

OUT.write_text(json.dumps({"numpy": np.__version__, "cases": cases}, separators=(",", ":")) + "\n")
print(f"wrote {OUT} ({len(cases)} cases)")
