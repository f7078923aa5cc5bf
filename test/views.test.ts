// Replays test/fixtures/views.json (scripts/fixtures_views.py): chains of
// view operations whose every step must match NumPy's shape, byte strides,
// byte offset, flags and memory sharing; whose values must match; whose
// errors must match NumPy's class and message and leave everything as it
// was; and through whose final view a write lands where NumPy's does.

import { describe, expect, it } from "vitest";
import {
  array,
  arraySplit,
  asStrided,
  atleast1d,
  atleast2d,
  atleast3d,
  dsplit,
  hsplit,
  moveaxis,
  slidingWindowView,
  split,
  tidy,
  vsplit,
  expandDims,
  broadcastTo,
  slice,
  type DType,
  type IndexItem,
  type NDArray,
} from "../src/index.js";
import { DTYPES } from "../src/core/dtype.js";
import { loadFixture } from "./fixtures.js";
import type { Op, Step, ViewCase } from "./views-fixtures.js";

type Case = ViewCase;

const fx = loadFixture<{ hand: number; cases: Case[]; reshapeSweep: Case[]; numpy: string }>("views");

/** The k-th value of the recorded formulas, as the JS value `array` takes for `dtype`. */
function formula(k: number, dtype: DType, write: boolean): number | bigint | boolean {
  if (dtype === "bool") return k % 2 === 1;
  const v = write ? (k % 20) + 100 : (k % 97) + 1;
  return dtype === "int64" || dtype === "uint64" ? BigInt(v) : v;
}

function nest(flat: unknown[], shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  const [n, ...rest] = shape;
  const inner = rest.reduce((p, q) => p * q, 1);
  return Array.from({ length: n! }, (_, i) => nest(flat.slice(i * inner, (i + 1) * inner), rest));
}

function makeArray(shape: readonly number[], dtype: DType, order: "C" | "F", write: boolean): NDArray {
  const n = shape.reduce((p, q) => p * q, 1);
  const flat = Array.from({ length: n }, (_, k) => formula(k, dtype, write));
  if (n === 0) return array([], { dtype }).reshape(shape.slice(), { order });
  return array(nest(flat, shape) as never, { dtype, order });
}

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity };

/** A recorded value (see `enc` in the script) as stridewise reads it for `dtype`. */
function decode(s: string, dtype: DType): unknown {
  const kind = DTYPES[dtype].kind;
  if (kind === "b") return s === "1";
  if (dtype === "int64" || dtype === "uint64") return BigInt(s);
  if (kind === "f") return SPECIAL[s] ?? Number(s);
  return Number(s);
}

function flatValues(a: NDArray): unknown[] {
  const v = a.toArray();
  return a.ndim === 0 ? [v] : (v as unknown[]).flat(a.ndim - 1 as 1);
}

function toItem(it: unknown): IndexItem {
  if (it !== null && typeof it === "object") {
    const [a, b, c] = (it as { s: (number | null)[] }).s;
    return slice(a, b, c);
  }
  return it as IndexItem;
}

function applyOp(x: NDArray, op: Op, strings: boolean): NDArray {
  switch (op.op) {
    case "get":
      return strings ? x.get(op.str as string) : x.get(...(op.idx as unknown[]).map(toItem));
    case "reshape":
      return x.reshape(op.shape, { order: op.order, copy: op.copy ?? undefined });
    case "transpose":
      return op.axes === null ? x.transpose() : x.transpose(...op.axes);
    case "T":
      return x.T;
    case "swapaxes":
      return x.swapaxes(op.a1, op.a2);
    case "moveaxis":
      return moveaxis(x, op.src, op.dst);
    case "squeeze":
      return op.axis === null ? x.squeeze() : x.squeeze(op.axis);
    case "expandDims":
      return expandDims(x, op.axis);
    case "ravel":
      return x.ravel(op.order);
    case "broadcastTo":
      return broadcastTo(x, op.shape);
    case "view":
      return x.view(op.dtype);
    case "sliding":
      return slidingWindowView(x, op.window, op.axis);
    case "diagonal":
      return x.diagonal(op.offset, op.axis1, op.axis2);
    case "atleast":
      return [atleast1d, atleast2d, atleast3d][op.n - 1]!(x);
    case "asStrided":
      return asStrided(x, op.shape, op.strides, { writeable: op.writeable });
    case "split": {
      const fns = { split, arraySplit, hsplit, vsplit, dsplit } as const;
      const parts =
        op.kind === "split" || op.kind === "arraySplit"
          ? fns[op.kind as "split"](x, op.arg, op.axis)
          : fns[op.kind as "hsplit"](x, op.arg);
      expect(parts.length).toBe(op.count);
      return parts[op.pick % parts.length]!;
    }
  }
  throw new Error(`unknown op ${op.op}`);
}

function describeCase(c: Case): string {
  const ops = c.ops.map((o) => (o.op === "get" ? `[${o.str}]` : `${o.op}(${JSON.stringify({ ...o, op: undefined, str: undefined })})`));
  return `${c.root.dtype}${JSON.stringify(c.root.shape)}${c.root.order} ${ops.join(" ")}`;
}

function detail(e: unknown): string {
  const err = e as { message: string; actual?: unknown; expected?: unknown };
  const j = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === "bigint" ? `${x}n` : x));
  return err.actual === undefined ? err.message : `${err.message}\nactual:   ${j(err.actual)}\nexpected: ${j(err.expected)}`;
}

/**
 * Where NumPy returns its input itself (squeeze with nothing to squeeze,
 * atleast_nd with enough axes), stridewise returns a new view of it, so
 * that disposing the result never disposes the input: not owning its data.
 */
function expectedStep(step: Step): Omit<Step, "same"> {
  const { same, ...rest } = step;
  return same ? { ...rest, flags: { ...rest.flags, own: false } } : rest;
}

function replay(c: Case, strings: boolean): void {
  tidy(() => {
    const root = makeArray(c.root.shape, c.root.dtype, c.root.order, false);
    const rootValues = flatValues(root);
    // NumPy gives fresh empty arrays all-zero strides; start from the same descriptor.
    let x = root.strides.every((s, i) => s === c.root.strides[i])
      ? root
      : asStrided(root, c.root.shape, c.root.strides);
    for (let k = 0; k < c.steps.length; k++) {
      const step = c.steps[k]!;
      const op = c.ops[k]!;
      if (step.error) {
        const before = { shape: x.shape.slice(), strides: x.strides.slice(), offset: x.offset, flags: x.flags };
        let err: unknown = null;
        try {
          applyOp(x, op, strings);
        } catch (e) {
          err = e;
        }
        expect(err, "expected an error").toBeInstanceOf(Error);
        expect({ type: (err as Error).name, message: (err as Error).message }).toEqual(step.error);
        expect({ shape: x.shape, strides: x.strides, offset: x.offset, flags: x.flags }).toEqual(before);
        expect(flatValues(root)).toEqual(rootValues);
        return;
      }
      x = applyOp(x, op, strings);
      expect({
        step: k,
        shape: x.shape,
        strides: x.strides,
        offset: x.offset,
        shared: x._mem === root._mem,
        flags: { c: x.flags.cContiguous, f: x.flags.fContiguous, w: x.flags.writeable, own: x.flags.ownData },
      }).toEqual({ step: k, ...expectedStep(step) });
    }
    const dtype = x.dtype;
    expect(flatValues(x)).toEqual(c.values!.map((s) => decode(s, dtype)));
    if (c.write) {
      const w = makeArray(x.shape, dtype, "C", true);
      x.set("...", w);
      expect(flatValues(x)).toEqual(c.write.values.map((s) => decode(s, dtype)));
      expect(flatValues(root)).toEqual(c.write.root.map((s) => decode(s, c.root.dtype)));
    } else if (!c.steps[c.steps.length - 1]!.flags.w) {
      expect(() => x.set("...", 0)).toThrow("assignment destination is read-only");
    }
  });
}

describe(`view chains recorded from NumPy ${fx.numpy}`, () => {
  const hand = fx.cases.slice(0, fx.hand);
  const random = fx.cases.slice(fx.hand);
  it.each(hand.map((c) => [describeCase(c), c] as const))("hand-picked: %s", (_, c) => {
    replay(c, false);
    if (c.ops.some((o) => o.op === "get")) replay(c, true);
  });
  it(`replays ${random.length} seeded random chains of 1-6 operations (index items)`, () => {
    for (const c of random) {
      try {
        replay(c, false);
      } catch (e) {
        throw new Error(`${describeCase(c)}\n${detail(e)}`);
      }
    }
  });
  it(`replays the same chains with every index spelled as one string`, () => {
    for (const c of random) {
      if (!c.ops.some((o) => o.op === "get")) continue;
      try {
        replay(c, true);
      } catch (e) {
        throw new Error(`${describeCase(c)}\n${detail(e)}`);
      }
    }
  });
});

describe("reshape without copying (copy: false), every factorisation of the size", () => {
  it(`matches NumPy on ${fx.reshapeSweep.length} reshapes of non-contiguous views, C and F order`, () => {
    let views = 0;
    for (const c of fx.reshapeSweep) {
      try {
        replay(c, false);
      } catch (e) {
        throw new Error(`${describeCase(c)}\n${detail(e)}`);
      }
      if (!c.steps[c.steps.length - 1]!.error) views++;
    }
    expect(views).toBeGreaterThan(100);
  });
});
