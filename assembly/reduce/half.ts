// float16 reductions: NumPy's half loops.

import { Reduce } from "../codes";

// ---- float16: NumPy's half loops -----------------------------------------
// NumPy reduces float16 in float32 within one inner loop and rounds to
// float16 when it stores: out = half(float(out) + pairwise32(row)), and,
// when the inner axis is kept, out[j] = half(float(out[j]) + float(in[j]))
// for every row. Elements are u16 bit patterns here.

@inline export function h2f(h: u32): f32 {
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
@inline export function f2h(x: f32): u16 {
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
export function pairwiseHalf(a: usize, n: i32, s: i32): f32 {
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

/** Running sum (product) of float16 rows, rounded to float16 at every step as NumPy's accumulate. */
@inline export function accumulateHalf(op: i32, o: usize, a: usize, rows: i32, n: i32): void {
  for (let r = 0; r < rows; r++) {
    const base = (<usize>r * <usize>n) << 1;
    let acc = load<u16>(a + base);
    store<u16>(o + base, acc);
    for (let i = 1; i < n; i++) {
      const off = base + (<usize>i << 1);
      const x = h2f(load<u16>(a + off));
      acc = f2h(op == Reduce.sum ? h2f(acc) + x : h2f(acc) * x);
      store<u16>(o + off, acc);
    }
  }
}
