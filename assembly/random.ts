// Random kernels: NumPy's MT19937 (RandomState) and PCG64 (Generator) bit
// generators and the distributions stridewise exposes, bit for bit.
//
// No kernel keeps state of its own: a generator's state is a heap block the
// façade allocates, passed by address. Hot loops copy the state into locals,
// run, and write it back once. The layouts (byte offsets) are shared with
// src/random/state.ts:
//
//   MT19937  key: u32[624] @0, pos: i32 @2496, has_gauss: i32 @2500, gauss: f64 @2504
//   PCG64    state: u128 as hi @0, lo @8; inc: hi @16, lo @24;
//            has_uint32: i32 @32, uinteger: u32 @36
//
// The two generators meet in generic helpers through a marker type: `u32`
// stands for MT19937 and `u64` for PCG64, so that `sizeof<G>()` picks the
// generator at compile time and the branch costs nothing.

import {
  LOG_INVC_LOGC,
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
} from "./random_tables";

// ---- MT19937 ----

const MT_N = 624;
const MT_M = 397;
const MT_POS: usize = 2496;
const MT_HAS_GAUSS: usize = 2500;
const MT_GAUSS: usize = 2504;

/** Knuth's seeding of the Mersenne Twister reference (NumPy's `mt19937_seed`). */
export function mt19937_seed(st: usize, seed: u32): void {
  let s = seed;
  for (let i = 0; i < MT_N; i++) {
    store<u32>(st + (<usize>i << 2), s);
    s = 1812433253 * (s ^ (s >> 30)) + <u32>(i + 1);
  }
  store<i32>(st + MT_POS, MT_N);
  store<i32>(st + MT_HAS_GAUSS, 0);
  store<f64>(st + MT_GAUSS, 0);
}

@inline function mtTwist(a: u32, b: u32, c: u32): u32 {
  const y = (a & 0x80000000) | (b & 0x7fffffff);
  return c ^ (y >> 1) ^ (-(y & 1) & 0x9908b0df);
}

@inline function mtTwist4(a: v128, b: v128, c: v128): v128 {
  const y = v128.or(v128.and(a, i32x4.splat(0x80000000)), v128.and(b, i32x4.splat(0x7fffffff)));
  const odd = i32x4.neg(v128.and(y, i32x4.splat(1)));
  return v128.xor(v128.xor(c, i32x4.shr_u(y, 1)), v128.and(odd, i32x4.splat(0x9908b0df)));
}

/**
 * Regenerates the 624 words of the block in place, four at a time: word i
 * reads words i + 1 and i + 397 (old) or i - 227 (already new), and none of
 * those lies within the four words being written, so a vector step gives
 * exactly the sequential result.
 */
function mtRefill(st: usize): void {
  let i = 0;
  for (; i + 4 <= MT_N - MT_M; i += 4) {
    const p = st + (<usize>i << 2);
    v128.store(p, mtTwist4(v128.load(p), v128.load(p, 4), v128.load(p + ((<usize>MT_M) << 2))));
  }
  for (; i < MT_N - MT_M; i++) {
    const p = st + (<usize>i << 2);
    store<u32>(p, mtTwist(load<u32>(p), load<u32>(p, 4), load<u32>(p + ((<usize>MT_M) << 2))));
  }
  for (; i + 4 <= MT_N - 1; i += 4) {
    const p = st + (<usize>i << 2);
    v128.store(p, mtTwist4(v128.load(p), v128.load(p, 4), v128.load(p - ((<usize>(MT_N - MT_M)) << 2))));
  }
  for (; i < MT_N - 1; i++) {
    const p = st + (<usize>i << 2);
    store<u32>(p, mtTwist(load<u32>(p), load<u32>(p, 4), load<u32>(p - ((<usize>(MT_N - MT_M)) << 2))));
  }
  const last = st + ((<usize>(MT_N - 1)) << 2);
  store<u32>(last, mtTwist(load<u32>(last), load<u32>(st), load<u32>(st + ((<usize>(MT_M - 1)) << 2))));
}

@inline function mtNext(st: usize): u32 {
  let pos = load<i32>(st + MT_POS);
  if (pos == MT_N) {
    mtRefill(st);
    pos = 0;
  }
  let y = load<u32>(st + (<usize>pos << 2));
  store<i32>(st + MT_POS, pos + 1);
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >> 18;
  return y;
}

@inline function mtNext64(st: usize): u64 {
  const hi = <u64>mtNext(st);
  return (hi << 32) | <u64>mtNext(st);
}

@inline function mtDouble(st: usize): f64 {
  const a = mtNext(st) >> 5;
  const b = mtNext(st) >> 6;
  return (<f64>a * 67108864.0 + <f64>b) / 9007199254740992.0;
}

// ---- log as glibc's FMA build computes it ----
//
// The polar Gaussian takes log(r2). NumPy calls the C library's log, and
// on x86-64 with FMA (and on aarch64) glibc runs its table-driven log
// compiled with fused multiply-adds, which rounds differently from the
// same code without them in rare near-halfway cases (seed 2**32-1 meets one
// within the first 10,000 randn values). WebAssembly has no scalar FMA, so
// `fma` below computes a*b+c with one rounding from error-free transforms
// (Dekker's product, Knuth's sum, Boldo & Melquiond's round-to-odd), and
// `logGlibcFma` applies it exactly where GCC contracts glibc's expressions.

/** a*b + c rounded once, for finite operands whose product neither overflows nor underflows. */
@inline function fma(a: f64, b: f64, c: f64): f64 {
  const p = a * b;
  let t = 134217729.0 * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = 134217729.0 * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pe = ah * bh - p + ah * bl + al * bh + al * bl; // p + pe == a*b
  const s = c + p;
  const sb = s - c;
  const se = c - (s - sb) + (p - sb); // s + se == c + p
  let u = se + pe;
  const ub = u - se;
  const ue = se - (u - ub) + (pe - ub);
  if (ue != 0) {
    // Round u to odd: if it is even, step to the neighbour on the side of the exact sum.
    const bits = reinterpret<u64>(u);
    if ((bits & 1) == 0) u = reinterpret<f64>(ue > 0 == u > 0 ? bits + 1 : bits - 1);
  }
  return s + u;
}

/** log(x) for 0 < x < 2^1024, bit-identical to glibc's e_log.c built with -mfma. */
function logGlibcFma(x: f64): f64 {
  const ix = reinterpret<u64>(x);
  if (ix - 0x3fee000000000000 < 0x3ff1090000000000 - 0x3fee000000000000) {
    // Near 1: a degree-11 polynomial in r = x - 1 with a split leading term.
    if (x == 1.0) return 0;
    const r = x - 1.0;
    const r2 = r * r;
    const r3 = r * r2;
    const p3 = fma(r3, reinterpret<f64>(0xbfb5521375d145cd), fma(r2, reinterpret<f64>(0x3fb78182f7afd085), fma(r, reinterpret<f64>(0xbfb999eb43b068ff), reinterpret<f64>(0x3fbc7184282ad6ca))));
    const p2 = fma(r3, p3, fma(r2, reinterpret<f64>(0xbfbfffffa4423d65), fma(r, reinterpret<f64>(0x3fc24924a344de30), reinterpret<f64>(0xbfc55555556745a7))));
    const p1 = fma(r3, p2, fma(r2, reinterpret<f64>(0x3fc999999995dd0c), fma(r, reinterpret<f64>(0xbfcffffffffffdcb), reinterpret<f64>(0x3fd5555555555577))));
    const w = r * 134217728.0;
    const rhi = r + w - w;
    const rlo = r - rhi;
    const rr = rhi * rhi;
    const hi = fma(rr, -0.5, r);
    let lo = fma(rr, -0.5, r - hi);
    lo = fma(-0.5 * rlo, rhi + r, lo);
    return fma(r3, p1, lo) + hi;
  }
  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0); c near z from the table.
  const tmp = ix - 0x3fe6000000000000;
  const i = <i32>((tmp >> 45) & 127);
  const k = <i64>tmp >> 52;
  const z = reinterpret<f64>(ix - (tmp & (<u64>0xfff << 52)));
  const invc = reinterpret<f64>(unchecked(LOG_INVC_LOGC[i << 1]));
  const logc = reinterpret<f64>(unchecked(LOG_INVC_LOGC[(i << 1) + 1]));
  const r = fma(z, invc, -1.0);
  const kd = <f64>k;
  const w = fma(kd, reinterpret<f64>(0x3fe62e42fefa3800), logc);
  const hi = w + r;
  const lo = fma(kd, reinterpret<f64>(0x3d2ef35793c76730), w - hi + r);
  const r2 = r * r;
  const t1 = fma(r2, reinterpret<f64>(0xbfe0000000000001), lo);
  const p = fma(r2, fma(r, reinterpret<f64>(0xbfc55575e506c89f), reinterpret<f64>(0x3fc999b324f10111)), fma(r, reinterpret<f64>(0xbfcfffffffeb4590), reinterpret<f64>(0x3fd555555551305b)));
  return fma(r * r2, p, t1) + hi;
}

/**
 * `logGlibcFma` at a fraction of its cost: evaluate the same formula with
 * plain multiplies and adds (only z/c - 1, the one term whose rounding
 * matters at full size, through an exact product), and trust that sum
 * unless it lies near a rounding midpoint, where the exact path decides.
 * How near depends on the path. Away from 1, the largest fused/unfused
 * difference is the rounding of r²·A0 in `t1` (|r| < 2^-8, so under
 * 2^-70), against ulp(log x) >= 2^-56 there: under 2^-14 ulp, and 90
 * million sampled inputs never disagreed beyond 2^-16; the window is 2^-10
 * ulp (0.2 % of calls fall back). Near 1 the polynomial's terms are as large
 * as the result; disagreements reached 2^-8 ulp in the samples, and the
 * window stays 1/32 ulp (about 6 % of those calls).
 */
function logGlibc(x: f64): f64 {
  const ix = reinterpret<u64>(x);
  let y: f64, hi: f64;
  let window = 0.0009765625;
  if (ix - 0x3fee000000000000 < 0x3ff1090000000000 - 0x3fee000000000000) {
    if (x == 1.0) return 0;
    window = 0.03125;
    const r = x - 1.0;
    const r2 = r * r;
    const r3 = r * r2;
    const p3 = reinterpret<f64>(0x3fbc7184282ad6ca) + r * reinterpret<f64>(0xbfb999eb43b068ff) + r2 * reinterpret<f64>(0x3fb78182f7afd085) + r3 * reinterpret<f64>(0xbfb5521375d145cd);
    const p2 = reinterpret<f64>(0xbfc55555556745a7) + r * reinterpret<f64>(0x3fc24924a344de30) + r2 * reinterpret<f64>(0xbfbfffffa4423d65) + r3 * p3;
    const p1 = reinterpret<f64>(0x3fd5555555555577) + r * reinterpret<f64>(0xbfcffffffffffdcb) + r2 * reinterpret<f64>(0x3fc999999995dd0c) + r3 * p2;
    const w = r * 134217728.0;
    const rhi = r + w - w;
    const rlo = r - rhi;
    const rr = rhi * rhi;
    hi = r + rr * -0.5;
    let lo = r - hi + rr * -0.5;
    lo += -0.5 * rlo * (rhi + r);
    y = r3 * p1 + lo;
  } else {
    const tmp = ix - 0x3fe6000000000000;
    const i = <i32>((tmp >> 45) & 127);
    const k = <i64>tmp >> 52;
    const z = reinterpret<f64>(ix - (tmp & (<u64>0xfff << 52)));
    const invc = reinterpret<f64>(unchecked(LOG_INVC_LOGC[i << 1]));
    const logc = reinterpret<f64>(unchecked(LOG_INVC_LOGC[(i << 1) + 1]));
    // z * invc is within 2^-8 of 1: p - 1 is exact, so r is the fused z*invc - 1.
    const p = z * invc;
    let t = 134217729.0 * z;
    const zh = t - (t - z);
    const zl = z - zh;
    t = 134217729.0 * invc;
    const ch = t - (t - invc);
    const cl = invc - ch;
    const r = p - 1.0 + (zh * ch - p + zh * cl + zl * ch + zl * cl);
    const kd = <f64>k;
    // kd * Ln2hi + logc is exact by the table's construction.
    const w = kd * reinterpret<f64>(0x3fe62e42fefa3800) + logc;
    hi = w + r;
    const lo = w - hi + r + kd * reinterpret<f64>(0x3d2ef35793c76730);
    const r2 = r * r;
    y = lo + r2 * reinterpret<f64>(0xbfe0000000000001) + r * r2 * (reinterpret<f64>(0x3fd555555551305b) + r * reinterpret<f64>(0xbfcfffffffeb4590) + r2 * (reinterpret<f64>(0x3fc999b324f10111) + r * reinterpret<f64>(0xbfc55575e506c89f)));
  }
  const s = y + hi;
  const sb = s - y;
  const e = y - (s - sb) + (hi - sb); // s + e == y + hi exactly
  const bits = reinterpret<u64>(s) & 0x7fffffffffffffff;
  const ulp = reinterpret<f64>(bits + 1) - reinterpret<f64>(bits);
  // At a power of two the spacing below is half as large: always decide exactly there.
  if ((bits & 0x000fffffffffffff) != 0 && Math.abs(Math.abs(e) - 0.5 * ulp) > ulp * window) return s;
  return logGlibcFma(x);
}

/** RandomState's Gaussian: Marsaglia's polar method, one value cached in the state. */
@inline function mtGauss(st: usize): f64 {
  if (load<i32>(st + MT_HAS_GAUSS)) {
    store<i32>(st + MT_HAS_GAUSS, 0);
    const g = load<f64>(st + MT_GAUSS);
    store<f64>(st + MT_GAUSS, 0);
    return g;
  }
  let x1: f64, x2: f64, r2: f64;
  do {
    x1 = 2.0 * mtDouble(st) - 1.0;
    x2 = 2.0 * mtDouble(st) - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const f = Math.sqrt((-2.0 * logGlibc(r2)) / r2);
  store<f64>(st + MT_GAUSS, f * x1);
  store<i32>(st + MT_HAS_GAUSS, 1);
  return f * x2;
}

/** `n` doubles in [0, 1) (RandomState.random_sample). */
export function mt19937_random_f64(st: usize, out: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), mtDouble(st));
}

/** `low + range * u` for `n` uniform doubles u (RandomState.uniform). */
export function mt19937_uniform_f64(st: usize, out: usize, n: usize, low: f64, range: f64): void {
  for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), low + range * mtDouble(st));
}

/** The tempered output of key word `pos` (the caller refills the block at 624). */
@inline function mtTemper(st: usize, pos: i32): u32 {
  let y = load<u32>(st + (<usize>pos << 2));
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >> 18;
  return y;
}

/** Pairs per batch of `mt19937_gauss_f64`: 8 KiB of output, in L1 for the second pass. */
const GAUSS_BATCH: usize = 512;

/**
 * `n` standard normals (RandomState.standard_normal / randn): the polar
 * method as `mtGauss`, in batches of pairs and two passes. The first pass
 * draws candidate points in NumPy's order and keeps the accepted ones,
 * branch-free, in the output slots of their pair (x1, x2); the second
 * turns each into f·x2, f·x1 (NumPy's order), with no rejection branch
 * left to stall the long log-divide-sqrt chain, so pairs overlap. An odd
 * tail leaves f·x1 cached in the state, as NumPy.
 */
export function mt19937_gauss_f64(st: usize, out: usize, n: usize): void {
  let i: usize = 0;
  if (n == 0) return;
  if (load<i32>(st + MT_HAS_GAUSS)) {
    store<f64>(out, load<f64>(st + MT_GAUSS));
    store<i32>(st + MT_HAS_GAUSS, 0);
    store<f64>(st + MT_GAUSS, 0);
    i = 1;
  }
  let pos = load<i32>(st + MT_POS);
  while (n - i >= 2) {
    const pairs = min<usize>((n - i) >> 1, GAUSS_BATCH);
    const base = out + (i << 3);
    let k: usize = 0;
    while (k < pairs) {
      let x1: f64, x2: f64;
      if (pos > MT_N - 4) {
        // Near the end of the block: go word by word.
        if (pos == MT_N) { mtRefill(st); pos = 0; }
        const a1 = mtTemper(st, pos++) >> 5;
        if (pos == MT_N) { mtRefill(st); pos = 0; }
        const b1 = mtTemper(st, pos++) >> 6;
        if (pos == MT_N) { mtRefill(st); pos = 0; }
        const a2 = mtTemper(st, pos++) >> 5;
        if (pos == MT_N) { mtRefill(st); pos = 0; }
        const b2 = mtTemper(st, pos++) >> 6;
        x1 = 2.0 * ((<f64>a1 * 67108864.0 + <f64>b1) / 9007199254740992.0) - 1.0;
        x2 = 2.0 * ((<f64>a2 * 67108864.0 + <f64>b2) / 9007199254740992.0) - 1.0;
      } else {
        // Four words: two doubles of 53 bits each (a >> 5, b >> 6), tempered as one vector.
        let y = v128.load(st + (<usize>pos << 2));
        y = v128.xor(y, i32x4.shr_u(y, 11));
        y = v128.xor(y, v128.and(i32x4.shl(y, 7), i32x4.splat(0x9d2c5680)));
        y = v128.xor(y, v128.and(i32x4.shl(y, 15), i32x4.splat(0xefc60000)));
        y = v128.xor(y, i32x4.shr_u(y, 18));
        pos += 4;
        x1 = 2.0 * ((<f64>(i32x4.extract_lane(y, 0) >>> 5) * 67108864.0 + <f64>(i32x4.extract_lane(y, 1) >>> 6)) / 9007199254740992.0) - 1.0;
        x2 = 2.0 * ((<f64>(i32x4.extract_lane(y, 2) >>> 5) * 67108864.0 + <f64>(i32x4.extract_lane(y, 3) >>> 6)) / 9007199254740992.0) - 1.0;
      }
      const r2 = x1 * x1 + x2 * x2;
      const at = base + (k << 4);
      store<f64>(at, x1);
      store<f64>(at, x2, 8);
      k += <usize>(r2 < 1.0 && r2 != 0.0);
    }
    for (let j: usize = 0; j < pairs; j++) {
      const at = base + (j << 4);
      const x1 = load<f64>(at);
      const x2 = load<f64>(at, 8);
      const r2 = x1 * x1 + x2 * x2;
      const f = Math.sqrt((-2.0 * logGlibc(r2)) / r2);
      store<f64>(at, f * x2);
      store<f64>(at, f * x1, 8);
    }
    i += pairs << 1;
  }
  store<i32>(st + MT_POS, pos);
  if (i < n) store<f64>(out + (i << 3), mtGauss(st));
}

/** `loc + scale * g` for `n` standard normals g (RandomState.normal). */
export function mt19937_normal_f64(st: usize, out: usize, n: usize, loc: f64, scale: f64): void {
  mt19937_gauss_f64(st, out, n);
  for (let i: usize = 0; i < n; i++) {
    const at = out + (i << 3);
    store<f64>(at, loc + scale * load<f64>(at));
  }
}

// ---- PCG64 ----

const PCG_MUL_HI: u64 = 2549297995355413924;
const PCG_MUL_LO: u64 = 4865540595714422341;
const PCG_HAS32: usize = 32;
const PCG_U32: usize = 36;

/** High 64 bits of the 128-bit product a * b, from 32-bit halves. */
@inline function mulhi64(a: u64, b: u64): u64 {
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
@inline function pcgNext64(st: usize): u64 {
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
@inline function pcgNext32(st: usize): u32 {
  if (load<i32>(st + PCG_HAS32)) {
    store<i32>(st + PCG_HAS32, 0);
    return load<u32>(st + PCG_U32);
  }
  const v = pcgNext64(st);
  store<i32>(st + PCG_HAS32, 1);
  store<u32>(st + PCG_U32, <u32>(v >> 32));
  return <u32>v;
}

@inline function pcgDouble(st: usize): f64 {
  return <f64>(pcgNext64(st) >> 11) * (1.0 / 9007199254740992.0);
}

@inline function pcgFloat(st: usize): f32 {
  return <f32>(pcgNext32(st) >> 8) * (<f32>1.0 / <f32>16777216.0);
}

// ---- generator-generic draws (G = u32: MT19937, G = u64: PCG64) ----

@inline function next32<G>(st: usize): u32 {
  if (sizeof<G>() == 4) return mtNext(st);
  return pcgNext32(st);
}

@inline function next64<G>(st: usize): u64 {
  if (sizeof<G>() == 4) return mtNext64(st);
  return pcgNext64(st);
}

@inline function nextDouble<G>(st: usize): f64 {
  if (sizeof<G>() == 4) return mtDouble(st);
  return pcgDouble(st);
}

/** Smallest all-ones mask >= max. */
@inline function genMask(max: u64): u64 {
  let m = max;
  m |= m >> 1;
  m |= m >> 2;
  m |= m >> 4;
  m |= m >> 8;
  m |= m >> 16;
  m |= m >> 32;
  return m;
}

/** NumPy's `random_interval`: uniform in [0, max] by masked rejection. */
@inline function interval<G>(st: usize, max: u64): u64 {
  if (max == 0) return 0;
  const mask = genMask(max);
  let v: u64;
  if (max <= 0xffffffff) {
    do v = <u64>(next32<G>(st)) & mask;
    while (v > max);
  } else {
    do v = next64<G>(st) & mask;
    while (v > max);
  }
  return v;
}

/** Lemire's nearly divisionless bounded draw in [0, rng], rng < 2^64 - 1. */
@inline function lemire64<G>(st: usize, rng: u64): u64 {
  const excl = rng + 1;
  let x = next64<G>(st);
  let left = x * excl;
  if (left < excl) {
    const threshold = (0xffffffffffffffff - rng) % excl;
    while (left < threshold) {
      x = next64<G>(st);
      left = x * excl;
    }
  }
  return mulhi64(x, excl);
}

@inline function lemire32<G>(st: usize, rng: u32): u32 {
  const excl = rng + 1;
  let m = <u64>next32<G>(st) * <u64>excl;
  let left = <u32>m;
  if (left < excl) {
    const threshold = (0xffffffff - rng) % excl;
    while (left < threshold) {
      m = <u64>next32<G>(st) * <u64>excl;
      left = <u32>m;
    }
  }
  return <u32>(m >> 32);
}

/** NumPy's `random_bounded_uint64` for one value in [off, off + rng] (wrapping). */
@inline function bounded64<G>(st: usize, off: u64, rng: u64, masked: bool): u64 {
  if (rng == 0) return off;
  if (rng <= 0xffffffff) {
    if (rng == 0xffffffff) return off + <u64>next32<G>(st);
    if (masked) {
      const mask = <u32>genMask(rng);
      let v: u32;
      do v = next32<G>(st) & mask;
      while (<u64>v > rng);
      return off + <u64>v;
    }
    return off + <u64>lemire32<G>(st, <u32>rng);
  }
  if (rng == 0xffffffffffffffff) return off + next64<G>(st);
  if (masked) {
    const mask = genMask(rng);
    let v: u64;
    do v = next64<G>(st) & mask;
    while (v > rng);
    return off + v;
  }
  return off + lemire64<G>(st, rng);
}

function boundedU64<G>(st: usize, out: usize, n: usize, off: u64, rng: u64, masked: bool): void {
  for (let i: usize = 0; i < n; i++) store<u64>(out + (i << 3), bounded64<G>(st, off, rng, masked));
}

function boundedU32<G>(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  if (rng == 0) {
    for (let i: usize = 0; i < n; i++) store<u32>(out + (i << 2), off);
  } else if (rng == 0xffffffff) {
    for (let i: usize = 0; i < n; i++) store<u32>(out + (i << 2), off + next32<G>(st));
  } else if (masked) {
    const mask = <u32>genMask(rng);
    for (let i: usize = 0; i < n; i++) {
      let v: u32;
      do v = next32<G>(st) & mask;
      while (v > rng);
      store<u32>(out + (i << 2), off + v);
    }
  } else {
    for (let i: usize = 0; i < n; i++) store<u32>(out + (i << 2), off + lemire32<G>(st, rng));
  }
}

// 16- and 8-bit draws share one 32-bit word, low part first. The buffer
// lives only for one fill, as in NumPy (each call starts with an empty one).

/**
 * Bounded draws for 8- and 16-bit outputs (T = u8 or u16). NumPy's buffered
 * generator splits each 32-bit draw into 32/bits pieces, lowest first, and
 * uses the masked method or Lemire's on `bits` bits.
 */
function boundedSmall<G, T>(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  const bits: u32 = <u32>sizeof<T>() * 8;
  const full: u32 = (1 << bits) - 1;
  const pieces: i32 = <i32>(32 / bits) - 1;
  let buf: u32 = 0;
  let left = 0;
  const mask = <u32>genMask(rng);
  const excl = rng + 1;
  for (let i: usize = 0; i < n; i++) {
    let v: u32;
    if (rng == 0) {
      v = 0;
    } else if (rng == full || masked) {
      const m = rng == full ? full : mask;
      do {
        if (left == 0) {
          buf = next32<G>(st);
          left = pieces;
        } else {
          buf >>= bits;
          left--;
        }
        v = buf & m;
      } while (v > rng);
    } else {
      // Lemire on `bits` bits: m = draw * (rng + 1), keep the high half.
      if (left == 0) {
        buf = next32<G>(st);
        left = pieces;
      } else {
        buf >>= bits;
        left--;
      }
      let m = (buf & full) * excl;
      let lo = m & full;
      if (lo < excl) {
        const threshold: u32 = (full - rng) % excl;
        while (lo < threshold) {
          if (left == 0) {
            buf = next32<G>(st);
            left = pieces;
          } else {
            buf >>= bits;
            left--;
          }
          m = (buf & full) * excl;
          lo = m & full;
        }
      }
      v = m >> bits;
    }
    store<T>(out + i * sizeof<T>(), <T>(off + v));
  }
}

/** Booleans: one bit per value from a 32-bit word; rng == 0 means every value is `off`. */
function boundedBool<G>(st: usize, out: usize, n: usize, off: u32, rng: u32): void {
  if (rng == 0) {
    for (let i: usize = 0; i < n; i++) store<u8>(out + i, <u8>off);
    return;
  }
  let buf: u32 = 0;
  let left = 0;
  for (let i: usize = 0; i < n; i++) {
    if (left == 0) {
      buf = next32<G>(st);
      left = 31;
    } else {
      buf >>= 1;
      left--;
    }
    store<u8>(out + i, <u8>(buf & 1));
  }
}

export function mt19937_bounded_uint64(st: usize, out: usize, n: usize, off: u64, rng: u64, masked: bool): void {
  boundedU64<u32>(st, out, n, off, rng, masked);
}
export function mt19937_bounded_uint32(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  boundedU32<u32>(st, out, n, off, rng, masked);
}
export function mt19937_bounded_uint16(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  boundedSmall<u32, u16>(st, out, n, off, rng, masked);
}
export function mt19937_bounded_uint8(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  boundedSmall<u32, u8>(st, out, n, off, rng, masked);
}
export function mt19937_bounded_bool(st: usize, out: usize, n: usize, off: u32, rng: u32): void {
  boundedBool<u32>(st, out, n, off, rng);
}
export function pcg64_bounded_uint64(st: usize, out: usize, n: usize, off: u64, rng: u64, masked: bool): void {
  boundedU64<u64>(st, out, n, off, rng, masked);
}
export function pcg64_bounded_uint32(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  boundedU32<u64>(st, out, n, off, rng, masked);
}
export function pcg64_bounded_uint16(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  boundedSmall<u64, u16>(st, out, n, off, rng, masked);
}
export function pcg64_bounded_uint8(st: usize, out: usize, n: usize, off: u32, rng: u32, masked: bool): void {
  boundedSmall<u64, u8>(st, out, n, off, rng, masked);
}
export function pcg64_bounded_bool(st: usize, out: usize, n: usize, off: u32, rng: u32): void {
  boundedBool<u64>(st, out, n, off, rng);
}

// ---- shuffles ----

@inline function swapItems(a: usize, b: usize, itemsize: usize): void {
  if (itemsize == 8) {
    const t = load<u64>(a);
    store<u64>(a, load<u64>(b));
    store<u64>(b, t);
  } else if (itemsize == 4) {
    const t = load<u32>(a);
    store<u32>(a, load<u32>(b));
    store<u32>(b, t);
  } else if (itemsize == 2) {
    const t = load<u16>(a);
    store<u16>(a, load<u16>(b));
    store<u16>(b, t);
  } else {
    const t = load<u8>(a);
    store<u8>(a, load<u8>(b));
    store<u8>(b, t);
  }
}

/** Fisher-Yates over `n` items of `itemsize` (1, 2, 4 or 8) bytes `stride` apart, j by random_interval. */
function shuffleItems<G>(st: usize, data: usize, n: usize, itemsize: usize, stride: isize): void {
  for (let i = <isize>n - 1; i >= 1; i--) {
    const j = <isize>interval<G>(st, <u64>i);
    swapItems(data + j * stride, data + i * stride, itemsize);
  }
}

/** The j of each Fisher-Yates step i = n-1 … 1, as random_interval(i), written to `out` (u64) in that order. */
function intervalSeq<G>(st: usize, out: usize, n: usize): void {
  let k: usize = 0;
  for (let i = <isize>n - 1; i >= 1; i--) {
    store<u64>(out + (k << 3), interval<G>(st, <u64>i));
    k++;
  }
}

export function mt19937_shuffle(st: usize, data: usize, n: usize, itemsize: usize, stride: isize): void {
  shuffleItems<u32>(st, data, n, itemsize, stride);
}
export function pcg64_shuffle(st: usize, data: usize, n: usize, itemsize: usize, stride: isize): void {
  shuffleItems<u64>(st, data, n, itemsize, stride);
}
export function mt19937_interval_seq(st: usize, out: usize, n: usize): void {
  intervalSeq<u32>(st, out, n);
}
export function pcg64_interval_seq(st: usize, out: usize, n: usize): void {
  intervalSeq<u64>(st, out, n);
}

/** Generator's `_shuffle_int`: int64 Fisher-Yates for i = n-1 … first with Lemire draws in [0, i]. */
export function pcg64_shuffle_int64(st: usize, data: usize, n: usize, first: usize): void {
  for (let i = <isize>n - 1; i >= <isize>first; i--) {
    const j = <usize>bounded64<u64>(st, 0, <u64>i, false);
    swapItems(data + (j << 3), data + (<usize>i << 3), 8);
  }
}

/** out[k] = Lemire draw in [0, start + k] for k < count (Floyd's sampling in Generator.choice). */
export function pcg64_lemire_seq(st: usize, out: usize, start: u64, count: usize): void {
  for (let k: usize = 0; k < count; k++) store<u64>(out + (k << 3), bounded64<u64>(st, 0, start + <u64>k, false));
}

// ---- PCG64 floating-point fills ----

export function pcg64_random_f64(st: usize, out: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), pcgDouble(st));
}

export function pcg64_random_f32(st: usize, out: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<f32>(out + (i << 2), pcgFloat(st));
}

export function pcg64_uniform_f64(st: usize, out: usize, n: usize, low: f64, range: f64): void {
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

export function pcg64_standard_normal_f64(st: usize, out: usize, n: usize): void {
  normalFill64(st, out, n, 0, 1, true);
}

export function pcg64_normal_f64(st: usize, out: usize, n: usize, loc: f64, scale: f64): void {
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
export function pcg64_standard_normal_f32(st: usize, out: usize, n: usize): void {
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
