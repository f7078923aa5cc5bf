// NumPy's basic index grammar for `get` / `set`: integers, slices, newaxis
// and ellipsis, each giving a view by descriptor arithmetic alone.
//
// The hot path is `E.get(":, :2")`: one Map lookup for the parsed string,
// then one pass that builds the new shape, strides and offset. No regex, no
// Proxy, no allocation besides the two small arrays of the new descriptor.
// Strings are parsed once (a regex checks integers there) and cached.
//
// Advanced indexing (integer and boolean arrays) is not a view: `basicIndex`
// answers null for an index with such components, and src/ops/indexing.ts
// hands those to the gather kernels.

import { DTypeError, IndexError, ValueError } from "../core/errors.js";
import type { TypedArray } from "../core/dtype.js";
import { makeView, type NDArray, type NestedArray } from "../core/ndarray.js";
import { checkIndexedDims } from "../core/layout.js";

/**
 * A slice `start:stop:step`; null parts take NumPy's defaults.
 * @example a.get(slice(1, null, 2)) // a[1::2]
 */
export class Slice {
  /** Throws DTypeError (NumPy's TypeError) unless every part is an integer or null. */
  constructor(
    readonly start: number | null,
    readonly stop: number | null,
    readonly step: number | null,
  ) {
    if (
      (start !== null && !Number.isInteger(start)) ||
      (stop !== null && !Number.isInteger(stop)) ||
      (step !== null && !Number.isInteger(step))
    ) {
      throw sliceTypeError();
    }
  }
}

/** `slice(stop)` or `slice(start, stop, step?)`, as Python's. @example slice(null, null, -1) // ::-1 */
export function slice(start?: number | null, stop?: number | null, step?: number | null): Slice {
  return stop === undefined && step === undefined ? new Slice(null, start ?? null, null) : new Slice(start ?? null, stop ?? null, step ?? null);
}

/** NumPy's `newaxis`: inserts an axis of length 1. */
export const newaxis = null;

/**
 * One component of an index: an integer, a slice (a `Slice` or a string such
 * as `":2"`, `"::-1"`, or a whole comma-separated index `":, :256"`), newaxis
 * (`null`, or `"None"` / `"newaxis"` inside a string), `"..."`, or an
 * advanced index: an integer array (JS array, nested arrays, TypedArray or
 * integer NDArray), a boolean array (mask), or `true` / `false`.
 */
export type IndexItem = number | string | Slice | null | boolean | NDArray | TypedArray | NestedArray;

/** A parsed component: what strings turn into. "..." stays the ellipsis marker. */
type Component = number | Slice | null | "...";

const INVALID_INDEX =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

// ---- Parsing index strings (once per distinct string) ----

/**
 * An index ready to apply: its components and what one pass over them
 * learns (how many axes they consume, how many they add), so that applying
 * a cached string index is a single loop.
 */
interface Plan {
  readonly items: readonly Component[];
  /** Integers and slices: the axes of the array they consume. */
  readonly consumed: number;
  /** Integers: consumed axes that do not appear in the result. */
  readonly ints: number;
  /** newaxis entries: added axes. */
  readonly newaxes: number;
}

const CACHE_LIMIT = 1024;
const plans = new Map<string, Plan>();
const INTEGER = /^[+-]?\d+$/;
const ELLIPSIS_PLAN: Plan = { items: ["..."], consumed: 0, ints: 0, newaxes: 0 };
const EMPTY_PLAN: Plan = { items: [], consumed: 0, ints: 0, newaxes: 0 }; // the memo's initial value

// A number Python would read as a float ("0.0", "1.5", "1e3").
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseInteger(text: string, whole: string, inSlice = false): number {
  if (!INTEGER.test(text)) {
    // A float is a TypeError in a slice and an invalid index alone, in NumPy's words.
    if (FLOAT.test(text)) throw inSlice ? sliceTypeError() : new IndexError(INVALID_INDEX);
    throw new IndexError(
      `invalid index string '${whole}': '${text}' is not an integer (expected integers, slices such as '1:5:2', '...', 'None', separated by commas)`,
    );
  }
  return Number(text);
}

function parseComponent(text: string, whole: string): Component {
  const t = text.trim();
  if (t === "...") return "...";
  if (t === "None" || t === "newaxis") return null;
  if (t.includes(":")) {
    const parts = t.split(":");
    if (parts.length > 3) throw new IndexError(`invalid index string '${whole}': '${t}' has more than two ':'`);
    const num = (k: number): number | null => {
      const p = parts[k]?.trim() ?? "";
      return p === "" ? null : parseInteger(p, whole, true);
    };
    return new Slice(num(0), num(1), num(2));
  }
  return parseInteger(t, whole);
}

/**
 * @internal The components of an index string such as `":, 1:5:2, ..., None"`
 * (cached; callers must not mutate the result). IndexError for text that is
 * not an index.
 */
export function parseIndexString(s: string): readonly Component[] {
  return planOf(s).items;
}

// The last string seen: a loop indexing with one literal skips even the Map.
let lastString = "";
let lastPlan: Plan = EMPTY_PLAN;

function planOf(s: string): Plan {
  if (s === lastString) return lastPlan;
  let plan = plans.get(s);
  if (plan === undefined) {
    if (s.trim() === "") throw new IndexError(`invalid index string '': expected at least one component`);
    const parts = s.split(",");
    // A trailing comma makes a tuple in Python ("0," is (0,)): ignore one empty last part.
    if (parts.length > 1 && parts[parts.length - 1]!.trim() === "") parts.pop();
    plan = planItems(parts.map((p) => parseComponent(p, s)));
    if (plans.size >= CACHE_LIMIT) plans.clear();
    plans.set(s, plan);
  }
  lastString = s;
  lastPlan = plan;
  return plan;
}

// What `countItems` learns, in plain numbers: storing the caller's index
// array into a long-lived object would cost a write barrier per call.
let countedConsumed = 0;
let countedInts = 0;
let countedNewaxes = 0;

/**
 * Counts a list of index items (strings expanded) into the `counted*`
 * variables and returns the items, or null when some item is not basic
 * (advanced indexing). IndexError for a second ellipsis or a non-integer number.
 */
function countItems(index: readonly unknown[]): readonly Component[] | null {
  let consumed = 0;
  let ints = 0;
  let newaxes = 0;
  let ellipses = 0;
  for (let k = 0; k < index.length; k++) {
    const it = index[k];
    if (typeof it === "number") {
      if (!Number.isInteger(it)) throw new IndexError(INVALID_INDEX);
      consumed++;
      ints++;
    } else if (it === null) newaxes++;
    else if (it instanceof Slice) consumed++;
    else if (it === "...") {
      if (++ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
    } else if (typeof it === "string") {
      // A string inside a longer index: splice its components in, then count again.
      const out: Component[] = [];
      for (const x of index) {
        if (typeof x === "string" && x !== "...") out.push(...planOf(x).items);
        else out.push(x as Component);
      }
      return countItems(out);
    } else return null;
  }
  countedConsumed = consumed;
  countedInts = ints;
  countedNewaxes = newaxes;
  return index as readonly Component[];
}

/** The plan of a list of basic components (what strings parse to). */
function planItems(components: readonly Component[]): Plan {
  const items = countItems(components)!;
  return { items, consumed: countedConsumed, ints: countedInts, newaxes: countedNewaxes };
}

// ---- Slices ----

/**
 * Python's slice.indices(length) plus the slice length, written into `out`:
 * [start, step, length]; an empty slice is [0, 1, 0], as NumPy views it.
 */
export function adjustSlice(s: Slice, length: number, out: number[]): void {
  const start = s.start;
  const stop = s.stop;
  let step = s.step;
  if (step === null) step = 1;
  if (step === 0) throw new ValueError("slice step cannot be zero");
  let lo: number;
  let hi: number;
  if (start === null) lo = step < 0 ? length - 1 : 0;
  else {
    lo = start;
    if (lo < 0) {
      lo += length;
      if (lo < 0) lo = step < 0 ? -1 : 0;
    } else if (lo >= length) lo = step < 0 ? length - 1 : length;
  }
  if (stop === null) hi = step < 0 ? -1 : length;
  else {
    hi = stop;
    if (hi < 0) {
      hi += length;
      if (hi < 0) hi = step < 0 ? -1 : 0;
    } else if (hi >= length) hi = step < 0 ? length - 1 : length;
  }
  let n = 0;
  if (step < 0) {
    if (hi < lo) n = Math.floor((lo - hi - 1) / -step) + 1;
  } else if (lo < hi) n = Math.floor((hi - lo - 1) / step) + 1;
  if (n === 0) {
    // NumPy points an empty slice at the axis start with the axis' own stride.
    lo = 0;
    step = 1;
  }
  out[0] = lo;
  out[1] = step;
  out[2] = n;
}

function sliceTypeError(): DTypeError {
  return new DTypeError("slice indices must be integers or None or have an __index__ method");
}

/**
 * @internal `a[start:stop:step]` along one axis (the other axes untouched), as
 * the split family needs it. Python's clamping rules; a view.
 */
export function sliceAxis(a: NDArray, axis: number, start: number | null, stop: number | null, step: number | null = null): NDArray {
  const adj = [0, 0, 0];
  adjustSlice(new Slice(start, stop, step), a.shape[axis]!, adj);
  const shape = a.shape.slice();
  const strides = a.strides.slice();
  shape[axis] = adj[2]!;
  strides[axis] = adj[1]! * a.strides[axis]! + 0;
  return makeView(a, shape, strides, a.offset + adj[0]! * a.strides[axis]!);
}

// ---- get ----

const adj = [0, 0, 0];

/**
 * @internal `a[index]` for a basic index: a view (an integer on every axis
 * gives a 0-d view), or null when the index has advanced components.
 * Throws IndexError (out of bounds, too many indices, two ellipses, invalid
 * component), ValueError (zero step), DTypeError (non-integer slice part).
 */
export function basicIndex(a: NDArray, index: readonly IndexItem[]): NDArray | null {
  if (index.length === 1) {
    // One component is the common case (`E[None]`, `E[3]`, `E[":, :2"]`):
    // its counts are known without the general counting pass.
    const it = index[0];
    if (typeof it === "string") {
      const plan = it === "..." ? ELLIPSIS_PLAN : planOf(it);
      return applyPlan(a, plan.items, plan.consumed, plan.ints, plan.newaxes);
    }
    if (it === null) return newaxisFirst(a);
  }
  const items = countItems(index);
  if (items === null) return null;
  return applyPlan(a, items, countedConsumed, countedInts, countedNewaxes);
}

/** @internal True when an index has advanced components (integer or boolean arrays, booleans). */
export function isAdvanced(index: readonly IndexItem[]): boolean {
  return !(index.length === 1 && typeof index[0] === "string") && countItems(index) === null;
}

function applyPlan(a: NDArray, items: readonly Component[], consumed: number, ints: number, newaxes: number): NDArray {
  const srcShape = a.shape;
  const srcStrides = a.strides;
  const ndim = srcShape.length;
  if (consumed > ndim) {
    throw new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${consumed} were indexed`);
  }
  const n = items.length;
  const outNdim = ndim - ints + newaxes;
  checkIndexedDims(outNdim);
  const shape = new Array<number>(outNdim);
  const strides = new Array<number>(outNdim);
  let offset = a.offset;
  let ax = 0;
  let o = 0;
  for (let k = 0; k < n; k++) {
    const it = items[k]!;
    if (typeof it === "number") {
      const size = srcShape[ax]!;
      const j = it < 0 ? it + size : it;
      if (j < 0 || j >= size) throw new IndexError(`index ${it} is out of bounds for axis ${ax} with size ${size}`);
      offset += j * srcStrides[ax]!;
      ax++;
    } else if (it === null) {
      shape[o] = 1;
      strides[o++] = 0;
    } else if (it === "...") {
      for (const end = ax + ndim - consumed; ax < end; ax++) {
        shape[o] = srcShape[ax]!;
        strides[o++] = srcStrides[ax]!;
      }
    } else {
      adjustSlice(it, srcShape[ax]!, adj);
      const s = srcStrides[ax]!;
      shape[o] = adj[2]!;
      strides[o++] = adj[1]! * s + 0; // + 0: a zero stride stepped backwards is -0, which NumPy does not have
      offset += adj[0]! * s;
      ax++;
    }
  }
  for (; ax < ndim; ax++) {
    shape[o] = srcShape[ax]!;
    strides[o++] = srcStrides[ax]!;
  }
  return makeView(a, shape, strides, offset);
}

/** `a[None]`: a length-1 axis in front. */
function newaxisFirst(a: NDArray): NDArray {
  const ndim = a.shape.length;
  checkIndexedDims(ndim + 1);
  // A matrix is the common case; array literals are cheaper to make than sized arrays filled in a loop.
  if (ndim === 2) return makeView(a, [1, a.shape[0]!, a.shape[1]!], [0, a.strides[0]!, a.strides[1]!], a.offset);
  const shape = new Array<number>(ndim + 1);
  const strides = new Array<number>(ndim + 1);
  shape[0] = 1;
  strides[0] = 0;
  for (let i = 0; i < ndim; i++) {
    shape[i + 1] = a.shape[i]!;
    strides[i + 1] = a.strides[i]!;
  }
  return makeView(a, shape, strides, a.offset);
}

/** The components of an index with every basic string expanded (strings inside are parsed and cached). */
export function expandStrings(items: readonly unknown[]): readonly unknown[] {
  let any = false;
  for (const it of items) if (typeof it === "string" && it !== "...") any = true;
  if (!any) return items;
  const out: unknown[] = [];
  for (const x of items) {
    if (typeof x === "string" && x !== "...") out.push(...planOf(x).items);
    else out.push(x);
  }
  return out;
}
