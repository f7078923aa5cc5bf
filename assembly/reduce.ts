// Reduction kernels: sum, prod, max, min over any set of axes
// (`<op>_reduce_<dtype>`), argmax/argmin and cumsum/cumprod over the last
// axis of contiguous rows.
//
// ABI of the reductions. The façade (src/ops/reduce.ts) gives the output
// zero strides on the reduced axes, plans the nest with planLoops ordered
// by the input's strides (NumPy's iterator does the same), fills the output
// with the identity, and writes at `t`: shape[k], in strides[k], out
// strides[k], then k counters. The inner axis decides the loop:
//   out stride 0   the inner axis is reduced: out = out + reduce(row), where
//                  a float sum is NumPy's pairwise sum (blocks of 8
//                  accumulators, 128-element leaves) so results are
//                  bit-identical to NumPy's for the same traversal
//   out stride ≠ 0 the inner axis is kept (axis 0 of a C matrix, say): each
//                  input row is added into the output row with SIMD, rows
//                  in order, which is what NumPy's iterator does too
// Products are sequential (NumPy uses no pairwise product); max and min
// propagate NaN.

const SUM = 0;
const PROD = 1;
const MAX = 2;
const MIN = 3;

@inline function combine<T>(op: i32, x: T, y: T): T {
  if (op == SUM) return <T>(x + y);
  if (op == PROD) return <T>(x * y);
  if (op == MAX) {
    if (isFloat<T>()) return max<T>(x, y);
    return x > y ? x : y;
  }
  if (isFloat<T>()) return min<T>(x, y);
  return x < y ? x : y;
}

@inline function hasVec<T>(op: i32): bool {
  if (op == SUM) return true;
  if (op == PROD) return isFloat<T>() || sizeof<T>() == 2 || sizeof<T>() == 4;
  return isFloat<T>() || sizeof<T>() < 8;
}

@inline function vop<T>(op: i32, x: v128, y: v128): v128 {
  if (isFloat<T>()) {
    if (sizeof<T>() == 4) {
      if (op == SUM) return f32x4.add(x, y);
      if (op == PROD) return f32x4.mul(x, y);
      if (op == MAX) return f32x4.max(x, y);
      return f32x4.min(x, y);
    }
    if (op == SUM) return f64x2.add(x, y);
    if (op == PROD) return f64x2.mul(x, y);
    if (op == MAX) return f64x2.max(x, y);
    return f64x2.min(x, y);
  }
  if (sizeof<T>() == 1) {
    if (op == SUM) return i8x16.add(x, y);
    if (op == MAX) return isSigned<T>() ? i8x16.max_s(x, y) : i8x16.max_u(x, y);
    return isSigned<T>() ? i8x16.min_s(x, y) : i8x16.min_u(x, y);
  }
  if (sizeof<T>() == 2) {
    if (op == SUM) return i16x8.add(x, y);
    if (op == PROD) return i16x8.mul(x, y);
    if (op == MAX) return isSigned<T>() ? i16x8.max_s(x, y) : i16x8.max_u(x, y);
    return isSigned<T>() ? i16x8.min_s(x, y) : i16x8.min_u(x, y);
  }
  if (sizeof<T>() == 4) {
    if (op == SUM) return i32x4.add(x, y);
    if (op == PROD) return i32x4.mul(x, y);
    if (op == MAX) return isSigned<T>() ? i32x4.max_s(x, y) : i32x4.max_u(x, y);
    return isSigned<T>() ? i32x4.min_s(x, y) : i32x4.min_u(x, y);
  }
  return i64x2.add(x, y);
}

// ---- NumPy's pairwise summation -----------------------------------------

/**
 * NumPy's eight-accumulator leaf over a strided run of `m` elements (m a
 * multiple of 8, at least 8): r[j] sums elements j, j+8, j+16, …, and the
 * eight are combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)).
 */
@inline function strided8<T>(a: usize, m: i32, s: i32): T {
  const ss = <usize>s;
  let r0 = load<T>(a), r1 = load<T>(a + ss), r2 = load<T>(a + 2 * ss), r3 = load<T>(a + 3 * ss);
  let r4 = load<T>(a + 4 * ss), r5 = load<T>(a + 5 * ss), r6 = load<T>(a + 6 * ss), r7 = load<T>(a + 7 * ss);
  for (let i = 8; i < m; i += 8) {
    const p = a + <usize>(i * s);
    r0 += load<T>(p);
    r1 += load<T>(p + ss);
    r2 += load<T>(p + 2 * ss);
    r3 += load<T>(p + 3 * ss);
    r4 += load<T>(p + 4 * ss);
    r5 += load<T>(p + 5 * ss);
    r6 += load<T>(p + 6 * ss);
    r7 += load<T>(p + 7 * ss);
  }
  return ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
}

/** NumPy's FLOAT_pairwise_sum: the lanes of two vectors are its r[0..7]. */
function pairwiseF32(a: usize, n: i32, s: i32): f32 {
  if (n < 8) {
    let res: f32 = 0;
    for (let i = 0; i < n; i++) res += load<f32>(a + <usize>(i * s));
    return res;
  }
  if (n <= 128) {
    const m = n - (n % 8);
    let res: f32;
    let i = 8;
    if (s == 4) {
      let v0 = v128.load(a);
      let v1 = v128.load(a, 16);
      for (; i < m; i += 8) {
        v0 = f32x4.add(v0, v128.load(a + (<usize>i << 2)));
        v1 = f32x4.add(v1, v128.load(a + (<usize>i << 2), 16));
      }
      res = ((f32x4.extract_lane(v0, 0) + f32x4.extract_lane(v0, 1)) + (f32x4.extract_lane(v0, 2) + f32x4.extract_lane(v0, 3))) +
        ((f32x4.extract_lane(v1, 0) + f32x4.extract_lane(v1, 1)) + (f32x4.extract_lane(v1, 2) + f32x4.extract_lane(v1, 3)));
    } else {
      res = strided8<f32>(a, m, s);
      i = m;
    }
    for (; i < n; i++) res += load<f32>(a + <usize>(i * s));
    return res;
  }
  let n2 = n / 2;
  n2 -= n2 % 8;
  return pairwiseF32(a, n2, s) + pairwiseF32(a + <usize>(n2 * s), n - n2, s);
}

/** NumPy's DOUBLE_pairwise_sum: four vectors of two lanes are its r[0..7]. */
function pairwiseF64(a: usize, n: i32, s: i32): f64 {
  if (n < 8) {
    let res: f64 = 0;
    for (let i = 0; i < n; i++) res += load<f64>(a + <usize>(i * s));
    return res;
  }
  if (n <= 128) {
    const m = n - (n % 8);
    let res: f64;
    let i = 8;
    if (s == 8) {
      let v0 = v128.load(a);
      let v1 = v128.load(a, 16);
      let v2 = v128.load(a, 32);
      let v3 = v128.load(a, 48);
      for (; i < m; i += 8) {
        const p = a + (<usize>i << 3);
        v0 = f64x2.add(v0, v128.load(p));
        v1 = f64x2.add(v1, v128.load(p, 16));
        v2 = f64x2.add(v2, v128.load(p, 32));
        v3 = f64x2.add(v3, v128.load(p, 48));
      }
      res = ((f64x2.extract_lane(v0, 0) + f64x2.extract_lane(v0, 1)) + (f64x2.extract_lane(v1, 0) + f64x2.extract_lane(v1, 1))) +
        ((f64x2.extract_lane(v2, 0) + f64x2.extract_lane(v2, 1)) + (f64x2.extract_lane(v3, 0) + f64x2.extract_lane(v3, 1)));
    } else {
      res = strided8<f64>(a, m, s);
      i = m;
    }
    for (; i < n; i++) res += load<f64>(a + <usize>(i * s));
    return res;
  }
  let n2 = n / 2;
  n2 -= n2 % 8;
  return pairwiseF64(a, n2, s) + pairwiseF64(a + <usize>(n2 * s), n - n2, s);
}

// ---- one row reduced to one value ----------------------------------------

@inline function rowReduce<T>(op: i32, init: T, a: usize, n: i32, s: i32): T {
  if (op == SUM && isFloat<T>()) {
    if (sizeof<T>() == 4) return <T>(init + <T>pairwiseF32(a, n, s));
    return <T>(init + <T>pairwiseF64(a, n, s));
  }
  const sz = <i32>sizeof<T>();
  let acc = init;
  let i = 0;
  if (isFloat<T>() && (op == MAX || op == MIN) && s == sz) {
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

@inline function fne<T>(x: v128, y: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.ne(x, y) : f64x2.ne(x, y);
}

/** Pseudo max/min (x86's maxps/minps): ignores NaN in the second operand; the callers track NaN. */
@inline function pext<T>(op: i32, x: v128, y: v128): v128 {
  if (sizeof<T>() == 4) return op == MAX ? f32x4.pmax(x, y) : f32x4.pmin(x, y);
  return op == MAX ? f64x2.pmax(x, y) : f64x2.pmin(x, y);
}

/** Folds the lanes of `v` with `op` by swapping halves, then quarters, … */
@inline function horizontal<T>(op: i32, v: v128): T {
  v = vop<T>(op, v, i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
  if (sizeof<T>() <= 4) v = vop<T>(op, v, i8x16.shuffle(v, v, 4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11));
  if (sizeof<T>() <= 2) v = vop<T>(op, v, i8x16.shuffle(v, v, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
  if (sizeof<T>() == 1) v = vop<T>(op, v, i8x16.shuffle(v, v, 1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
  return v128.extract_lane<T>(v, 0);
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

@inline function tab(t: usize, row: i32, k: i32, j: i32): i32 {
  return load<i32>(t + ((<usize>(row * k + j)) << 2));
}

@inline function reduce<T>(op: i32, o: usize, a: usize, t: usize, k: i32): void {
  const last = k - 1;
  const n = tab(t, 0, k, last);
  const is = tab(t, 1, k, last);
  const os = tab(t, 2, k, last);
  let rows = 1;
  for (let j = 0; j < last; j++) {
    rows *= tab(t, 0, k, j);
    store<i32>(t + ((<usize>(3 * k + j)) << 2), 0);
  }
  for (let r = 0; r < rows; r++) {
    if (os == 0) store<T>(o, rowReduce<T>(op, load<T>(o), a, n, is));
    else accumulate<T>(op, o, os, a, is, n);
    for (let j = last - 1; j >= 0; j--) {
      const idx = t + ((<usize>(3 * k + j)) << 2);
      const i = load<i32>(idx) + 1;
      const len = tab(t, 0, k, j);
      if (i < len) {
        store<i32>(idx, i);
        a += <usize>tab(t, 1, k, j);
        o += <usize>tab(t, 2, k, j);
        break;
      }
      store<i32>(idx, 0);
      a -= <usize>(tab(t, 1, k, j) * (len - 1));
      o -= <usize>(tab(t, 2, k, j) * (len - 1));
    }
  }
}

// ---- squared deviations (var/std over axis 0) -----------------------------

/** x - y lane-wise for float T (the reductions' `vop` has no subtraction). */
@inline function fsub<T>(x: v128, y: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.sub(x, y) : f64x2.sub(x, y);
}

/**
 * o[j] += (a[r, j] - m[j])² for the `rows` C rows of `n` in order: NumPy's
 * var over axis 0 (deviations, their squares, an axis-0 sum, each rounded
 * to T as there) in one pass, without the deviations array.
 */
@inline function sqdevRows<T>(o: usize, a: usize, m: usize, rows: i32, n: i32): void {
  const sz = <i32>sizeof<T>();
  const L = 16 / sz;
  for (let r = 0; r < rows; r++) {
    const p = a + <usize>(r * n * sz);
    let j = 0;
    for (; j <= n - 2 * L; j += 2 * L) {
      const off = <usize>(j * sz);
      const d0 = fsub<T>(v128.load(p + off), v128.load(m + off));
      const d1 = fsub<T>(v128.load(p + off, 16), v128.load(m + off, 16));
      v128.store(o + off, vop<T>(SUM, v128.load(o + off), vop<T>(PROD, d0, d0)));
      v128.store(o + off, vop<T>(SUM, v128.load(o + off, 16), vop<T>(PROD, d1, d1)), 16);
    }
    for (; j < n; j++) {
      const off = <usize>(j * sz);
      const d = <T>(load<T>(p + off) - load<T>(m + off));
      store<T>(o + off, <T>(load<T>(o + off) + <T>(d * d)));
    }
  }
}

export function sqdev_rows_float32(o: usize, a: usize, m: usize, rows: i32, n: i32): void { sqdevRows<f32>(o, a, m, rows, n); }
export function sqdev_rows_float64(o: usize, a: usize, m: usize, rows: i32, n: i32): void { sqdevRows<f64>(o, a, m, rows, n); }

// ---- arg reductions and accumulations over contiguous rows ---------------

/** Index of the first maximum (or minimum) of each of `rows` rows of `n`; the first NaN wins. */
@inline function argReduce<T>(isMax: bool, o: usize, a: usize, rows: i32, n: i32): void {
  const sz = <usize>sizeof<T>();
  for (let r = 0; r < rows; r++) {
    const p = a + <usize>r * <usize>n * sz;
    let best = load<T>(p);
    let bi = 0;
    if (!(isFloat<T>() && best != best)) {
      for (let i = 1; i < n; i++) {
        const x = load<T>(p + <usize>i * sz);
        if (isFloat<T>() && x != x) {
          bi = i;
          break;
        }
        if (isMax ? x > best : x < best) {
          best = x;
          bi = i;
        }
      }
    }
    store<i64>(o + (<usize>r << 3), <i64>bi);
  }
}

/** Running sum (or product) along each of `rows` contiguous rows of `n`; o may equal a. */
@inline function accumulateRows<T>(op: i32, o: usize, a: usize, rows: i32, n: i32): void {
  const sz = <usize>sizeof<T>();
  for (let r = 0; r < rows; r++) {
    const base = <usize>r * <usize>n * sz;
    let acc = load<T>(a + base);
    store<T>(o + base, acc);
    for (let i = 1; i < n; i++) {
      const off = base + <usize>i * sz;
      acc = combine<T>(op, acc, load<T>(a + off));
      store<T>(o + off, acc);
    }
  }
}

// ---- float16: NumPy's half loops -----------------------------------------
// NumPy reduces float16 in float32 within one inner loop and rounds to
// float16 when it stores: out = half(float(out) + pairwise32(row)), and,
// when the inner axis is kept, out[j] = half(float(out[j]) + float(in[j]))
// for every row. Elements are u16 bit patterns here.

@inline function h2f(h: u32): f32 {
  const s = (h & 0x8000) << 16;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e == 0x1f) return reinterpret<f32>(s | 0x7f800000 | (m << 13));
  if (e == 0) {
    const v = <f32>m * 5.9604644775390625e-8;
    return s != 0 ? -v : v;
  }
  return reinterpret<f32>(s | ((e + 112) << 23) | (m << 13));
}

/** float32 -> float16 bits, round to nearest even (NaN stays NaN, quiet). */
@inline function f2h(x: f32): u16 {
  const b = reinterpret<u32>(x);
  const s = (b >> 16) & 0x8000;
  let a = b & 0x7fffffff;
  if (a >= 0x7f800000) return <u16>(s | 0x7c00 | (a > 0x7f800000 ? 0x200 | ((a >> 13) & 0x3ff) : 0));
  if (a >= 0x477ff000) return <u16>(s | 0x7c00);
  if (a < 0x38800000) return <u16>(s | <u32>nearest<f32>(reinterpret<f32>(a) * 16777216.0));
  a = a + 0xfff + ((a >> 13) & 1);
  return <u16>(s | ((a - 0x38000000) >> 13));
}

/** NumPy's HALF_pairwise_sum: float32 accumulators over float16 elements. */
function pairwiseHalf(a: usize, n: i32, s: i32): f32 {
  if (n < 8) {
    let res: f32 = 0;
    for (let i = 0; i < n; i++) res += h2f(load<u16>(a + <usize>(i * s)));
    return res;
  }
  if (n <= 128) {
    const ss = <usize>s;
    let r0 = h2f(load<u16>(a)), r1 = h2f(load<u16>(a + ss)), r2 = h2f(load<u16>(a + 2 * ss)), r3 = h2f(load<u16>(a + 3 * ss));
    let r4 = h2f(load<u16>(a + 4 * ss)), r5 = h2f(load<u16>(a + 5 * ss)), r6 = h2f(load<u16>(a + 6 * ss)), r7 = h2f(load<u16>(a + 7 * ss));
    const m = n - (n % 8);
    let i = 8;
    for (; i < m; i += 8) {
      const p = a + <usize>(i * s);
      r0 += h2f(load<u16>(p));
      r1 += h2f(load<u16>(p + ss));
      r2 += h2f(load<u16>(p + 2 * ss));
      r3 += h2f(load<u16>(p + 3 * ss));
      r4 += h2f(load<u16>(p + 4 * ss));
      r5 += h2f(load<u16>(p + 5 * ss));
      r6 += h2f(load<u16>(p + 6 * ss));
      r7 += h2f(load<u16>(p + 7 * ss));
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += h2f(load<u16>(a + <usize>(i * s)));
    return res;
  }
  let n2 = n / 2;
  n2 -= n2 % 8;
  return pairwiseHalf(a, n2, s) + pairwiseHalf(a + <usize>(n2 * s), n - n2, s);
}

@inline function reduceHalf(op: i32, o: usize, a: usize, t: usize, k: i32): void {
  const last = k - 1;
  const n = tab(t, 0, k, last);
  const is = tab(t, 1, k, last);
  const os = tab(t, 2, k, last);
  let rows = 1;
  for (let j = 0; j < last; j++) {
    rows *= tab(t, 0, k, j);
    store<i32>(t + ((<usize>(3 * k + j)) << 2), 0);
  }
  for (let r = 0; r < rows; r++) {
    if (os == 0) {
      let acc = h2f(load<u16>(o));
      if (op == SUM) acc += pairwiseHalf(a, n, is);
      else for (let i = 0; i < n; i++) acc *= h2f(load<u16>(a + <usize>(i * is)));
      store<u16>(o, f2h(acc));
    } else {
      for (let i = 0; i < n; i++) {
        const po = o + <usize>(i * os);
        const x = h2f(load<u16>(a + <usize>(i * is)));
        store<u16>(po, f2h(op == SUM ? h2f(load<u16>(po)) + x : h2f(load<u16>(po)) * x));
      }
    }
    for (let j = last - 1; j >= 0; j--) {
      const idx = t + ((<usize>(3 * k + j)) << 2);
      const i = load<i32>(idx) + 1;
      const len = tab(t, 0, k, j);
      if (i < len) {
        store<i32>(idx, i);
        a += <usize>tab(t, 1, k, j);
        o += <usize>tab(t, 2, k, j);
        break;
      }
      store<i32>(idx, 0);
      a -= <usize>(tab(t, 1, k, j) * (len - 1));
      o -= <usize>(tab(t, 2, k, j) * (len - 1));
    }
  }
}

/** Running sum (product) of float16 rows, rounded to float16 at every step as NumPy's accumulate. */
@inline function accumulateHalf(op: i32, o: usize, a: usize, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) {
    const base = (<usize>r * <usize>n) << 1;
    let acc = load<u16>(a + base);
    store<u16>(o + base, acc);
    for (let i = 1; i < n; i++) {
      const off = base + (<usize>i << 1);
      const x = h2f(load<u16>(a + off));
      acc = f2h(op == SUM ? h2f(acc) + x : h2f(acc) * x);
      store<u16>(o + off, acc);
    }
  }
}

export function sum_reduce_float16(o: usize, a: usize, t: usize, k: i32): void { reduceHalf(SUM, o, a, t, k); }
export function prod_reduce_float16(o: usize, a: usize, t: usize, k: i32): void { reduceHalf(PROD, o, a, t, k); }
export function cumsum_float16(o: usize, a: usize, rows: i32, n: i32): void { accumulateHalf(SUM, o, a, rows, n); }
export function cumprod_float16(o: usize, a: usize, rows: i32, n: i32): void { accumulateHalf(PROD, o, a, rows, n); }

// ---- exports -------------------------------------------------------------

export function sum_reduce_int8(o: usize, a: usize, t: usize, k: i32): void { reduce<i8>(SUM, o, a, t, k); }
export function sum_reduce_int16(o: usize, a: usize, t: usize, k: i32): void { reduce<i16>(SUM, o, a, t, k); }
export function sum_reduce_int32(o: usize, a: usize, t: usize, k: i32): void { reduce<i32>(SUM, o, a, t, k); }
export function sum_reduce_int64(o: usize, a: usize, t: usize, k: i32): void { reduce<i64>(SUM, o, a, t, k); }
export function sum_reduce_float32(o: usize, a: usize, t: usize, k: i32): void { reduce<f32>(SUM, o, a, t, k); }
export function sum_reduce_float64(o: usize, a: usize, t: usize, k: i32): void { reduce<f64>(SUM, o, a, t, k); }

export function prod_reduce_int8(o: usize, a: usize, t: usize, k: i32): void { reduce<i8>(PROD, o, a, t, k); }
export function prod_reduce_int16(o: usize, a: usize, t: usize, k: i32): void { reduce<i16>(PROD, o, a, t, k); }
export function prod_reduce_int32(o: usize, a: usize, t: usize, k: i32): void { reduce<i32>(PROD, o, a, t, k); }
export function prod_reduce_int64(o: usize, a: usize, t: usize, k: i32): void { reduce<i64>(PROD, o, a, t, k); }
export function prod_reduce_float32(o: usize, a: usize, t: usize, k: i32): void { reduce<f32>(PROD, o, a, t, k); }
export function prod_reduce_float64(o: usize, a: usize, t: usize, k: i32): void { reduce<f64>(PROD, o, a, t, k); }

export function max_reduce_int8(o: usize, a: usize, t: usize, k: i32): void { reduce<i8>(MAX, o, a, t, k); }
export function max_reduce_uint8(o: usize, a: usize, t: usize, k: i32): void { reduce<u8>(MAX, o, a, t, k); }
export function max_reduce_int16(o: usize, a: usize, t: usize, k: i32): void { reduce<i16>(MAX, o, a, t, k); }
export function max_reduce_uint16(o: usize, a: usize, t: usize, k: i32): void { reduce<u16>(MAX, o, a, t, k); }
export function max_reduce_int32(o: usize, a: usize, t: usize, k: i32): void { reduce<i32>(MAX, o, a, t, k); }
export function max_reduce_uint32(o: usize, a: usize, t: usize, k: i32): void { reduce<u32>(MAX, o, a, t, k); }
export function max_reduce_int64(o: usize, a: usize, t: usize, k: i32): void { reduce<i64>(MAX, o, a, t, k); }
export function max_reduce_uint64(o: usize, a: usize, t: usize, k: i32): void { reduce<u64>(MAX, o, a, t, k); }
export function max_reduce_float32(o: usize, a: usize, t: usize, k: i32): void { reduce<f32>(MAX, o, a, t, k); }
export function max_reduce_float64(o: usize, a: usize, t: usize, k: i32): void { reduce<f64>(MAX, o, a, t, k); }

export function min_reduce_int8(o: usize, a: usize, t: usize, k: i32): void { reduce<i8>(MIN, o, a, t, k); }
export function min_reduce_uint8(o: usize, a: usize, t: usize, k: i32): void { reduce<u8>(MIN, o, a, t, k); }
export function min_reduce_int16(o: usize, a: usize, t: usize, k: i32): void { reduce<i16>(MIN, o, a, t, k); }
export function min_reduce_uint16(o: usize, a: usize, t: usize, k: i32): void { reduce<u16>(MIN, o, a, t, k); }
export function min_reduce_int32(o: usize, a: usize, t: usize, k: i32): void { reduce<i32>(MIN, o, a, t, k); }
export function min_reduce_uint32(o: usize, a: usize, t: usize, k: i32): void { reduce<u32>(MIN, o, a, t, k); }
export function min_reduce_int64(o: usize, a: usize, t: usize, k: i32): void { reduce<i64>(MIN, o, a, t, k); }
export function min_reduce_uint64(o: usize, a: usize, t: usize, k: i32): void { reduce<u64>(MIN, o, a, t, k); }
export function min_reduce_float32(o: usize, a: usize, t: usize, k: i32): void { reduce<f32>(MIN, o, a, t, k); }
export function min_reduce_float64(o: usize, a: usize, t: usize, k: i32): void { reduce<f64>(MIN, o, a, t, k); }

export function argmax_int8(o: usize, a: usize, rows: i32, n: i32): void { argReduce<i8>(true, o, a, rows, n); }
export function argmax_uint8(o: usize, a: usize, rows: i32, n: i32): void { argReduce<u8>(true, o, a, rows, n); }
export function argmax_int16(o: usize, a: usize, rows: i32, n: i32): void { argReduce<i16>(true, o, a, rows, n); }
export function argmax_uint16(o: usize, a: usize, rows: i32, n: i32): void { argReduce<u16>(true, o, a, rows, n); }
export function argmax_int32(o: usize, a: usize, rows: i32, n: i32): void { argReduce<i32>(true, o, a, rows, n); }
export function argmax_uint32(o: usize, a: usize, rows: i32, n: i32): void { argReduce<u32>(true, o, a, rows, n); }
export function argmax_int64(o: usize, a: usize, rows: i32, n: i32): void { argReduce<i64>(true, o, a, rows, n); }
export function argmax_uint64(o: usize, a: usize, rows: i32, n: i32): void { argReduce<u64>(true, o, a, rows, n); }
export function argmax_float32(o: usize, a: usize, rows: i32, n: i32): void { argReduce<f32>(true, o, a, rows, n); }
export function argmax_float64(o: usize, a: usize, rows: i32, n: i32): void { argReduce<f64>(true, o, a, rows, n); }

export function argmin_int8(o: usize, a: usize, rows: i32, n: i32): void { argReduce<i8>(false, o, a, rows, n); }
export function argmin_uint8(o: usize, a: usize, rows: i32, n: i32): void { argReduce<u8>(false, o, a, rows, n); }
export function argmin_int16(o: usize, a: usize, rows: i32, n: i32): void { argReduce<i16>(false, o, a, rows, n); }
export function argmin_uint16(o: usize, a: usize, rows: i32, n: i32): void { argReduce<u16>(false, o, a, rows, n); }
export function argmin_int32(o: usize, a: usize, rows: i32, n: i32): void { argReduce<i32>(false, o, a, rows, n); }
export function argmin_uint32(o: usize, a: usize, rows: i32, n: i32): void { argReduce<u32>(false, o, a, rows, n); }
export function argmin_int64(o: usize, a: usize, rows: i32, n: i32): void { argReduce<i64>(false, o, a, rows, n); }
export function argmin_uint64(o: usize, a: usize, rows: i32, n: i32): void { argReduce<u64>(false, o, a, rows, n); }
export function argmin_float32(o: usize, a: usize, rows: i32, n: i32): void { argReduce<f32>(false, o, a, rows, n); }
export function argmin_float64(o: usize, a: usize, rows: i32, n: i32): void { argReduce<f64>(false, o, a, rows, n); }

export function cumsum_int64(o: usize, a: usize, rows: i32, n: i32): void { accumulateRows<i64>(SUM, o, a, rows, n); }
export function cumsum_float32(o: usize, a: usize, rows: i32, n: i32): void { accumulateRows<f32>(SUM, o, a, rows, n); }
export function cumsum_float64(o: usize, a: usize, rows: i32, n: i32): void { accumulateRows<f64>(SUM, o, a, rows, n); }
export function cumprod_int64(o: usize, a: usize, rows: i32, n: i32): void { accumulateRows<i64>(PROD, o, a, rows, n); }
export function cumprod_float32(o: usize, a: usize, rows: i32, n: i32): void { accumulateRows<f32>(PROD, o, a, rows, n); }
export function cumprod_float64(o: usize, a: usize, rows: i32, n: i32): void { accumulateRows<f64>(PROD, o, a, rows, n); }
