// Reductions over contiguous rows: squared deviations (var/std over axis
// 0), argmax/argmin and cumsum/cumprod along each row.

import { Reduce } from "../codes";
import { combine, fsub, vop } from "./ops";

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
