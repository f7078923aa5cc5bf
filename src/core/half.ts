// 16-bit floats stored as bit patterns.
//
// float16 follows NumPy (npy_double_to_half): a float64 rounds to float16
// once, to nearest even, never through float32 (which would round twice).
// bfloat16 follows ml_dtypes, NumPy's reference for it: a float64 goes to
// float32 first and then rounds to nearest even, NaN becomes the quiet NaN
// 0x7fc0 with its sign. That double rounding is ml_dtypes' (Eigen's)
// behaviour, kept here so that results are bit-identical to it.

const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const f32Word = new Uint32Array(f32.buffer);

// 2^k for the float16 exponent range, so scaling stays exact table lookups.
const POW2 = new Float64Array(64);
for (let i = 0; i < 64; i++) POW2[i] = 2 ** (i - 32);

/** Rounds to the nearest integer, ties to even; exact for |v| < 2^52. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}

/**
 * The float16 bit pattern nearest to `x` (ties to even), as NumPy rounds.
 * @example float64ToFloat16Bits(1) // 0x3c00
 */
export function float64ToFloat16Bits(x: number): number {
  f64[0] = x;
  const hi = f64Words[1]!;
  const sign = (hi >>> 16) & 0x8000;
  const a = Math.abs(x);
  if (a !== a) {
    // NaN: keep the top of the payload, as NumPy does, but stay a NaN.
    const payload = (hi & 0xfffff) >>> 10;
    return sign | 0x7c00 | (payload === 0 ? 1 : payload);
  }
  // 65520 is halfway between 65504 (odd mantissa) and 2^16: rounds to inf.
  if (a >= 65520) return sign | 0x7c00;
  if (a < 6.103515625e-5) {
    // Subnormal range: the bits are the count of 2^-24 steps.
    return sign | roundHalfEven(a * 16777216);
  }
  const e = ((hi >>> 20) & 0x7ff) - 1023;
  const m = roundHalfEven(a * POW2[32 + 10 - e]!);
  // m is in [1024, 2048]; 2048 carries into the exponent by itself.
  return sign | (((e + 15) << 10) + (m - 1024));
}

/**
 * The value of a float16 bit pattern.
 * @example float16BitsToNumber(0x3c00) // 1
 */
export function float16BitsToNumber(h: number): number {
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  let v: number;
  if (e === 0) v = m * 5.960464477539063e-8;
  else if (e === 31) v = m === 0 ? Infinity : NaN;
  else v = (1024 + m) * POW2[32 + e - 25]!;
  return h & 0x8000 ? -v : v;
}

/**
 * The bfloat16 bit pattern for `x`, exactly as ml_dtypes computes it
 * (through float32, then round to nearest even).
 * @example float64ToBfloat16Bits(1) // 0x3f80
 */
export function float64ToBfloat16Bits(x: number): number {
  f32[0] = x;
  const u = f32Word[0]!;
  if (x !== x) return u & 0x80000000 ? 0xffc0 : 0x7fc0;
  return ((u + 0x7fff + ((u >>> 16) & 1)) >>> 16) & 0xffff;
}

/**
 * The value of a bfloat16 bit pattern (exact: bfloat16 is the top half of a float32).
 * @example bfloat16BitsToNumber(0x3f80) // 1
 */
export function bfloat16BitsToNumber(h: number): number {
  f32Word[0] = h << 16;
  return f32[0]!;
}
