// Reduction kernels: sum, prod, max, min over any set of axes
// (reduce(op, dtype, …)), argmax/argmin (arg_reduce) and cumsum/cumprod
// (accumulate) over contiguous rows, the squared deviations of var/std
// (sqdev_rows). Each export switches on the codes of ../codes.ts.
// Layout: ops.ts (the operations, scalar and vector), pairwise.ts (NumPy's
// float sums), half.ts (float16), rows.ts (row kernels), this file.
//
// ABI of the reductions. The façade (src/ops/reduce.ts) gives the output
// zero strides on the reduced axes, plans the nest with planLoops ordered
// by the input's strides (NumPy's iterator does the same), fills the output
// with the identity, and writes the stride table (../abi.ts) at `t`:
// shape[k], out strides[k], in strides[k], then k counters. The inner axis decides the loop:
//   out stride 0   the inner axis is reduced: out = out + reduce(row), where
//                  a float sum is NumPy's pairwise sum (blocks of 8
//                  accumulators, 128-element leaves) so results are
//                  bit-identical to NumPy's for the same traversal
//   out stride ≠ 0 the inner axis is kept (axis 0 of a C matrix, say): each
//                  input row is added into the output row with SIMD, rows
//                  in order, which is what NumPy's iterator does too
// Products are sequential (NumPy uses no pairwise product); max and min
// propagate NaN.

import { advance, clearCounters, delta, tab } from "../abi";
import { Accumulate, ArgReduce, DType, Reduce } from "../codes";
import { Half, isHalf } from "../cast/half";
import { accumulateHalf, f2h, h2f, pairwiseHalf } from "./half";
import { combine, fne, hasVec, horizontal, pext, vop } from "./ops";
import { pairwise } from "./pairwise";
import { accumulateRows, argReduce, extremumRows4, rowsTail4, sqdevRows } from "./rows";

// ---- one row reduced to one value ----------------------------------------

@inline function rowReduce<T>(op: i32, init: T, a: usize, n: i32, s: i32): T {
  if (op == Reduce.sum && isFloat<T>()) return <T>(init + pairwise<T>(a, n, s));
  const sz = <i32>sizeof<T>();
  let acc = init;
  let i = 0;
  if (isFloat<T>() && (op == Reduce.max || op == Reduce.min) && s == sz) {
    // WebAssembly's NaN-propagating f32x4.max costs several x86 instructions;
    // pmax/pmin are one each. NaN is tracked on the side and wins at the end.
    const L = 16 / sz;
    if (n >= 4 * L) {
      let v0 = v128.load(a);
      let v1 = v128.load(a, 16);
      let v2 = v128.load(a, 32);
      let v3 = v128.load(a, 48);
      let nan = v128.or(v128.or(fne<T>(v0, v0), fne<T>(v1, v1)), v128.or(fne<T>(v2, v2), fne<T>(v3, v3)));
      i = 4 * L;
      for (; i <= n - 4 * L; i += 4 * L) {
        const p = a + <usize>(i * sz);
        const x0 = v128.load(p);
        const x1 = v128.load(p, 16);
        const x2 = v128.load(p, 32);
        const x3 = v128.load(p, 48);
        v0 = pext<T>(op, v0, x0);
        v1 = pext<T>(op, v1, x1);
        v2 = pext<T>(op, v2, x2);
        v3 = pext<T>(op, v3, x3);
        nan = v128.or(nan, v128.or(v128.or(fne<T>(x0, x0), fne<T>(x1, x1)), v128.or(fne<T>(x2, x2), fne<T>(x3, x3))));
      }
      const v = pext<T>(op, pext<T>(op, v0, v1), pext<T>(op, v2, v3));
      acc = combine<T>(op, acc, horizontal<T>(op, v));
      if (v128.any_true(nan)) acc = <T>NaN;
    }
  }
  // Integer sums, products, max and min are order-free: two vector accumulators.
  // Float products stay sequential (NumPy's order).
  if (hasVec<T>(op) && !isFloat<T>() && s == sz) {
    const L = 16 / sz;
    if (n >= 2 * L) {
      let v0 = v128.load(a);
      let v1 = v128.load(a, 16);
      i = 2 * L;
      for (; i <= n - 2 * L; i += 2 * L) {
        const p = a + <usize>(i * sz);
        v0 = vop<T>(op, v0, v128.load(p));
        v1 = vop<T>(op, v1, v128.load(p, 16));
      }
      acc = combine<T>(op, acc, horizontal<T>(op, vop<T>(op, v0, v1)));
    }
  }
  for (; i < n; i++) acc = combine<T>(op, acc, load<T>(a + <usize>(i * s)));
  return acc;
}

// ---- rows into a row buffer ----------------------------------------------

@inline function accumulate<T>(op: i32, o: usize, os: i32, a: usize, as: i32, n: i32): void {
  const sz = <i32>sizeof<T>();
  let i = 0;
  if (hasVec<T>(op) && os == sz && as == sz) {
    const L = 16 / sz;
    for (; i <= n - 4 * L; i += 4 * L) {
      const off = <usize>(i * sz);
      const r0 = vop<T>(op, v128.load(o + off), v128.load(a + off));
      const r1 = vop<T>(op, v128.load(o + off, 16), v128.load(a + off, 16));
      const r2 = vop<T>(op, v128.load(o + off, 32), v128.load(a + off, 32));
      const r3 = vop<T>(op, v128.load(o + off, 48), v128.load(a + off, 48));
      v128.store(o + off, r0);
      v128.store(o + off, r1, 16);
      v128.store(o + off, r2, 32);
      v128.store(o + off, r3, 48);
    }
    for (; i <= n - L; i += L) {
      const off = <usize>(i * sz);
      v128.store(o + off, vop<T>(op, v128.load(o + off), v128.load(a + off)));
    }
  }
  for (; i < n; i++) {
    const po = o + <usize>(i * os);
    store<T>(po, combine<T>(op, load<T>(po), load<T>(a + <usize>(i * as))));
  }
}

/**
 * Eight (or, with `eight` false, four) input rows `rs` bytes apart added
 * into one contiguous output row, in row order per element
 * (((o + r0) + r1) + r2) + …: the same operations as one `accumulate` call
 * per row, with the output loaded and stored once per block (axis 0 of a C
 * matrix, E.mean(0), is load/store bound in L1 on one row at a time).
 * Eight rows beat four by 15–20 % on E.sum(0) (more rows streaming at
 * once); twelve were no better, sixteen worse.
 */
@inline function accumulateBlock<T>(op: i32, o: usize, a: usize, rs: usize, n: i32, eight: bool): void {
  const sz = <i32>sizeof<T>();
  const L = 16 / sz;
  const a1 = a + rs, a2 = a1 + rs, a3 = a2 + rs;
  const a4 = a3 + rs, a5 = a4 + rs, a6 = a5 + rs, a7 = a6 + rs;
  let i = 0;
  for (; i <= n - 2 * L; i += 2 * L) {
    const off = <usize>(i * sz);
    let x = v128.load(o + off);
    let y = v128.load(o + off, 16);
    x = vop<T>(op, x, v128.load(a + off));
    y = vop<T>(op, y, v128.load(a + off, 16));
    x = vop<T>(op, x, v128.load(a1 + off));
    y = vop<T>(op, y, v128.load(a1 + off, 16));
    x = vop<T>(op, x, v128.load(a2 + off));
    y = vop<T>(op, y, v128.load(a2 + off, 16));
    x = vop<T>(op, x, v128.load(a3 + off));
    y = vop<T>(op, y, v128.load(a3 + off, 16));
    if (eight) {
      x = vop<T>(op, x, v128.load(a4 + off));
      y = vop<T>(op, y, v128.load(a4 + off, 16));
      x = vop<T>(op, x, v128.load(a5 + off));
      y = vop<T>(op, y, v128.load(a5 + off, 16));
      x = vop<T>(op, x, v128.load(a6 + off));
      y = vop<T>(op, y, v128.load(a6 + off, 16));
      x = vop<T>(op, x, v128.load(a7 + off));
      y = vop<T>(op, y, v128.load(a7 + off, 16));
    }
    v128.store(o + off, x);
    v128.store(o + off, y, 16);
  }
  rowsTail4<T>(op, false, o, a, a1, a2, a3, i, n);
  if (eight) rowsTail4<T>(op, false, o, a4, a5, a6, a7, i, n);
}

@inline function reduceND<T>(op: i32, o: usize, a: usize, t: usize, k: i32): void {
  const last = k - 1;
  const n = tab(t, 0, k, last);
  const os = tab(t, 1, k, last);
  const is = tab(t, 2, k, last);
  let rows = 1;
  for (let j = 0; j < last; j++) rows *= tab(t, 0, k, j);
  clearCounters(t, 3, k);
  // Rows reduced into one contiguous output row (the output stays put as
  // the outer axis moves): eight rows per pass, then four, then one.
  if (!isHalf<T>() && k == 2 && tab(t, 1, k, 0) == 0 && hasVec<T>(op) && os == <i32>sizeof<T>() && is == <i32>sizeof<T>()) {
    const rs = <usize>tab(t, 2, k, 0);
    if (isFloat<T>() && (op == Reduce.max || op == Reduce.min)) {
      // Past the last row, repeat it (max and min are idempotent); rs may be negative.
      for (let r = 0; r < rows; r += 4) extremumRows4<T>(op, o, a + <usize>r * rs, rs, min(4, rows - r), n);
      return;
    }
    let r = 0;
    for (; r + 8 <= rows; r += 8) {
      accumulateBlock<T>(op, o, a, rs, n, true);
      a += rs << 3;
    }
    if (r + 4 <= rows) {
      accumulateBlock<T>(op, o, a, rs, n, false);
      a += rs << 2;
      r += 4;
    }
    for (; r < rows; r++) {
      accumulate<T>(op, o, os, a, is, n);
      a += rs;
    }
    return;
  }
  for (let r = 0; r < rows; r++) {
    if (isHalf<T>()) {
      // NumPy's half loops: float32 within a call, rounded to float16 at each store.
      if (os == 0) {
        let acc = h2f(load<u16>(o));
        if (op == Reduce.sum) acc += pairwiseHalf(a, n, is);
        else for (let i = 0; i < n; i++) acc *= h2f(load<u16>(a + <usize>(i * is)));
        store<u16>(o, f2h(acc));
      } else {
        for (let i = 0; i < n; i++) {
          const po = o + <usize>(i * os);
          const x = h2f(load<u16>(a + <usize>(i * is)));
          store<u16>(po, f2h(op == Reduce.sum ? h2f(load<u16>(po)) + x : h2f(load<u16>(po)) * x));
        }
      }
    } else if (os == 0) {
      store<T>(o, rowReduce<T>(op, load<T>(o), a, n, is));
    } else {
      accumulate<T>(op, o, os, a, is, n);
    }
    const j = advance(t, k, 2, last);
    if (j < 0) break;
    o += delta(t, k, 1, j, last);
    a += delta(t, k, 2, j, last);
  }
}

// ---- dispatch ----------------------------------------------------------------
// Unsigned sums and products run on the signed loops (same bits), bool on
// uint8: the façade picks the loop dtype. Any other pair traps.

// One function per operation, the code a literal inside, so the optimiser
// specialises each loop on its own (a shared body with the code in a local
// gets its arms merged by binaryen's code folding into one loop that tests
// the operation per element).
function sumLoop<T>(o: usize, a: usize, t: usize, k: i32): void { reduceND<T>(Reduce.sum, o, a, t, k); }
function prodLoop<T>(o: usize, a: usize, t: usize, k: i32): void { reduceND<T>(Reduce.prod, o, a, t, k); }
function maxLoop<T>(o: usize, a: usize, t: usize, k: i32): void { reduceND<T>(Reduce.max, o, a, t, k); }
function minLoop<T>(o: usize, a: usize, t: usize, k: i32): void { reduceND<T>(Reduce.min, o, a, t, k); }
function argmaxRows<T>(o: usize, a: usize, rows: i32, n: i32): void { argReduce<T, u8>(o, a, rows, n); }
function argminRows<T>(o: usize, a: usize, rows: i32, n: i32): void { argReduce<T, i8>(o, a, rows, n); }
function cumsumRows<T>(o: usize, a: usize, rows: i32, n: i32): void {
  if (isHalf<T>()) accumulateHalf(Reduce.sum, o, a, rows, n);
  else accumulateRows<T>(Reduce.sum, o, a, rows, n);
}
function cumprodRows<T>(o: usize, a: usize, rows: i32, n: i32): void {
  if (isHalf<T>()) accumulateHalf(Reduce.prod, o, a, rows, n);
  else accumulateRows<T>(Reduce.prod, o, a, rows, n);
}

function reduceOf<T>(op: i32, o: usize, a: usize, t: usize, k: i32): void {
  switch (op) {
    case Reduce.sum: if (isSigned<T>() || isFloat<T>() || isHalf<T>()) return sumLoop<T>(o, a, t, k); break;
    case Reduce.prod: if (isSigned<T>() || isFloat<T>() || isHalf<T>()) return prodLoop<T>(o, a, t, k); break;
    case Reduce.max: if (!isHalf<T>()) return maxLoop<T>(o, a, t, k); break;
    case Reduce.min: if (!isHalf<T>()) return minLoop<T>(o, a, t, k); break;
  }
  unreachable();
}

/** o op= a over the loop nest at (t, k) in dtype `dtype` (o holds the identity or a start value). */
export function reduce(op: i32, dtype: i32, o: usize, a: usize, t: usize, k: i32): void {
  switch (dtype) {
    case DType.int8: return reduceOf<i8>(op, o, a, t, k);
    case DType.uint8: return reduceOf<u8>(op, o, a, t, k);
    case DType.int16: return reduceOf<i16>(op, o, a, t, k);
    case DType.uint16: return reduceOf<u16>(op, o, a, t, k);
    case DType.int32: return reduceOf<i32>(op, o, a, t, k);
    case DType.uint32: return reduceOf<u32>(op, o, a, t, k);
    case DType.int64: return reduceOf<i64>(op, o, a, t, k);
    case DType.uint64: return reduceOf<u64>(op, o, a, t, k);
    case DType.float32: return reduceOf<f32>(op, o, a, t, k);
    case DType.float64: return reduceOf<f64>(op, o, a, t, k);
    case DType.float16: return reduceOf<Half>(op, o, a, t, k);
  }
  unreachable();
}

function argReduceOf<T>(op: i32, o: usize, a: usize, rows: i32, n: i32): void {
  if (op == ArgReduce.argmax) argmaxRows<T>(o, a, rows, n);
  else argminRows<T>(o, a, rows, n);
}

/** The int64 index of the first extreme of each of `rows` contiguous rows of n (the first NaN wins). */
export function arg_reduce(op: i32, dtype: i32, o: usize, a: usize, rows: i32, n: i32): void {
  switch (dtype) {
    case DType.int8: return argReduceOf<i8>(op, o, a, rows, n);
    case DType.uint8: return argReduceOf<u8>(op, o, a, rows, n);
    case DType.int16: return argReduceOf<i16>(op, o, a, rows, n);
    case DType.uint16: return argReduceOf<u16>(op, o, a, rows, n);
    case DType.int32: return argReduceOf<i32>(op, o, a, rows, n);
    case DType.uint32: return argReduceOf<u32>(op, o, a, rows, n);
    case DType.int64: return argReduceOf<i64>(op, o, a, rows, n);
    case DType.uint64: return argReduceOf<u64>(op, o, a, rows, n);
    case DType.float32: return argReduceOf<f32>(op, o, a, rows, n);
    case DType.float64: return argReduceOf<f64>(op, o, a, rows, n);
  }
  unreachable();
}

function accumulateOf<T>(op: i32, o: usize, a: usize, rows: i32, n: i32): void {
  if (op == Accumulate.cumsum) cumsumRows<T>(o, a, rows, n);
  else cumprodRows<T>(o, a, rows, n);
}

/** Running sums (products) along each of `rows` contiguous rows of n; o may equal a. int64, float16/32/64. */
export function accumulate_rows(op: i32, dtype: i32, o: usize, a: usize, rows: i32, n: i32): void {
  switch (dtype) {
    case DType.int64: return accumulateOf<i64>(op, o, a, rows, n);
    case DType.float16: return accumulateOf<Half>(op, o, a, rows, n);
    case DType.float32: return accumulateOf<f32>(op, o, a, rows, n);
    case DType.float64: return accumulateOf<f64>(op, o, a, rows, n);
  }
  unreachable();
}

/** o[j] += (a[r, j] - m[j])² over `rows` C rows of n, float32 or float64 (var/std over axis 0). */
export function sqdev_rows(dtype: i32, o: usize, a: usize, m: usize, rows: i32, n: i32): void {
  if (dtype == DType.float32) sqdevRows<f32>(o, a, m, rows, n);
  else if (dtype == DType.float64) sqdevRows<f64>(o, a, m, rows, n);
  else unreachable();
}
