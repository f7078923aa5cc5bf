// The ufunc machinery: what NumPy does around an element-wise inner loop.
//
// One call of a binary ufunc:
//   1. dtypes: arrays are strong, JS numbers and bigints weak (NEP 50), so
//      `resultType` gives the common dtype; the ufunc then picks its loop
//      (true division of integers runs in float64, bool add is logical or,
//      float16/bfloat16 compute in float32 and round once at the end, as
//      NumPy's half loops do). A weak scalar is stored as the common dtype
//      first, which raises NumPy's `Python integer 300 out of bounds for uint8`.
//   2. shapes: NumPy broadcasting, `out` included (inputs may broadcast to
//      `out`'s shape, never the other way).
//   3. operands not in the loop dtype are cast into temporaries; a scalar
//      lives in the scratch area and is read with stride 0.
//   4. the destination is `out` itself when it has the loop dtype and
//      cannot be overwritten under an input still to be read (identical
//      layout is fine: element i is read before it is written; any other
//      possible overlap, by `overlap`, goes through a temporary). Else a
//      temporary that is cast into `out`.
//   5. planLoops simplifies the nest (merging, flipping, ordering by the
//      destination) and one kernel of assembly/elementwise/ runs it.
//
// NumPy warns on integer division by zero and float overflow; we never
// warn (house rule): the values are NumPy's (x // 0 == 0, x % 0 == 0).

import { DTypeError, ValueError, formatShape } from "../core/errors.js";
import { DTYPES, readElement, toStored, writeStored, type DType, type Scalar } from "../core/dtype.js";
import { kernels, scratch } from "../core/kernels.js";
import { i32 } from "../core/memory.js";
import { broadcastShapeOf, broadcastStrides, denseStrides, keepOrder, orderedLayout, planLoops, shapeSize, ufuncOrderPerm } from "../core/layout.js";
import { splitTableCall } from "../core/threads/split.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "./creation.js";
import { emptyArray } from "../core/empty.js";
import { canCast, dtypeRepr, resultType } from "../core/casting.js";
import { overlap } from "./overlap.js";
import { castInto } from "./cast.js";
import { copyFrom } from "./cast.js";
import { BINARY_CODE, DTYPE_CODE, UNARY_CODE } from "../generated/codes.js";

/** What an element-wise function takes: an array, a JS scalar (weak), nested lists or a TypedArray. */
export type Operand = ArrayLike;

/** Options of every element-wise function. */
export interface UfuncOptions {
  /**
   * Where to write the result (NumPy's `out`): it must have the broadcast
   * shape, and the result dtype must cast to its dtype under 'same_kind'.
   * It may be one of the inputs (in-place) or overlap them in any way.
   */
  out?: NDArray | undefined;
}

/** NumPy's names of the binary ufuncs with a kernel. */
export type BinaryUfunc =
  | "add"
  | "subtract"
  | "multiply"
  | "divide"
  | "floor_divide"
  | "remainder"
  | "power"
  | "maximum"
  | "minimum";

/** NumPy's names of the unary ufuncs. */
export type UnaryUfunc =
  | "negative"
  | "absolute"
  | "sqrt"
  | "square"
  | "exp"
  | "log"
  | "log1p"
  | "expm1"
  | "sin"
  | "cos"
  | "tanh"
  | "sign"
  | "floor"
  | "ceil"
  | "rint"
  | "isnan"
  | "isfinite";


/** Scratch offsets of the two scalar slots (the loop table starts at 0). */
const SLOT_A = 32768;
const SLOT_B = 32784;

const isFloat = (d: DType): boolean => DTYPES[d].kind === "f";
const isHalf = (d: DType): boolean => d === "float16" || d === "bfloat16";
const isScalar = (x: unknown): x is number | bigint | boolean =>
  typeof x === "number" || typeof x === "bigint" || typeof x === "boolean";

/** The loop dtype that computes results of dtype `d` (half types compute in float32). */
function computeDType(d: DType): DType {
  return isHalf(d) ? "float32" : d;
}

/** The float dtype NumPy's float-only ufuncs (sqrt, exp, …) use for an input dtype. */
export function floatFor(d: DType): DType {
  switch (d) {
    case "bool":
    case "int8":
    case "uint8":
      return "float16";
    case "int16":
    case "uint16":
      return "float32";
    case "float16":
    case "bfloat16":
    case "float32":
    case "float64":
      return d;
    default:
      return "float64";
  }
}

/** One input after preparation: an address and byte strides over the broadcast shape. */
interface Prepared {
  addr: number;
  strides: number[];
  /** The array read (the original, or a temporary cast), null for a scalar. */
  array: NDArray | null;
  /** A temporary to dispose when done. */
  temp: NDArray | null;
}

/** Writes a weak scalar into a scratch slot as the loop dtype, stored first as `via` (NumPy's overflow check). */
function scalarSlot(v: Scalar, via: DType, loop: DType, slot: number): number {
  const addr = scratch() + slot;
  let x: Scalar = v;
  if (via !== loop) {
    writeStored(via, addr, toStored(via, v));
    x = readElement(via, addr);
  }
  writeStored(loop, addr, toStored(loop, x));
  return addr;
}

/** Casts or views `a` as the loop dtype, with strides broadcast to `shape`. */
function prepareArray(a: NDArray, loop: DType, shape: readonly number[]): Prepared {
  let arr = a;
  let temp: NDArray | null = null;
  if (a.dtype !== loop) {
    // In the input's own axis order, so the kernel walks it as it walks the input.
    temp = emptyArray(a.shape, loop, a.isC ? "C" : denseStrides(a.shape, DTYPES[loop].itemsize, keepOrder(a.strides)));
    castInto(temp, a);
    arr = temp;
  }
  const strides = broadcastStrides(arr.shape, arr.strides, shape)!;
  return { addr: arr.address("ufunc"), strides, array: arr, temp };
}

function writeTable(rows: readonly (readonly number[])[]): void {
  const base = scratch() >>> 2;
  let w = base;
  for (const r of rows) for (const x of r) i32[w++] = x | 0;
}

/** Whether writing `dst` could clobber an input element before it is read. */
function hazard(dst: NDArray, p: Prepared, dstStrides: readonly number[], dstAddr: number): boolean {
  const a = p.array;
  if (a === null || a._mem !== dst._mem) return false;
  if (p.addr === dstAddr && p.strides.every((s, i) => s === dstStrides[i])) return false;
  return overlap(dst, a) !== "no";
}

/** NumPy's UFuncTypeError for an `out` the result cannot be cast to. */
function checkOut(ufunc: string, result: DType, out: NDArray, shape: readonly number[]): void {
  out.address(ufunc);
  // NumPy's ufunc wording (a plain assignment says "assignment destination is read-only").
  if (!out.flags.writeable) throw new ValueError("output array is read-only");
  if (out.shape.length !== shape.length || out.shape.some((n, i) => n !== shape[i])) {
    throw new ValueError(
      `non-broadcastable output operand with shape ${formatShape(out.shape)} doesn't match the broadcast shape ${formatShape(shape)}`,
    );
  }
  if (!canCast(result, out.dtype, "same_kind")) {
    throw new DTypeError(
      `Cannot cast ufunc '${ufunc}' output from ${dtypeRepr(result)} to ${dtypeRepr(out.dtype)} with casting rule 'same_kind'`,
    );
  }
}

function shapesMessage(shapes: readonly (readonly number[])[]): string {
  return `operands could not be broadcast together with shapes ${shapes.map((s) => formatShape(s)).join(" ")} `;
}

/**
 * Runs a kernel (a loop of dtype `loop`, through `run`) over the prepared inputs into
 * a destination of `result` dtype: `out` when given, else a fresh array.
 * Handles the temporaries, the overlap rule and the final cast.
 */
function execute(
  ufunc: string,
  inputs: Prepared[],
  shape: readonly number[],
  loop: DType,
  result: DType,
  out: NDArray | undefined,
  perm: readonly number[] | null,
  run: (dst: number, dstStrides: readonly number[]) => void,
): NDArray {
  let target: NDArray;
  if (out !== undefined) target = out;
  else target = emptyArray(shape, result, orderedLayout(shape, DTYPES[result].itemsize, perm), (inputs[0]!.array ?? inputs[inputs.length - 1]!.array) ?? undefined);
  try {
    const n = target.size;
    if (n === 0) return target;
    let dst = target;
    let staged: NDArray | null = null;
    const dAddr = target.address(ufunc);
    if (target.dtype !== loop || inputs.some((p) => hazard(target, p, target.strides as number[], dAddr))) {
      staged = emptyArray(shape, loop, orderedLayout(shape, DTYPES[loop].itemsize, perm));
      dst = staged;
    }
    try {
      run(dst.address(ufunc), dst.strides);
      if (staged !== null) {
        if (target.dtype === loop) copyFrom(target, staged);
        else castInto(target, staged);
      }
    } finally {
      staged?.dispose();
    }
    return target;
  } catch (e) {
    if (out === undefined) target.dispose();
    throw e;
  }
}

/** Plans the loop nest over `shape` for the destination and inputs and writes the table. Returns the planned rank, 0 when empty. */
function plan(shape: readonly number[], dstStrides: readonly number[], inputs: Prepared[], dst: number): { k: number; addrs: number[] } {
  // Fast path, no planner: the destination is C-contiguous and every input
  // either has its strides or is a broadcast scalar (all zero strides). The
  // whole operation is then one flat loop (small arrays pay microseconds
  // less). Strides of length-1 axes do not matter and are skipped.
  let n = 1;
  let dense = true;
  let item = 0;
  for (let i = shape.length - 1; i >= 0; i--) {
    const len = shape[i]!;
    if (len !== 1) {
      if (item === 0) item = dstStrides[i]!;
      if (dstStrides[i] !== item * n) dense = false;
    }
    n *= len;
  }
  if (dense && item > 0) {
    const flat: number[] = [];
    for (const x of inputs) {
      let same = true;
      let zero = true;
      for (let i = 0; i < shape.length; i++) {
        if (shape[i] === 1) continue;
        if (x.strides[i] !== dstStrides[i]) same = false;
        if (x.strides[i] !== 0) zero = false;
      }
      if (!same && !zero) {
        dense = false;
        break;
      }
      flat.push(same ? item : 0);
    }
    if (dense) {
      const base = scratch() >>> 2;
      i32[base] = n;
      i32[base + 1] = item;
      for (let j = 0; j < flat.length; j++) i32[base + 2 + j] = flat[j]!;
      return { k: 1, addrs: [dst, ...inputs.map((x) => x.addr)] };
    }
  }
  const p = planLoops(shape, [dstStrides, ...inputs.map((x) => x.strides)]);
  let ps = p.shape;
  let st = p.strides;
  if (ps.length === 0) {
    ps = [1];
    st = st.map(() => [0]);
  }
  const addrs = [dst + p.offsets[0]!, ...inputs.map((x, i) => x.addr + p.offsets[i + 1]!)];
  writeTable([ps, ...st]);
  return { k: ps.length, addrs };
}

/** The loop (kernel dtype) and result dtype of a binary ufunc on operands whose common dtype is `common`. */
/** Which kernel runs a ufunc: its operation and the dtype of the loop (codes of assembly/codes.ts). */
interface KernelOf<U> {
  op: U;
  dtype: DType;
}

function binaryLoop(ufunc: BinaryUfunc, common: DType): { loop: DType; result: DType; kernel: KernelOf<BinaryUfunc> } {
  if (common === "bool") {
    switch (ufunc) {
      case "add":
      case "maximum":
        return { loop: "bool", result: "bool", kernel: { op: "maximum", dtype: "uint8" } };
      case "multiply":
      case "minimum":
        return { loop: "bool", result: "bool", kernel: { op: "minimum", dtype: "uint8" } };
      case "subtract":
        throw new DTypeError(
          "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
        );
      case "divide":
        return { loop: "float64", result: "float64", kernel: { op: "divide", dtype: "float64" } };
      default:
        return { loop: "int8", result: "int8", kernel: { op: ufunc, dtype: "int8" } };
    }
  }
  if (ufunc === "divide" && !isFloat(common)) return { loop: "float64", result: "float64", kernel: { op: "divide", dtype: "float64" } };
  const loop = computeDType(common);
  return { loop, result: common, kernel: { op: ufunc, dtype: loop } };
}

/**
 * @internal Runs a binary ufunc with NumPy's broadcasting, NEP 50 promotion,
 * weak-scalar overflow check and `out` semantics.
 */
export function binaryUfunc(ufunc: BinaryUfunc, x: Operand, y: Operand, opts?: UfuncOptions): NDArray {
  const out = opts?.out;
  const xa = isScalar(x) ? null : asarray(x);
  const ya = isScalar(y) ? null : asarray(y);
  const inputs: Prepared[] = [];
  try {
    const xArg = xa ?? (x as Scalar);
    const yArg = ya ?? (y as Scalar);
    const common = resultType(xArg, yArg);
    const { loop, result, kernel } = binaryLoop(ufunc, common);
    const shapes = [xa?.shape ?? [], ya?.shape ?? []];
    const bshape = broadcastShapeOf(shapes);
    if (bshape === null) throw new ValueError(shapesMessage(shapes));
    let shape = bshape;
    if (out !== undefined) {
      const withOut = broadcastShapeOf([bshape, out.shape]);
      if (withOut === null || withOut.length !== out.shape.length || withOut.some((n, i) => n !== out.shape[i])) {
        checkOut(ufunc, result, out, bshape);
      }
      shape = out.shape as number[];
      checkOut(ufunc, result, out, shape);
    }
    // The weak scalar's value is checked against the common dtype (NumPy's
    // OverflowError); true division of integers takes it as a float.
    const via = ufunc === "divide" && !isFloat(common) ? "float64" : common;
    const loopStore = loop === "bool" ? "bool" : loop;
    // A scalar is checked now (before anything is allocated) and written to
    // its slot just before the kernel runs: casting temporaries use the scratch area.
    const zeros = shape.map(() => 0);
    if (xa !== null) inputs.push(prepareArray(xa, loop, shape));
    else {
      toStored(via, x as Scalar);
      inputs.push({ addr: scratch() + SLOT_A, strides: zeros, array: null, temp: null });
    }
    if (ya !== null) inputs.push(prepareArray(ya, loop, shape));
    else {
      toStored(via, y as Scalar);
      inputs.push({ addr: scratch() + SLOT_B, strides: zeros, array: null, temp: null });
    }
    // NumPy's float16 maximum/minimum keep the first operand of equal zeros
    // (its half loops test <= and >=), its float32/64 loops the second, as
    // the kernel does: half operands go in swapped.
    if ((ufunc === "maximum" || ufunc === "minimum") && common === "float16") inputs.reverse();
    // NumPy allocates ufunc outputs in keep order.
    const perm = ufuncOrderPerm(shape, [xa, ya].filter((a): a is NDArray => a !== null), via);
    const op = BINARY_CODE[kernel.op];
    const kd = DTYPE_CODE[kernel.dtype];
    return execute(ufunc, inputs, shape, loop, result, out, perm, (dst, ds) => {
      if (xa === null) scalarSlot(x as Scalar, via, loopStore, SLOT_A);
      if (ya === null) scalarSlot(y as Scalar, via, loopStore, SLOT_B);
      const { k, addrs } = plan(shape, ds, inputs, dst);
      const bytes = workBytes(kernel.op, 3 * DTYPES[loop].itemsize, shapeSize(shape));
      const bad = splitTableCall("binary", [op, kd], k, addrs, bytes) ?? kernels().binary(op, kd, addrs[0]!, addrs[1]!, addrs[2]!, scratch(), k);
      if (bad !== 0) throw new ValueError("Integers to negative integer powers are not allowed.");
    });
  } finally {
    for (const p of inputs) p.temp?.dispose();
    if (xa !== null && xa !== x) xa.dispose();
    if (ya !== null && ya !== y) ya.dispose();
  }
}

/** How a unary ufunc handles each input dtype. */
type UnaryPlan =
  | { kind: "kernel"; loop: DType; result: DType; kernel: KernelOf<UnaryUfunc> }
  | { kind: "copy"; result: DType }
  | { kind: "const"; result: DType; value: boolean };

/** The signed integer dtype of each item size (unsigned negation runs on it: same bits). */
const SIGNED_OF_WIDTH: Partial<Record<number, DType>> = { 1: "int8", 2: "int16", 4: "int32", 8: "int64" };

const FLOAT_ONLY = new Set<UnaryUfunc>(["sqrt", "exp", "log", "log1p", "expm1", "sin", "cos", "tanh", "rint"]);

// The threads' threshold is bytes of traffic, which prices a call by its
// memory time (1 MiB ≈ 60 µs on one core). A transcendental loop spends
// 10–20 ns per element on arithmetic instead, about what 256 bytes of
// copying cost, so it is priced that way: sin over 4,096 float32 elements
// (80 µs) is split (1.3x measured on 2 threads; below that the ~25 µs of
// waking a worker eats the gain) where its 32 KiB of traffic alone would not.
const TRANSCENDENTAL_BYTES = 256;
const TRANSCENDENTAL = new Set<string>(["exp", "log", "log1p", "expm1", "sin", "cos", "tanh", "power"]);
const workBytes = (op: string, itemBytes: number, n: number): number =>
  (itemBytes + (TRANSCENDENTAL.has(op) ? TRANSCENDENTAL_BYTES : 0)) * n;

function unaryPlan(ufunc: UnaryUfunc, d: DType): UnaryPlan {
  const kind = DTYPES[d].kind;
  if (ufunc === "isnan" || ufunc === "isfinite") {
    if (kind !== "f") return { kind: "const", result: "bool", value: ufunc === "isfinite" };
    return { kind: "kernel", loop: computeDType(d), result: "bool", kernel: { op: ufunc, dtype: computeDType(d) } };
  }
  if (FLOAT_ONLY.has(ufunc)) {
    const f = floatFor(d);
    return { kind: "kernel", loop: computeDType(f), result: f, kernel: { op: ufunc, dtype: computeDType(f) } };
  }
  if (kind === "f") return { kind: "kernel", loop: computeDType(d), result: d, kernel: { op: ufunc, dtype: computeDType(d) } };
  switch (ufunc) {
    case "negative":
      if (kind === "b") {
        throw new DTypeError(
          "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
        );
      }
      // Unsigned negation wraps: the signed loop of the same width has the same bits.
      return { kind: "kernel", loop: d, result: d, kernel: { op: "negative", dtype: SIGNED_OF_WIDTH[DTYPES[d].itemsize]! } };
    case "absolute":
      if (kind !== "i") return { kind: "copy", result: d };
      return { kind: "kernel", loop: d, result: d, kernel: { op: "absolute", dtype: d } };
    case "square":
      if (kind === "b") return { kind: "kernel", loop: "int8", result: "int8", kernel: { op: "square", dtype: "int8" } };
      return { kind: "kernel", loop: d, result: d, kernel: { op: "square", dtype: d } };
    case "sign":
      if (kind === "b") {
        throw new DTypeError("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None");
      }
      return { kind: "kernel", loop: d, result: d, kernel: { op: "sign", dtype: d } };
    default:
      // floor, ceil: NumPy 2 keeps integers and bools as they are.
      return { kind: "copy", result: d };
  }
}

/**
 * @internal Runs a unary ufunc: NumPy's loop choice per dtype (integers
 * go to float16/32/64 for sqrt, exp, …), `out` semantics as `binaryUfunc`.
 */
export function unaryUfunc(ufunc: UnaryUfunc, x: Operand, opts?: UfuncOptions): NDArray {
  const out = opts?.out;
  const xa = asarray(x);
  const inputs: Prepared[] = [];
  try {
    const p = unaryPlan(ufunc, xa.dtype);
    const shape = out?.shape ?? xa.shape;
    if (out !== undefined) {
      const b = broadcastStrides(xa.shape, xa.strides, out.shape);
      if (b === null) checkOut(ufunc, p.result, out, xa.shape);
      checkOut(ufunc, p.result, out, shape);
    }
    // NumPy's loop reads the result's dtype (sqrt of int32: float64), the
    // input's own where there is a loop for it (isnan, abs of unsigned, floor of ints).
    const perm = ufuncOrderPerm(shape, [xa], p.kind !== "kernel" || p.result === "bool" ? xa.dtype : p.result);
    if (p.kind !== "kernel") {
      const target = out ?? emptyArray(shape, p.result, orderedLayout(shape, DTYPES[p.result].itemsize, perm));
      try {
        const src = xa;
        if (p.kind === "const") target.fill(p.value);
        else {
          const view = src.shape.length === shape.length && src.shape.every((n, i) => n === shape[i]) ? src : src.broadcastTo(shape);
          try {
            copyFrom(target, view);
          } finally {
            if (view !== src) view.dispose();
          }
        }
      } catch (e) {
        if (out === undefined) target.dispose();
        throw e;
      }
      return target;
    }
    inputs.push(prepareArray(xa, p.loop, shape));
    const op = UNARY_CODE[p.kernel.op];
    const kd = DTYPE_CODE[p.kernel.dtype];
    // The kernel writes the result dtype; for isnan/isfinite that is bool, else the loop dtype.
    const written = p.result === "bool" ? "bool" : p.loop;
    return execute(ufunc, inputs, shape, written, p.result, out, perm, (dst, ds) => {
      const { k, addrs } = plan(shape, ds, inputs, dst);
      const bytes = workBytes(p.kernel.op, DTYPES[p.loop].itemsize + DTYPES[written].itemsize, shapeSize(shape));
      if (splitTableCall("unary", [op, kd], k, addrs, bytes) === null) kernels().unary(op, kd, addrs[0]!, addrs[1]!, scratch(), k);
    });
  } finally {
    for (const q of inputs) q.temp?.dispose();
    if (xa !== x) xa.dispose();
  }
}
