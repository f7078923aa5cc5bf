"""Records test/fixtures/extremum.json: float max/min over an axis of matrices
made of -1, -0.0, +0.0 and NaN, for test/reduce-rows.test.ts.

A tie between -0.0 and +0.0 is where implementations of max/min differ:
NumPy's axis-0 loop over C rows keeps the later of equal elements (x86's
maxps returns its second operand), and NaN wins wherever it is. The test
compares result bits exactly, so the sign of every zero is checked. Cases:
rows 1..9, 12, 13, 16, 17 (around the kernel's blocks of 8 and 4 rows),
columns around the SIMD widths (2, 3, 8, 9, 17, 33), layouts "C" and
"rowrev" (rows stored in reverse order in memory: a negative row stride,
which NumPy's iterator reduces in logical order), with and without NaN in
the first, a middle or the last row. Inputs are the logical C-order bytes;
`expect` maps "<layout> <op>" to the result's bytes.

No single column: an (n, 1) matrix is a 1-d reduction to NumPy's iterator,
and NumPy's 1-d max/min reduce in SIMD blocks whose width is the CPU's
(measured here: the float32 max of [0, -1, 0, 0, -0, -1, -1, -1, -1] is +0,
not the later -0), so the sign of a tied zero there is not a property of
NumPy."""

import base64
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "extremum.json"
rng = np.random.default_rng(23)


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode()


def place(a, layout):
    if layout == "C":
        return np.ascontiguousarray(a)
    if layout == "rowrev":
        return np.ascontiguousarray(a[::-1])[::-1]
    raise ValueError(layout)


def main():
    cases = []
    for dtype in ("float32", "float64"):
        for rows in (*range(1, 10), 12, 13, 16, 17):
            for cols in (2, 3, 8, 9, 17, 33) if rows < 10 else (3, 9, 17):
                for nan in (None, "first", "middle", "last"):
                    a = rng.choice(np.array([-1.0, -0.0, 0.0], dtype), size=(rows, cols))
                    if nan is not None:
                        r = {"first": 0, "middle": rows // 2, "last": rows - 1}[nan]
                        a[r, rng.integers(0, cols)] = np.nan
                    expect = {f"{layout} {op}": b64(getattr(place(a, layout), op)(axis=0)) for layout in ("C", "rowrev") for op in ("max", "min")}
                    cases.append({"dtype": dtype, "shape": [rows, cols], "b64": b64(a), "expect": expect})
    OUT.write_text(json.dumps({"numpy": np.__version__, "cases": cases}, separators=(",", ":")) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
