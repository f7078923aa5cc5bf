// log as glibc's FMA build computes it (the polar Gaussian of MT19937).

import { LOG_INVC_LOGC } from "../tables/random_tables";

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
export function logGlibc(x: f64): f64 {
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

