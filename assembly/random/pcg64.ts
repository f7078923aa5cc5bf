// PCG64: NumPy's Generator bit generator and its floating-point fills
// (the ziggurat normals of NumPy's distributions.c, tables in
// ../tables/random_tables.ts). State layout (bytes): state u128 as hi @0,
// lo @8; inc hi @16, lo @24; has_uint32 i32 @32, uinteger u32 @36.

import {
  ZIG_F_F32,
  ZIG_F_F64,
  ZIG_K_F32,
  ZIG_K_F64,
  ZIG_NOR_INV_R,
  ZIG_NOR_INV_R_F32,
  ZIG_NOR_R,
  ZIG_NOR_R_F32,
  ZIG_W_F32,
  ZIG_W_F64,
} from "../tables/random_tables";

const PCG_MUL_HI: u64 = 2549297995355413924;
const PCG_MUL_LO: u64 = 4865540595714422341;
const PCG_HAS32: usize = 32;
const PCG_U32: usize = 36;

/** High 64 bits of the 128-bit product a * b, from 32-bit halves. */
@inline export function mulhi64(a: u64, b: u64): u64 {
  const a0 = a & 0xffffffff;
  const a1 = a >> 32;
  const b0 = b & 0xffffffff;
  const b1 = b >> 32;
  const w0 = a0 * b0;
  const t = a1 * b0 + (w0 >> 32);
  const w1 = (t & 0xffffffff) + a0 * b1;
  return a1 * b1 + (t >> 32) + (w1 >> 32);
}

/** One PCG64 step on the state in memory, returning the XSL-RR output of the new state. */
@inline export function pcgNext64(st: usize): u64 {
  const hi = load<u64>(st);
  const lo = load<u64>(st, 8);
  const mlo = lo * PCG_MUL_LO;
  const nlo = mlo + load<u64>(st, 24);
  const nhi = hi * PCG_MUL_LO + lo * PCG_MUL_HI + mulhi64(lo, PCG_MUL_LO) + load<u64>(st, 16) + <u64>(nlo < mlo);
  store<u64>(st, nhi);
  store<u64>(st, nlo, 8);
  return rotr<u64>(nhi ^ nlo, nhi >> 58);
}

/** PCG64's 32-bit draw: the low half of a 64-bit output, the high half kept for the next call. */
@inline export function pcgNext32(st: usize): u32 {
  if (load<i32>(st + PCG_HAS32)) {
    store<i32>(st + PCG_HAS32, 0);
    return load<u32>(st + PCG_U32);
  }
  const v = pcgNext64(st);
  store<i32>(st + PCG_HAS32, 1);
  store<u32>(st + PCG_U32, <u32>(v >> 32));
  return <u32>v;
}

@inline export function pcgDouble(st: usize): f64 {
  return <f64>(pcgNext64(st) >> 11) * (1.0 / 9007199254740992.0);
}

@inline export function pcgFloat(st: usize): f32 {
  return <f32>(pcgNext32(st) >> 8) * (<f32>1.0 / <f32>16777216.0);
}

export function pcg64_random_f64(out: usize, st: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), pcgDouble(st));
}

export function pcg64_random_f32(out: usize, st: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<f32>(out + (i << 2), pcgFloat(st));
}

export function pcg64_uniform_f64(out: usize, st: usize, n: usize, low: f64, range: f64): void {
  for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), low + range * pcgDouble(st));
}

/** The rare branch of the float64 ziggurat: the tail (idx 0) or the wedge test; NaN means "draw again". */
function normalSlow64(st: usize, idx: i32, rabs: u64, x: f64): f64 {
  if (idx == 0) {
    for (;;) {
      const xx = -ZIG_NOR_INV_R * Math.log1p(-pcgDouble(st));
      const yy = -Math.log1p(-pcgDouble(st));
      if (yy + yy > xx * xx) return (rabs >> 8) & 1 ? -(ZIG_NOR_R + xx) : ZIG_NOR_R + xx;
    }
  }
  const f1 = unchecked(ZIG_F_F64[idx]);
  const f0 = unchecked(ZIG_F_F64[idx - 1]);
  if ((f0 - f1) * pcgDouble(st) + f1 < Math.exp(-0.5 * x * x)) return x;
  return NaN;
}

/** `loc + scale * z` for `n` ziggurat normals z; loc 0, scale 1 store z itself. */
function normalFill64(st: usize, out: usize, n: usize, loc: f64, scale: f64, plain: bool): void {
  for (let i: usize = 0; i < n; i++) {
    let z: f64;
    for (;;) {
      let r = pcgNext64(st);
      const idx = <i32>(r & 0xff);
      r >>= 8;
      const rabs = (r >> 1) & 0x000fffffffffffff;
      const x = reinterpret<f64>(reinterpret<u64>(<f64>rabs * unchecked(ZIG_W_F64[idx])) ^ ((r & 1) << 63));
      if (rabs < unchecked(ZIG_K_F64[idx])) {
        z = x;
        break;
      }
      z = normalSlow64(st, idx, rabs, x);
      if (z == z) break;
    }
    store<f64>(out + (i << 3), plain ? z : loc + scale * z);
  }
}

export function pcg64_standard_normal_f64(out: usize, st: usize, n: usize): void {
  normalFill64(st, out, n, 0, 1, true);
}

export function pcg64_normal_f64(out: usize, st: usize, n: usize, loc: f64, scale: f64): void {
  normalFill64(st, out, n, loc, scale, false);
}

function normalSlow32(st: usize, idx: i32, rabs: u32, x: f32): f32 {
  if (idx == 0) {
    for (;;) {
      const xx: f32 = -ZIG_NOR_INV_R_F32 * Mathf.log1p(-pcgFloat(st));
      const yy: f32 = -Mathf.log1p(-pcgFloat(st));
      if (yy + yy > xx * xx) return (rabs >> 8) & 1 ? -(ZIG_NOR_R_F32 + xx) : ZIG_NOR_R_F32 + xx;
    }
  }
  const f1 = unchecked(ZIG_F_F32[idx]);
  const f0 = unchecked(ZIG_F_F32[idx - 1]);
  const xd = <f64>x;
  // NumPy compares a float32 left side with a float64 exp.
  if (<f64>((f0 - f1) * pcgFloat(st) + f1) < Math.exp(-0.5 * xd * xd)) return x;
  return NaN;
}

/**
 * `n` float32 ziggurat normals. The hot loop keeps PCG64's state and its
 * 32-bit buffer in locals; the rare branches go through memory, so the
 * locals are written back before and reloaded after them.
 */
export function pcg64_standard_normal_f32(out: usize, st: usize, n: usize): void {
  let hi = load<u64>(st);
  let lo = load<u64>(st, 8);
  const incHi = load<u64>(st, 16);
  const incLo = load<u64>(st, 24);
  let has = load<i32>(st + PCG_HAS32);
  let spare = load<u32>(st + PCG_U32);
  for (let i: usize = 0; i < n; i++) {
    let z: f32;
    for (;;) {
      let r: u32;
      if (has) {
        has = 0;
        r = spare;
      } else {
        const mlo = lo * PCG_MUL_LO;
        const nlo = mlo + incLo;
        hi = hi * PCG_MUL_LO + lo * PCG_MUL_HI + mulhi64(lo, PCG_MUL_LO) + incHi + <u64>(nlo < mlo);
        lo = nlo;
        const v = rotr<u64>(hi ^ lo, hi >> 58);
        has = 1;
        spare = <u32>(v >> 32);
        r = <u32>v;
      }
      const idx = <i32>(r & 0xff);
      const rabs = (r >> 9) & 0x007fffff;
      // Negate by flipping the sign bit: the sign is a coin toss, a branch on it mispredicts half the time.
      const x = reinterpret<f32>(reinterpret<u32>(<f32>rabs * unchecked(ZIG_W_F32[idx])) ^ ((r & 0x100) << 23));
      if (rabs < unchecked(ZIG_K_F32[idx])) {
        z = x;
        break;
      }
      store<u64>(st, hi);
      store<u64>(st, lo, 8);
      store<i32>(st + PCG_HAS32, has);
      store<u32>(st + PCG_U32, spare);
      z = normalSlow32(st, idx, rabs, x);
      hi = load<u64>(st);
      lo = load<u64>(st, 8);
      has = load<i32>(st + PCG_HAS32);
      spare = load<u32>(st + PCG_U32);
      if (z == z) break;
    }
    store<f32>(out + (i << 2), z);
  }
  store<u64>(st, hi);
  store<u64>(st, lo, 8);
  store<i32>(st + PCG_HAS32, has);
  store<u32>(st + PCG_U32, spare);
}
