// Error classes that mirror NumPy's, so a NumPy user knows what to catch.
// Messages use NumPy's words where NumPy has them; where it has none they
// name the public function, what was given and what was expected.

/** Base class of every error stridewise raises on purpose. */
export class StridewiseError extends Error {
  override name = "StridewiseError";
}

/**
 * A value is of the right type but not acceptable (NumPy's `ValueError`).
 * @example
 * try { zeros([-1]); } catch (e) { e instanceof ValueError; } // true
 */
export class ValueError extends StridewiseError {
  override name = "ValueError";
}

/**
 * An index is out of range (NumPy's `IndexError`). It also is a `RangeError`
 * in spirit; `instanceof IndexError` is the test to use.
 * @example
 * try { arange(3).item(5); } catch (e) { e.message; } // "index 5 is out of bounds for axis 0 with size 3"
 */
export class IndexError extends StridewiseError {
  override name = "IndexError";
}

/**
 * A wrong kind of argument or dtype (NumPy's `TypeError`). Named with the
 * prefix so that it does not shadow JavaScript's own `TypeError`.
 * @example
 * try { zeros([2], { dtype: "float128" as never }); } catch (e) { e.message; } // "data type 'float128' not understood"
 */
export class DTypeError extends StridewiseError {
  override name = "TypeError";
}

/**
 * An axis argument out of range (NumPy's `AxisError`, a ValueError and an IndexError there).
 * @example
 * // "axis 2 is out of bounds for array of dimension 2"
 */
export class AxisError extends ValueError {
  override name = "AxisError";
  constructor(
    readonly axis: number,
    readonly ndim: number,
    prefix?: string,
  ) {
    super(`${prefix ? `${prefix}: ` : ""}axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
}

/**
 * A Python-int-sized value does not fit the dtype (NumPy's `OverflowError`).
 * @example
 * // zeros([1], { dtype: "int8" }).set(0, 300) throws "Python integer 300 out of bounds for int8"
 */
export class OverflowError extends StridewiseError {
  override name = "OverflowError";
}

/**
 * Division by zero where NumPy raises Python's `ZeroDivisionError`.
 * @example
 * try { arange(0, 10, 0); } catch (e) { e.message; } // "division by zero"
 */
export class ZeroDivisionError extends StridewiseError {
  override name = "ZeroDivisionError";
}

/** An exact answer would cost more than the work budget allowed (NumPy's `TooHardError`). */
export class TooHardError extends StridewiseError {
  override name = "TooHardError";
}

/**
 * The heap cannot serve an allocation. The heap and every live array are
 * left as they were.
 * @example
 * try { empty([2 ** 31], { dtype: "float64" }); } catch (e) { e.requested; } // 17179869184
 */
export class MemoryError extends StridewiseError {
  override name = "MemoryError";
  constructor(
    message: string,
    /** Bytes asked for. */
    readonly requested: number,
    /** Bytes the heap held when the request failed. */
    readonly heapSize: number,
    /** The most the heap can ever hold. */
    readonly heapLimit: number,
  ) {
    super(message);
  }
}

/**
 * An array was used after `dispose()` (or after the `tidy` scope that owned it ended).
 * @example
 * const a = zeros([3]); a.dispose(); a.item(0); // throws DisposedError
 */
export class DisposedError extends StridewiseError {
  override name = "DisposedError";
}

/** `init()` has not finished yet. */
export class NotInitializedError extends StridewiseError {
  override name = "NotInitializedError";
}

/** NumPy's shape spelling: `(3,)`, `(4,2)`, `()`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}
