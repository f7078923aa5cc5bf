// Error classes that mirror NumPy's, so a NumPy user knows what to catch.
// Messages use NumPy's words where NumPy has them; where they have none they
// name the public function, what was given and what was expected.
//
// Each class also extends the JavaScript built-in a JS user would catch:
// NumPy's TypeError is a `TypeError` (DTypeError), its IndexError a
// `RangeError`, OverflowError, ZeroDivisionError and MemoryError
// `RangeError`s (as JS's own BigInt division by zero and failed allocations
// are); the rest are plain `Error`s. A class cannot extend two bases, so
// `StridewiseError` is a brand rather than a base: every stridewise error
// carries it and `instanceof StridewiseError` checks the brand
// (Symbol.hasInstance); `instanceof` each concrete class stays the
// ordinary prototype test. AxisError is a ValueError and, as in NumPy, also
// passes `instanceof IndexError` (by IndexError's Symbol.hasInstance).

const BRAND: unique symbol = Symbol.for("stridewise.error");

const ordinaryInstanceOf = (cls: object, x: unknown): boolean => Function.prototype[Symbol.hasInstance].call(cls, x);

/** Marks a class's instances as stridewise errors (see `StridewiseError`). */
function branded(cls: { prototype: object }): void {
  Object.defineProperty(cls.prototype, BRAND, { value: true });
}

/**
 * What every error stridewise raises on purpose is an instance of, whatever
 * built-in it extends (`TypeError`, `RangeError` or `Error`): checked by
 * brand, so `e instanceof StridewiseError` is true for a DTypeError too.
 * Errors stridewise raises without a NumPy counterpart of their own extend it.
 * @example
 * try { zeros([-1]); } catch (e) { e instanceof StridewiseError; } // true
 */
export class StridewiseError extends Error {
  override name = "StridewiseError";
  static override [Symbol.hasInstance](x: unknown): boolean {
    // Subclasses inherit this static: they keep the ordinary test.
    if (this !== StridewiseError) return ordinaryInstanceOf(this, x);
    return typeof x === "object" && x !== null && (x as { [BRAND]?: boolean })[BRAND] === true;
  }
}
branded(StridewiseError);

/**
 * A value is of the right type but not acceptable (NumPy's `ValueError`).
 * @example
 * try { zeros([-1]); } catch (e) { e instanceof ValueError; } // true
 */
export class ValueError extends StridewiseError {
  override name = "ValueError";
}

/**
 * An index is out of range (NumPy's `IndexError`): a JavaScript
 * `RangeError`. NumPy's AxisError also passes `instanceof IndexError`, as
 * it subclasses IndexError in NumPy.
 * @example
 * try { arange(3).item(5); } catch (e) { e instanceof RangeError; } // true: "index 5 is out of bounds for axis 0 with size 3"
 */
export class IndexError extends RangeError {
  override name = "IndexError";
  static [Symbol.hasInstance](x: unknown): boolean {
    return ordinaryInstanceOf(this, x) || (this === IndexError && ordinaryInstanceOf(AxisError, x));
  }
}
branded(IndexError);

/**
 * A wrong kind of argument or dtype (NumPy's `TypeError`): a JavaScript
 * `TypeError` named "TypeError". Named with the prefix so that it does not
 * shadow JavaScript's own `TypeError`.
 * @example
 * try { zeros([2], { dtype: "float128" as never }); } catch (e) { e instanceof TypeError; } // true: "data type 'float128' not understood"
 */
export class DTypeError extends TypeError {
  override name = "TypeError";
}
branded(DTypeError);

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
 * A Python-int-sized value does not fit the dtype (NumPy's `OverflowError`): a JavaScript `RangeError`.
 * @example
 * // zeros([1], { dtype: "int8" }).set(0, 300) throws "Python integer 300 out of bounds for int8"
 */
export class OverflowError extends RangeError {
  override name = "OverflowError";
}
branded(OverflowError);

/**
 * Division by zero where NumPy raises Python's `ZeroDivisionError`: a
 * JavaScript `RangeError`, as JS's own BigInt division by zero.
 * @example
 * try { arange(0, 10, 0); } catch (e) { e.message; } // "division by zero"
 */
export class ZeroDivisionError extends RangeError {
  override name = "ZeroDivisionError";
}
branded(ZeroDivisionError);

/** An exact answer would cost more than the work budget allowed (NumPy's `TooHardError`). */
export class TooHardError extends StridewiseError {
  override name = "TooHardError";
}

/**
 * The heap cannot serve an allocation (NumPy's `MemoryError`; a JavaScript
 * `RangeError`, as a failed `WebAssembly.Memory` grow). The heap and every
 * live array are left as they were.
 * @example
 * try { empty([2 ** 31], { dtype: "float64" }); } catch (e) { e.requested; } // 17179869184
 */
export class MemoryError extends RangeError {
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
branded(MemoryError);

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

/** A shape as Python prints the tuple, where NumPy's Python code formats it: `(3,)`, `(4, 2)`, `()`. */
export function formatTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** NumPy's shape spelling: `(3,)`, `(4,2)`, `()`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}
