// NumPy's pairwise summation of float32 and float64 (FLOAT_pairwise_sum,
// DOUBLE_pairwise_sum): below 8 elements a plain loop; up to 128 eight
// accumulators r[0..7] (element i goes to r[i % 8]) combined as
// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the tail; above, the two
// halves (the first a multiple of 8) recursively. Same grouping, same bits.

/**
 * NumPy's eight-accumulator leaf over a strided run of `m` elements (m a
 * multiple of 8, at least 8): r[j] sums elements j, j+8, j+16, …, and the
 * eight are combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)).
 */
@inline export function strided8<T>(a: usize, m: i32, s: i32): T {
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

/** strided8 over a contiguous run: the lanes of 128 bits of accumulators are r[0..7]. */
@inline function contiguous8<T>(a: usize, m: i32): T {
  if (sizeof<T>() == 4) {
    let v0 = v128.load(a);
    let v1 = v128.load(a, 16);
    for (let i = 8; i < m; i += 8) {
      v0 = f32x4.add(v0, v128.load(a + (<usize>i << 2)));
      v1 = f32x4.add(v1, v128.load(a + (<usize>i << 2), 16));
    }
    return <T>(((f32x4.extract_lane(v0, 0) + f32x4.extract_lane(v0, 1)) + (f32x4.extract_lane(v0, 2) + f32x4.extract_lane(v0, 3))) +
      ((f32x4.extract_lane(v1, 0) + f32x4.extract_lane(v1, 1)) + (f32x4.extract_lane(v1, 2) + f32x4.extract_lane(v1, 3))));
  }
  let v0 = v128.load(a);
  let v1 = v128.load(a, 16);
  let v2 = v128.load(a, 32);
  let v3 = v128.load(a, 48);
  for (let i = 8; i < m; i += 8) {
    const p = a + (<usize>i << 3);
    v0 = f64x2.add(v0, v128.load(p));
    v1 = f64x2.add(v1, v128.load(p, 16));
    v2 = f64x2.add(v2, v128.load(p, 32));
    v3 = f64x2.add(v3, v128.load(p, 48));
  }
  return <T>(((f64x2.extract_lane(v0, 0) + f64x2.extract_lane(v0, 1)) + (f64x2.extract_lane(v1, 0) + f64x2.extract_lane(v1, 1))) +
    ((f64x2.extract_lane(v2, 0) + f64x2.extract_lane(v2, 1)) + (f64x2.extract_lane(v3, 0) + f64x2.extract_lane(v3, 1))));
}

/** The pairwise sum of n T elements (float32 or float64) at byte stride s. */
export function pairwise<T>(a: usize, n: i32, s: i32): T {
  if (n < 8) {
    let res: T = <T>0;
    for (let i = 0; i < n; i++) res += load<T>(a + <usize>(i * s));
    return res;
  }
  if (n <= 128) {
    const m = n - (n % 8);
    let res = s == <i32>sizeof<T>() ? contiguous8<T>(a, m) : strided8<T>(a, m, s);
    for (let i = m; i < n; i++) res += load<T>(a + <usize>(i * s));
    return res;
  }
  let n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise<T>(a, n2, s) + pairwise<T>(a + <usize>(n2 * s), n - n2, s);
}
