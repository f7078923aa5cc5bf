// Broadcasting as views: `broadcastTo` (read-only, stride 0 on stretched
// axes), `broadcastShapes` and `broadcastArrays`, with NumPy's messages.

import { DTypeError, ValueError, formatShape, formatTuple } from "../core/errors.js";
import { checkShape } from "../core/layout.js";
import { makeView, type NDArray } from "../core/ndarray.js";

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function shapeArg(shape: number | readonly number[]): number[] {
  const s = typeof shape === "number" ? [shape] : Array.from(shape);
  for (const d of s) {
    if (typeof d !== "number" || !Number.isInteger(d)) {
      throw notAnInteger(d);
    }
  }
  return s;
}

/**
 * A read-only view of `a` broadcast to `shape`: new leading axes and
 * stretched length-1 axes get stride 0. Throws ValueError with NumPy's messages.
 * @example broadcastTo(arange(3), [2, 3]).strides // [0, 8]
 */
export function broadcastTo(a: NDArray, shape: number | readonly number[]): NDArray {
  const target = shapeArg(shape);
  if (target.length === 0 && a.shape.length > 0) throw new ValueError("cannot broadcast a non-scalar to a scalar array");
  for (const d of target) if (d < 0) throw new ValueError("all elements of broadcast shape must be non-negative");
  checkShape(target);
  const ndim = a.shape.length;
  if (target.length < ndim) throw new ValueError("input operand has more dimensions than allowed by the axis remapping");
  const off = target.length - ndim;
  const strides = new Array<number>(target.length).fill(0);
  for (let i = 0; i < ndim; i++) {
    const d = a.shape[i]!;
    const t = target[off + i]!;
    if (d === t) strides[off + i] = d === 1 ? 0 : a.strides[i]!;
    else if (d !== 1) {
      throw new ValueError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(a.shape)}  and requested shape ${formatShape(target)}`,
      );
    }
  }
  return makeView(a, target, strides, a.offset, a.dtype, false);
}

/**
 * The shape several shapes broadcast to. Throws ValueError
 * `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 1 with shape (3,).`
 * @example broadcastShapes([2, 1], [3]) // [2, 3]
 */
export function broadcastShapes(...shapes: (number | readonly number[])[]): number[] {
  const list = shapes.map((s) => checkShape(s));
  let nd = 0;
  for (const s of list) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  // Axis by axis, as NumPy's multi-iterator: the first operand that sets a
  // length is the one named in the mismatch.
  for (let i = 0; i < nd; i++) {
    let from = -1;
    for (let j = 0; j < list.length; j++) {
      const s = list[j]!;
      const k = i + s.length - nd;
      if (k < 0) continue;
      const d = s[k]!;
      if (d === 1) continue;
      if (out[i] === 1) {
        out[i] = d;
        from = j;
      } else if (out[i] !== d) {
        throw new ValueError(
          "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between " +
            `arg ${from} with shape ${formatTuple(list[from]!)} and arg ${j} with shape ${formatTuple(s)}.`,
        );
      }
    }
  }
  return out;
}

/**
 * Views of every array broadcast to their common shape. An array that
 * needs no broadcasting comes back as a plain view (writeable as it was);
 * the others are read-only (NumPy 2.4 still makes them writeable with a
 * FutureWarning on write; the read-only answer is NumPy's announced future).
 * @example broadcastArrays(zeros([2, 1]), zeros([3])).map((v) => v.shape) // [[2, 3], [2, 3]]
 */
export function broadcastArrays(...arrays: NDArray[]): NDArray[] {
  const shape = broadcastShapes(...arrays.map((a) => a.shape));
  for (const a of arrays) a.address("broadcastArrays");
  return arrays.map((a) => (sameShape(a.shape, shape) ? makeView(a, a.shape, a.strides, a.offset) : broadcastTo(a, shape)));
}

/** NumPy's TypeError for a non-integer length: a number with a fraction is Python's float. */
function notAnInteger(d: unknown): DTypeError {
  const kind = typeof d === "number" ? "float" : typeof d === "string" ? "str" : typeof d;
  return new DTypeError(`'${kind}' object cannot be interpreted as an integer`);
}
