# Records the fuzzer's two fixtures (replayed by test/fuzz.test.ts):
#   test/fixtures/fuzz_cases.json        the programs of one fixed seed
#                                        (scripts/fuzz_numpy.py), NumPy's
#                                        answer at every step;
#   test/fixtures/fuzz_regressions.json  small hand-written programs in the
#                                        same encoding, one per class the
#                                        fuzzer found, run by the same
#                                        executor: each must replay with no
#                                        mismatch at all.
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from fuzz_numpy import run_program  # noqa: E402

SEED, COUNT = 18, 2500


def V(k):
    return {"v": k}


def create(dtype, shape, vals, order="C"):
    return {"op": "create", "dtype": dtype, "shape": shape, "vals": vals, "order": order}


def arange(dtype, shape, order="C"):
    n = 1
    for d in shape:
        n *= d
    return create(dtype, shape, [str(i) if dtype in ("int64", "uint64") else (i % 2 == 1 if dtype == "bool" else i) for i in range(n)], order)


def S(start=None, stop=None, step=None):
    return {"s": [start, stop, step]}


def IA(values, shape=None, dt="int64", F=False):
    shape = shape or [len(values)]
    return {"ia": {"shape": shape, "dt": dt, "flat": [str(v) if dt == "int64" else v for v in values], "F": F}}


def BA(values, shape, F=False):
    return {"ba": {"shape": shape, "dt": "bool", "flat": values, "F": F}}


def setv(a, idx, val):
    return {"op": "set", "a": V(a), "idx": idx, "val": val}


def get(a, idx):
    return {"op": "get", "a": V(a), "idx": idx}


def take(a, ind, axis=None, mode="raise"):
    return {"op": "take", "a": V(a), "ind": ind, "axis": axis, "mode": mode}


REGRESSIONS = {
    # a[ints] = sequence: NumPy's element assignment (PyArray_Pack), not an array broadcast
    "element assignment of a sequence": [
        arange("int64", [2, 3]),
        setv(0, [{"i": 0}, {"i": 1}], {"list": [5]}),
        arange("float64", [2, 3]),
        setv(2, [{"i": 0}, {"i": 1}], {"list": []}),
        arange("bool", [2, 3]),
        setv(4, [{"i": 0}, {"i": 1}], {"list": [0]}),
        setv(4, [{"i": 1}, {"i": 0}], {"list": []}),
        create("bool", [], [False]),
        setv(7, [], {"list": [[], []]}),
        create("int64", [1], ["1"]),
        setv(0, [{"i": 1}, {"i": 1}], V(9)),
        setv(4, [{"i": 1}, {"i": 2}], V(9)),
        setv(2, [{"i": 1}], V(9)),
        create("uint8", [2], [42, 0]),
        {"op": "view", "a": V(13), "dtype": "bool"},
        setv(14, [{"i": 1}], V(14)),
        get(14, [S(0, 1)]),
        setv(14, [{"i": 1}], V(16)),
        create("float64", [], ["nan"]),
        setv(14, [{"i": 0}], V(18)),
        # a 0-d value is cast, not taken by its truth value: a bool view of byte 12 copies 12
        create("uint8", [], [12]),
        {"op": "view", "a": V(20), "dtype": "bool"},
        setv(21, [], V(21)),
        create("uint8", [2], [12, 12]),
        {"op": "view", "a": V(23), "dtype": "bool"},
        setv(24, [{"i": 0}], V(21)),
        get(24, [S(1, 2)]),
        setv(21, [], V(26)),
    ],
    # a list deeper than the target is refused while NumPy converts it (ndmax)
    "nested list deeper than the target": [
        arange("int32", [3]),
        setv(0, [S(0, 2)], {"list": [[1, 2]]}),
        create("float32", [], [0.0]),
        setv(2, [{"e": 0}], {"list": [1]}),
        setv(0, [S(0, 2)], {"list": [1, 2]}),
    ],
    # a[mask] = v with a full-shape mask: NumPy's checks on v for every layout
    "boolean mask assignment values": [
        arange("int16", [2, 3]),
        setv(0, [BA([True, False, True, True, True, False], [2, 3])], {"list": [[1, 2]]}),
        arange("int16", [2, 3], "F"),
        setv(2, [BA([True, False, True, True, True, False], [2, 3])], {"list": [[1, 2, 3, 4]]}),
        setv(2, [BA([True, False, True, True, True, False], [2, 3])], {"list": [1, 2, 3]}),
        setv(2, [BA([True, False, True, True, True, False], [2, 3])], {"list": [1, 2, 3, 4]}),
        setv(2, [BA([False] * 6, [2, 3])], {"list": []}),
        get(2, [S(None, None, -1)]),
        setv(7, [BA([True, False, True, True, True, False], [2, 3])], {"list": [9, 8, 7, 6]}),
        arange("float64", [3]),
        setv(9, [{"il": [True, False, True]}], {"list": [1, 2, 3]}),
        setv(9, [{"il": [True, False, True]}], {"list": [[1, 2]]}),
        setv(9, [{"il": [True, False, True]}], {"list": [5, 6]}),
    ],
    # a boolean scalar on a 0-d array is NumPy's full-shape (0-d) mask
    "boolean scalar on a 0-d array": [
        create("uint64", [], ["19"]),
        setv(0, [{"bs": False}], {"list": [3, 0]}),
        setv(0, [{"bs": False}], {"list": [3]}),
        setv(0, [{"bs": True}], {"list": [[6, 8, 7], [6, 8, 7]]}),
        setv(0, [{"bs": True}], {"list": [7]}),
        setv(0, [{"bs": False}], {"n": 5}),
        create("uint8", [], [3]),
        setv(6, [{"bs": False}], {"n": 300}),
        setv(6, [{"bs": True}], {"n": 9}),
        arange("float32", [1, 1]),
        setv(6, [{"bs": False}], V(9)),
        setv(6, [{"bs": True}], {"list": []}),
        get(6, [{"bs": False}]),
        get(6, [{"bs": True}]),
    ],
    # value conversion, then index-array broadcasting, then value broadcasting, then bounds
    "advanced assignment check order": [
        arange("float64", [2, 3]),
        setv(0, [IA([5])], {"list": [1, 2, 3, 4, 5]}),
        arange("int16", [2, 3]),
        setv(2, [IA([0, 1]), IA([0, 1, 0])], {"n": 70000}),
        setv(2, [IA([0, 7])], {"n": 70000}),
        # prepare_index checks masks' shapes before integers, integers before index broadcasting
        create("uint8", [0, 1, 3], []),
        setv(5, [{"i": 0}, {"e": 0}, {"il": [False]}], {"n": 1}),
        get(5, [{"i": 0}, {"il": [True, False]}, {"i": -1}]),
        arange("int8", [2, 3, 4]),
        get(8, [IA([0, 0]), IA([0, 0, 0]), {"i": 5}]),
        get(8, [{"i": 5}, IA([7])]),
    ],
    # mapiter reshapes a value with extra axes to its trailing ones: an empty
    # value keeps any extra axes when its trailing ones hold no element either
    "empty values with extra axes": [
        create("float64", [0, 3], []),
        create("float64", [3, 0, 3], []),
        setv(0, [BA([], [0])], V(1)),
        create("float64", [0, 1, 1], []),
        setv(0, [BA([], [0])], V(3)),
        create("float64", [3, 0, 1], []),
        setv(0, [BA([], [0])], V(5)),
        create("int32", [1, 0, 0], []),
        {"op": "transpose", "a": V(7), "axes": [2, 1, 0]},
        setv(7, [BA([], [1, 0]), S(None, None, -1)], V(8)),
        create("int8", [0, 1, 0], []),
        create("int8", [1, 0, 0], []),
        {"op": "swapaxes", "a": V(11), "ax1": -3, "ax2": 1},
        setv(12, [IA([0, -1]), {"i": 0}], V(10)),
        arange("float64", [3, 2]),
        create("float64", [3, 1, 0], []),
        setv(14, [S(), IA([])], V(15)),
    ],
    "take": [
        arange("float64", [5, 2], "F"),
        take(0, {"il": []}),
        take(0, {"il": []}, axis=1),
        create("float16", [3], [1.0, 36.0, "nan"]),
        take(3, IA([1000, -2, 3, -1, -3, 1], [2, 3], F=True), mode="wrap"),
        take(3, IA([1000, -2, 3, -1, -3, 1], [2, 3], F=True), mode="clip"),
        create("float64", [0, 3], []),
        take(6, {"il": [5]}, axis=1),
        take(6, {"il": [5]}, axis=0),
        create("int32", [4, 0], []),
        take(9, IA([-(2**63)]), axis=0),
        create("float64", [0, 0], []),
        take(11, IA([-2, -5, -2, -2, -2, -5], [2, 3], F=True), axis=1, mode="clip"),
    ],
    # the rows of a[ids] keep the order of a's strides, length-1 axes included
    "row gather layout with length-1 axes": [
        arange("uint8", [4]),
        get(0, [{"e": 0}, {"n": 0}]),
        {"op": "reshape", "a": V(1), "shape": [1, 4, 1], "order": "F", "copy": None},
        get(2, [IA([-1, 0, 0])]),
        {"op": "reshape", "a": V(1), "shape": [4, 1, 1], "order": "F", "copy": None},
        get(4, [IA([1, 3])]),
        get(4, [IA([], [0])]),
        create("uint64", [1, 5, 1], [str(i) for i in range(5)]),
        {"op": "astype", "a": V(7), "dtype": "uint64", "copy": True, "order": "F"},
        get(8, [IA([0, 0, 0])]),
        take(8, IA([0, 0, 0]), axis=0),
        take(8, IA([4, 5]), axis=-3, mode="wrap"),
    ],
    # mapiter hands back a transposed view when the index axes are not first
    "fancy result owndata": [
        arange("float64", [2, 3, 4]),
        get(0, [S(), IA([0, 1])]),
        get(0, [IA([0, 1])]),
        get(0, [S(), IA([])]),
        get(0, [{"e": 0}, IA([])]),
        get(0, [S(), S(), IA([1, 2])]),
        get(0, [IA([1]), S(), IA([2])]),
        get(0, [S(), IA([1]), IA([2])]),
        get(0, [{"n": 0}, IA([1])]),
        get(0, [{"e": 0}, IA([-1], [])]),
        get(0, [S(), {"i": 0}, IA([1, 2])]),
    ],
    "broadcast errors": [
        arange("int8", [5, 3]),
        arange("int8", [3, 5]),
        {"op": "broadcast_arrays", "a": V(0), "b": V(1)},
        {"op": "broadcast_to", "a": V(0), "shape": []},
        arange("int8", [1, 2, 1, 5, 1]),
        {"op": "broadcast_arrays", "a": V(4), "b": V(1)},
    ],
    # PyArray_NewLikeArray: C or F when contiguous, else one stable sort by |stride|
    "astype order K with length-1 axes": [
        arange("int8", [4, 6]),
        get(0, [S(None, None, 2), S(None, None, 2)]),
        {"op": "T", "a": V(1)},
        get(2, [S(), S(0, 1)]),
        {"op": "astype", "a": V(3), "dtype": "int16", "copy": True, "order": "K"},
        {"op": "broadcast_to", "a": V(0), "shape": [1, 4, 6]},
        {"op": "astype", "a": V(5), "dtype": "bool", "copy": True, "order": "K"},
        get(0, [S(0, 3), {"n": 0}, S(None, None, 2)]),
        {"op": "astype", "a": V(7), "dtype": "int32", "copy": True, "order": "K"},
    ],
    # repeated indices: the last write in NumPy's iterator order (index arrays and value vote)
    "write order of repeated indices": [
        create("int64", [2], ["0", "0"]),
        setv(0, [IA([0, 0, 0, 1], [2, 2], F=True)], {"list": [[1, 2], [3, 4]]}),
        create("int64", [2, 2], ["1", "2", "3", "4"], "F"),
        setv(0, [IA([0, 0, 0, 1], [2, 2], F=True)], V(2)),
        setv(0, [IA([0, 0, 0, 1], [2, 2], F=True)], {"list": [1, 2]}),
        setv(0, [IA([0, 0, 0, 1], [2, 2], F=True)], {"list": [[1], [3]]}),
        setv(0, [IA([0, 0, 0, 1], [2, 2])], V(2)),
        create("int64", [2, 3], ["0"] * 6),
        create("int64", [2, 2, 3], [str(i) for i in range(12)], "F"),
        setv(7, [IA([0, 0, 0, 1], [2, 2], F=True)], V(8)),
    ],
    "messages of huge indices": [
        arange("uint32", [2]),
        get(0, [{"n": 0}, IA([2**53 + 1, -2])]),
        get(0, [IA([-(2**63)])]),
        take(0, IA([2**62])),
    ],
}


# (appended to REGRESSIONS below: ufunc and reduction layouts)
REGRESSIONS["ufunc results of F operands"] = [
    # NumPy's trivial loop allocates F order, length-1 axes included, when no operand needs a cast
    create("int32", [3, 4, 1], list(range(12)), order="F"),
    {"op": "ufunc", "a": V(0), "fn": "equal", "b": V(0)},
    {"op": "ufunc", "a": V(0), "fn": "add", "b": V(0)},
    {"op": "astype", "a": V(0), "dtype": "int64", "copy": True, "order": "K"},
    {"op": "ufunc", "a": V(0), "fn": "add", "b": V(3)},
    {"op": "ufunc", "a": V(0), "fn": "logical_and", "b": V(0)},
    create("float16", [2, 1, 3], [1, 2, 3, 4, 5, 6], order="F"),
    {"op": "ufunc", "a": V(6), "fn": "maximum", "b": V(6)},
]
REGRESSIONS["maximum and minimum of opposite zeros give the second operand"] = [
    create("float64", [4], ["-0", 0, "nan", 1]),
    create("float64", [4], [0, "-0", 1, "nan"]),
    {"op": "ufunc", "a": V(0), "fn": "maximum", "b": V(1)},
    {"op": "ufunc", "a": V(1), "fn": "maximum", "b": V(0)},
    {"op": "ufunc", "a": V(0), "fn": "minimum", "b": V(1)},
    {"op": "ufunc", "a": V(1), "fn": "minimum", "b": V(0)},
    create("float32", [2, 9], ["-0", 0] * 9),
    {"op": "T", "a": V(6)},
    {"op": "ufunc", "a": V(7), "fn": "minimum", "b": V(7)},
    {"op": "unary", "a": V(6), "fn": "sign"},
    create("bool", [2], [True, False]),
    {"op": "unary", "a": V(10), "fn": "sign"},
    # float16's loops keep the first operand (fuzzer seed 777, program 6541)
    create("float16", [2, 3], [38, -18, "-0", 36, 14, 0]),
    {"op": "reshape", "a": V(12), "shape": [-1, 2, 1, 3], "order": "A", "copy": None},
    {"op": "ufunc", "a": V(12), "fn": "minimum", "b": V(13)},
    {"op": "ufunc", "a": V(13), "fn": "maximum", "b": V(12)},
]
REGRESSIONS["reductions of empty arrays keep their strides' order"] = [
    create("int16", [5, 3, 0, 2], []),
    {"op": "moveaxis", "a": V(0), "src": -3, "dst": 0},
    {"op": "reduce", "a": V(1), "fn": "mean", "axis": 2, "keepdims": False},
    {"op": "reduce", "a": V(1), "fn": "sum", "axis": [2, 3], "keepdims": True},
    {"op": "reduce", "a": V(1), "fn": "any", "axis": 2, "keepdims": False},
]


def main():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "fuzz_numpy.py"), "--seed", str(SEED), "--count", str(COUNT)],
                         check=True, capture_output=True, text=True).stdout
    (ROOT / "test" / "fixtures" / "fuzz_cases.json").write_text(out)
    regs = [{"name": name, **run_program(steps)} for name, steps in REGRESSIONS.items()]
    (ROOT / "test" / "fixtures" / "fuzz_regressions.json").write_text(json.dumps({"programs": regs}, indent=1) + "\n")


if __name__ == "__main__":
    main()
