// How Python's print shows values, so that each TypeScript example prints
// exactly what its NumPy twin (examples/numpy/*.py) prints. Arrays already
// print as NumPy does (`toString()` is NumPy's `str`); this covers the
// Python values around them: booleans, floats, shape tuples.
import { array, NDArray } from "../../src/index.js";

/** `str(x)` in Python for the values the examples print. */
export function py(x: unknown): string {
  if (typeof x === "boolean") return x ? "True" : "False";
  if (typeof x === "bigint") return String(x);
  if (typeof x === "number") {
    // A Python float prints as NumPy prints a 0-d float64 (both use repr).
    if (Number.isInteger(x) && Math.abs(x) < 2 ** 53) return String(x);
    const a = array(x, { dtype: "float64" });
    const s = a.toString();
    a.dispose();
    return s;
  }
  if (x instanceof NDArray) return x.toString();
  if (Array.isArray(x)) return x.length === 1 ? `(${x[0]},)` : `(${x.join(", ")})`;
  return String(x);
}

/** A Python float (always with a fraction or exponent, as `repr(float)`). */
export function pyFloat(x: number): string {
  const a = array(x, { dtype: "float64" });
  const s = a.toString();
  a.dispose();
  return s;
}
