// Reductions over contiguous rows: squared deviations (var/std over axis
// 0), argmax/argmin and cumsum/cumprod along each row.

import { Reduce } from "../codes";
import { combine, fne, fsub, pext, vop } from "./ops";

/**
 * o[j] += (a[r, j] - m[j])² for the `rows` C rows of `n` in order: NumPy's
 * var over axis 0 (deviations, their squares, an axis-0 sum, each rounded
 * to T as there) in one pass, without the deviations array.
 */
@inline export function sqdevRows<T>(o: usize, a: usize, m: usize, rows: i32, n: i32): void {
  const sz = <i32>sizeof<T>();
  const L = 16 / sz;
  for (let r = 0; r < rows; r++) {
    const p = a + <usize>(r * n * sz);
    let j = 0;
    for (; j <= n - 2 * L; j += 2 * L) {
      const off = <usize>(j * sz);
      const d0 = fsub<T>(v128.load(p + off), v128.load(m + off));
      const d1 = fsub<T>(v128.load(p + off, 16), v128.load(m + off, 16));
      v128.store(o + off, vop<T>(Reduce.sum, v128.load(o + off), vop<T>(Reduce.prod, d0, d0)));
      v128.store(o + off, vop<T>(Reduce.sum, v128.load(o + off, 16), vop<T>(Reduce.prod, d1, d1)), 16);
    }
    for (; j < n; j++) {
      const off = <usize>(j * sz);
      const d = <T>(load<T>(p + off) - load<T>(m + off));
      store<T>(o + off, <T>(load<T>(o + off) + <T>(d * d)));
    }
  }
}

/**
 * Float max (or min) of `m` (1 to 4) C rows `rs` bytes apart into one
 * contiguous output row, per element in row order, as NumPy's axis-0 loop:
 * NaN wins, and of equal elements (±0) the later one (x86's maxps, which
 * NumPy's loops use, returns its second operand on a tie). pmax/pmin are
 * one x86 instruction each where f32x4.max is eight, which made E.max(0)
 * 1.8x slower than E.sum(0); NaN is found on the side. Max and min are
 * idempotent, so rows past the m-th repeat the last (rs may be negative).
 * Four rows, not the sums' eight: eight were no faster on one thread and
 * slower on two (E.max(0) 13.5–14.3 → 14.3–17.8 ms, alternating builds).
 */
@inline export function extremumRows4<T>(op: i32, o: usize, a: usize, rs: usize, m: i32, n: i32): void {
  const sz = <i32>sizeof<T>();
  const L = 16 / sz;
  const nan = sz == 4 ? f32x4.splat(NaN) : f64x2.splat(NaN);
  const a0 = a;
  const a1 = a + <usize>min(1, m - 1) * rs;
  const a2 = a + <usize>min(2, m - 1) * rs;
  const a3 = a + <usize>min(3, m - 1) * rs;
  let i = 0;
  for (; i <= n - 2 * L; i += 2 * L) {
    const off = <usize>(i * sz);
    const p = v128.load(o + off);
    const q = v128.load(o + off, 16);
    const x0 = v128.load(a0 + off), x1 = v128.load(a1 + off), x2 = v128.load(a2 + off), x3 = v128.load(a3 + off);
    const y0 = v128.load(a0 + off, 16), y1 = v128.load(a1 + off, 16), y2 = v128.load(a2 + off, 16), y3 = v128.load(a3 + off, 16);
    // pext(later, earlier) keeps the later of equal elements at every node.
    let x = pext<T>(op, pext<T>(op, pext<T>(op, x3, x2), pext<T>(op, x1, x0)), p);
    let y = pext<T>(op, pext<T>(op, pext<T>(op, y3, y2), pext<T>(op, y1, y0)), q);
    const nx = v128.or(v128.or(fne<T>(p, p), fne<T>(x0, x0)), v128.or(v128.or(fne<T>(x1, x1), fne<T>(x2, x2)), fne<T>(x3, x3)));
    const ny = v128.or(v128.or(fne<T>(q, q), fne<T>(y0, y0)), v128.or(v128.or(fne<T>(y1, y1), fne<T>(y2, y2)), fne<T>(y3, y3)));
    if (v128.any_true(v128.or(nx, ny))) {
      x = v128.bitselect(nan, x, nx);
      y = v128.bitselect(nan, y, ny);
    }
    v128.store(o + off, x);
    v128.store(o + off, y, 16);
  }
  rowsTail4<T>(op, true, o, a0, a1, a2, a3, i, n);
}

/**
 * Elements [i, n) of four rows into `o`, one row after another: `combine`,
 * or with `later` the tie rule of `extremumRows4` (NaN wins, of equal
 * elements the later).
 */
@inline export function rowsTail4<T>(op: i32, later: bool, o: usize, a0: usize, a1: usize, a2: usize, a3: usize, i: i32, n: i32): void {
  for (; i < n; i++) {
    const off = <usize>(i * sizeof<T>());
    let x = load<T>(o + off);
    x = rowStep<T>(op, later, x, load<T>(a0 + off));
    x = rowStep<T>(op, later, x, load<T>(a1 + off));
    x = rowStep<T>(op, later, x, load<T>(a2 + off));
    x = rowStep<T>(op, later, x, load<T>(a3 + off));
    store<T>(o + off, x);
  }
}

@inline function rowStep<T>(op: i32, later: bool, acc: T, v: T): T {
  if (!later) return combine<T>(op, acc, v);
  if (acc != acc || v != v) return <T>NaN;
  if (op == Reduce.max) return v < acc ? acc : v;
  return acc < v ? acc : v;
}

/**
 * Index of the first maximum (M = u8) or minimum (M = i8) of each of `rows`
 * rows of `n`; the first NaN wins. The choice is a type so that it is
 * settled at compile time: a bool argument let the optimiser merge the two
 * instances into one loop that picks the comparison per element.
 */
@inline export function argReduce<T, M>(o: usize, a: usize, rows: i32, n: i32): void {
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
        if (isSigned<M>() ? x < best : x > best) {
          best = x;
          bi = i;
        }
      }
    }
    store<i64>(o + (<usize>r << 3), <i64>bi);
  }
}

/** Running sum (or product) along each of `rows` contiguous rows of `n`; o may equal a. */
@inline export function accumulateRows<T>(op: i32, o: usize, a: usize, rows: i32, n: i32): void {
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
