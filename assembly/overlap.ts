// Memory overlap: do two strided views touch a common byte?
//
// The problem. A view touches the bytes start + Σ s_i·x_i + k, 0 ≤ x_i < n_i,
// 0 ≤ k < itemsize. Two views share a byte exactly when one such address of
// the first equals one of the second. Flipping the sign of each negative
// stride (x → n-1-x) and writing the second view from its last byte
// backwards turns that into one bounded linear Diophantine equation with
// positive coefficients (the façade, src/overlap.ts, builds it):
//
//     Σ a_i·x_i = b,   a_i > 0,   0 ≤ x_i ≤ u_i
//
// one term per axis of either view (|stride|, length-1) plus one term
// (1, itemsize-1) per view whose items span more than one byte. The question
// is NP-hard in general; NumPy (numpy/_core/src/common/mem_overlap.c, after
// Ramachandran 2006) answers it by Euclid-based pruning under a work budget,
// and so do we, with the same enumeration order and the same notion of work
// so that a budget means what it means in NumPy.
//
// The approach. Sort the terms by coefficient, largest first; merge equal
// coefficients (their bounds add); clip each bound to b / a_i and drop the
// terms that can only be 0. Then fold the terms left to right: term j and
// everything before it behave like one variable with coefficient
// g_j = gcd(a_0..a_j) and a bound that is the sum of the scaled bounds. The
// search walks back from the last term: with the fold of terms 0..v-1 as
// (a1, u1) and term v as (a2, u2), a solution needs b ≡ 0 (mod g) and
// a2·x_v ≡ b (mod a1), which pins x_v to one residue class mod a1/g; the
// bounds of both variables cut that class to a range. Each candidate x_v,
// largest first, leaves the smaller problem with right-hand side b - a2·x_v.
// At the first term any candidate is a solution.
//
// Cheap cases. Slices of one contiguous parent give at most one candidate
// per level (the strides divide each other); offsets that no stride
// combination can bridge fail at the gcd test of the top level. The façade
// answers disjoint extents, different allocations, empty views and the
// same first byte without calling here.
//
// Limits. Work counts the search nodes that ended without a solution; when
// it reaches the budget the answer is TOO_HARD (a budget below 0 means no
// limit). The inputs are below 2^53 (the façade checks); every product here
// is either bounded by b or computed modulo a coefficient, and the folded
// bounds saturate (a looser bound only adds candidates that then fail), so
// the solver cannot overflow. OVERFLOW remains in the ABI for a merged bound
// that does not fit, which cannot happen below 2^53 with at most 130 terms.

/** No byte in common. */
const OVERLAP_NO: i32 = 0;
/** At least one byte in common. */
const OVERLAP_YES: i32 = 1;
/** The budget ran out before an answer. */
const OVERLAP_TOO_HARD: i32 = 2;
/** An intermediate value did not fit in 64 bits. */
const OVERLAP_OVERFLOW: i32 = 3;

// Scratch layout, in 8-byte slots from the table address `s`:
//   s + 0        out: work done (f64)
//   s + 16       in: n terms as f64 pairs (a, u); rewritten as i64 pairs
//   after them   workspace: per level the folded coefficient, folded bound,
//                and the inverse used to pin the residue class (i64 each)
const TERMS: usize = 16;

const I64_MAX: i64 = 0x7fffffffffffffff;

@inline function termA(t: usize, i: i32): i64 {
  return load<i64>(t + (<usize>i << 4));
}
@inline function termU(t: usize, i: i32): i64 {
  return load<i64>(t + (<usize>i << 4), 8);
}
@inline function setTerm(t: usize, i: i32, a: i64, u: i64): void {
  store<i64>(t + (<usize>i << 4), a);
  store<i64>(t + (<usize>i << 4), u, 8);
}

/** (x·y) mod m for 0 ≤ x, y < m < 2^63, without overflowing 64 bits. */
function mulMod(x: u64, y: u64, m: u64): u64 {
  if (x < 0x100000000 && y < 0x100000000) return (x * y) % m;
  // Double-and-add keeps every partial sum below 2m < 2^64.
  let r: u64 = 0;
  while (y != 0) {
    if (y & 1) {
      r += x;
      if (r >= m) r -= m;
    }
    x += x;
    if (x >= m) x -= m;
    y >>= 1;
  }
  return r;
}

/**
 * gcd(p, q) and the coefficient e with e·q ≡ gcd (mod p), for p, q > 0;
 * returns the gcd and stores e at `out`.
 */
function gcdWithInverse(p: i64, q: i64, out: usize): i64 {
  // Invariants: r0 ≡ e0·q and r1 ≡ e1·q (mod p).
  let r0 = p;
  let r1 = q;
  let e0: i64 = 0;
  let e1: i64 = 1;
  while (r1 != 0) {
    const k = r0 / r1;
    const r2 = r0 - k * r1;
    const e2 = e0 - k * e1;
    r0 = r1;
    r1 = r2;
    e0 = e1;
    e1 = e2;
  }
  store<i64>(out, e0);
  return r0;
}

/**
 * Decides Σ a_i·x_i = b, 0 ≤ x_i ≤ u_i, for the `n` terms at `s + 16`
 * (f64 pairs a > 0, u ≥ 0, all below 2^53) and 0 ≤ b < 2^53. `maxWork` < 0
 * means no budget. Returns OVERLAP_NO/YES/TOO_HARD/OVERFLOW and stores the
 * work done (as f64) at `s`. Rewrites the table in place.
 */
export function overlap_solve(s: usize, n: i32, rhs: f64, maxWork: f64): i32 {
  const t = s + TERMS;
  const b = <i64>rhs;
  const budget = <i64>maxWork;
  store<f64>(s, 0);

  // Read as integers and sort by coefficient, largest first (n is small).
  for (let i = 0; i < n; i++) {
    const a = <i64>load<f64>(t + (<usize>i << 4));
    const u = <i64>load<f64>(t + (<usize>i << 4), 8);
    let j = i;
    while (j > 0 && termA(t, j - 1) < a) {
      setTerm(t, j, termA(t, j - 1), termU(t, j - 1));
      j--;
    }
    setTerm(t, j, a, u);
  }

  // Equal coefficients act as one variable whose bound is the sum.
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a = termA(t, i);
    const u = termU(t, i);
    if (m > 0 && termA(t, m - 1) == a) {
      const sum = termU(t, m - 1) + u;
      if (sum < u) return OVERLAP_OVERFLOW;
      setTerm(t, m - 1, a, sum);
    } else {
      setTerm(t, m, a, u);
      m++;
    }
  }

  // No variable can exceed b / a; a variable that can only be 0 is dropped.
  let k = 0;
  for (let i = 0; i < m; i++) {
    const a = termA(t, i);
    let u = termU(t, i);
    const cap = b / a;
    if (u > cap) u = cap;
    if (u != 0) {
      setTerm(t, k, a, u);
      k++;
    }
  }
  n = k;

  if (n == 0) return b == 0 ? OVERLAP_YES : OVERLAP_NO;
  if (n == 1) {
    const a = termA(t, 0);
    return b % a == 0 && b / a <= termU(t, 0) ? OVERLAP_YES : OVERLAP_NO;
  }

  // Fold: level v describes terms 0..v as one variable. Slot layout per
  // level: folded coefficient, folded bound, inverse of (a_v / g) modulo
  // (folded coefficient of level v-1) / g.
  const w = t + (<usize>n << 4);
  let fa = termA(t, 0);
  let fu = termU(t, 0);
  store<i64>(w, fa);
  store<i64>(w, fu, 8);
  for (let v = 1; v < n; v++) {
    const a = termA(t, v);
    const u = termU(t, v);
    const slot = w + <usize>v * 24;
    const g = gcdWithInverse(fa, a, slot + 16);
    // Folded bound (fa/g)·fu + (a/g)·u, saturating: a looser bound only
    // admits candidates that the levels below then reject.
    const p = satMul(fa / g, fu);
    const q = satMul(a / g, u);
    fu = p > I64_MAX - q ? I64_MAX : p + q;
    fa = g;
    store<i64>(slot, fa);
    store<i64>(slot, fu, 8);
  }

  const res = search(t, w, n - 1, b, budget, s);
  return res;
}

@inline function satMul(x: i64, y: i64): i64 {
  if (x != 0 && y > I64_MAX / x) return I64_MAX;
  return x * y;
}

/** Work counter, kept in the table's out slot while the search runs. */
@inline function bump(s: usize): void {
  store<f64>(s, load<f64>(s) + 1);
}

/**
 * Is there a solution for terms 0..v with right-hand side b ≥ 0?
 * Depth-first, candidates for x_v largest first.
 */
function search(t: usize, w: usize, v: i32, b: i64, budget: i64, s: usize): i32 {
  if (budget >= 0 && <i64>load<f64>(s) >= budget) return OVERLAP_TOO_HARD;
  const prev = w + <usize>(v - 1) * 24;
  const here = w + <usize>v * 24;
  const a1 = load<i64>(prev);
  const u1 = load<i64>(prev, 8);
  const g = load<i64>(here);
  const a2 = termA(t, v);
  const u2 = termU(t, v);

  if (b % g != 0) {
    bump(s);
    return OVERLAP_NO;
  }
  // a2·x ≡ b (mod a1) ⟺ x ≡ (b/g)·inv (mod step), step = a1/g.
  const step = a1 / g;
  let r: i64 = 0;
  if (step > 1) {
    let inv = load<i64>(here, 16) % step;
    if (inv < 0) inv += step;
    r = <i64>mulMod(<u64>((b / g) % step), <u64>inv, <u64>step);
  }
  // x_v ≤ u2 and a2·x_v ≤ b keep x_v and the rest non-negative; the rest
  // within its folded bound needs a2·x_v ≥ b - a1·u1.
  let hi = b / a2;
  if (hi > u2) hi = u2;
  let lo: i64 = 0;
  if (u1 < I64_MAX / a1) {
    const rest = a1 * u1;
    if (rest < b) lo = (b - rest + a2 - 1) / a2;
  }
  if (hi < r) {
    bump(s);
    return OVERLAP_NO;
  }
  const top = hi - (hi - r) % step;
  if (top < lo) {
    bump(s);
    return OVERLAP_NO;
  }
  if (v == 1) return OVERLAP_YES;
  for (let x = top; x >= lo; x -= step) {
    const res = search(t, w, v - 1, b - a2 * x, budget, s);
    if (res != OVERLAP_NO) return res;
  }
  bump(s);
  return OVERLAP_NO;
}
