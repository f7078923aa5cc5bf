// Element-wise comparisons into bool (0/1 bytes), 16 results per SIMD step,
// and the logical operations on truth bytes: compare(op, dtype, out, a, b,
// n, scalarB) and logical(op, out, a, b, n), ABI of ./abi.ts.
//
// op: the Compare codes of ./codes.ts (==, !=, <, <=, >, >=). A scalar
// on the left is the façade's business (it swaps the operator); a scalar
// on the right is one element at b, read once. Operands are contiguous
// and of one dtype (the façade casts by NumPy's promotion rules first);
// float16 and bfloat16 arrive as float32, bool as uint8. Each call
// switches on `op` once, outside the loop: every case is its own loop
// after inlining.
//
// Lane masks (all ones / zero) narrow to bytes with saturating narrows
// (8-byte lanes are first shuffled to 4-byte ones) and are ANDed with 1.
// uint64 has no SIMD ordering compare, so it runs the scalar loop.

import { Compare, DType, Logical } from "./codes";

@inline function cmpV<T>(a: v128, b: v128, op: i32): v128 {
  // uint64 never takes the SIMD loop; this only keeps the generic compiling.
  if (isInteger<T>() && sizeof<T>() == 8 && !isSigned<T>()) return v128.eq<i64>(a, b);
  if (op == Compare.equal) return v128.eq<T>(a, b);
  if (op == Compare.not_equal) return v128.ne<T>(a, b);
  if (op == Compare.less) return v128.lt<T>(a, b);
  if (op == Compare.less_equal) return v128.le<T>(a, b);
  if (op == Compare.greater) return v128.gt<T>(a, b);
  return v128.ge<T>(a, b);
}

@inline function cmpS<T>(a: T, b: T, op: i32): u8 {
  if (op == Compare.equal) return <u8>(a == b);
  if (op == Compare.not_equal) return <u8>(a != b);
  if (op == Compare.less) return <u8>(a < b);
  if (op == Compare.less_equal) return <u8>(a <= b);
  if (op == Compare.greater) return <u8>(a > b);
  return <u8>(a >= b);
}

/** 16 lane-mask results starting at element i of a (and b, or the splat s). */
@inline function block16<T>(a: usize, b: usize, sv: v128, scalar: bool, op: i32): v128 {
  const w = sizeof<T>();
  if (w == 1) {
    return cmpV<T>(v128.load(a), scalar ? sv : v128.load(b), op);
  }
  if (w == 2) {
    const m0 = cmpV<T>(v128.load(a), scalar ? sv : v128.load(b), op);
    const m1 = cmpV<T>(v128.load(a, 16), scalar ? sv : v128.load(b, 16), op);
    return i8x16.narrow_i16x8_s(m0, m1);
  }
  if (w == 4) {
    const m0 = cmpV<T>(v128.load(a), scalar ? sv : v128.load(b), op);
    const m1 = cmpV<T>(v128.load(a, 16), scalar ? sv : v128.load(b, 16), op);
    const m2 = cmpV<T>(v128.load(a, 32), scalar ? sv : v128.load(b, 32), op);
    const m3 = cmpV<T>(v128.load(a, 48), scalar ? sv : v128.load(b, 48), op);
    return i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(m0, m1), i16x8.narrow_i32x4_s(m2, m3));
  }
  const m0 = cmpV<T>(v128.load(a), scalar ? sv : v128.load(b), op);
  const m1 = cmpV<T>(v128.load(a, 16), scalar ? sv : v128.load(b, 16), op);
  const m2 = cmpV<T>(v128.load(a, 32), scalar ? sv : v128.load(b, 32), op);
  const m3 = cmpV<T>(v128.load(a, 48), scalar ? sv : v128.load(b, 48), op);
  const m4 = cmpV<T>(v128.load(a, 64), scalar ? sv : v128.load(b, 64), op);
  const m5 = cmpV<T>(v128.load(a, 80), scalar ? sv : v128.load(b, 80), op);
  const m6 = cmpV<T>(v128.load(a, 96), scalar ? sv : v128.load(b, 96), op);
  const m7 = cmpV<T>(v128.load(a, 112), scalar ? sv : v128.load(b, 112), op);
  const q0 = i32x4.shuffle(m0, m1, 0, 2, 4, 6);
  const q1 = i32x4.shuffle(m2, m3, 0, 2, 4, 6);
  const q2 = i32x4.shuffle(m4, m5, 0, 2, 4, 6);
  const q3 = i32x4.shuffle(m6, m7, 0, 2, 4, 6);
  return i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(q0, q1), i16x8.narrow_i32x4_s(q2, q3));
}

@inline function loop<T>(a: usize, b: usize, s: T, out: usize, n: usize, scalar: bool, op: i32, simd: bool): void {
  const w = sizeof<T>();
  let i: usize = 0;
  if (simd) {
    const sv = v128.splat<T>(s);
    const one = i8x16.splat(1);
    for (; i + 16 <= n; i += 16) {
      v128.store(out + i, v128.and(block16<T>(a + i * w, b + i * w, sv, scalar, op), one));
    }
  }
  for (; i < n; i++) {
    const x = load<T>(a + i * w);
    const y = scalar ? s : load<T>(b + i * w);
    store<u8>(out + i, cmpS<T>(x, y, op));
  }
}

/** The uint64 loop is scalar (no SIMD ordering compare for it). */
@inline function simdFor<T>(): bool {
  return !(isInteger<T>() && sizeof<T>() == 8 && !isSigned<T>());
}

// One function per (operation, scalar or not), with both literals inside,
// so the optimiser specialises each loop on its own. (One shared body with
// them in locals lets binaryen's code folding merge the arms into a loop
// that tests them per vector: 3-4x slower.)
function equalVV<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, b, <T>0, out, n, false, Compare.equal, simdFor<T>()); }
function equalVS<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, 0, load<T>(b), out, n, true, Compare.equal, simdFor<T>()); }
function notEqualVV<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, b, <T>0, out, n, false, Compare.not_equal, simdFor<T>()); }
function notEqualVS<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, 0, load<T>(b), out, n, true, Compare.not_equal, simdFor<T>()); }
function lessVV<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, b, <T>0, out, n, false, Compare.less, simdFor<T>()); }
function lessVS<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, 0, load<T>(b), out, n, true, Compare.less, simdFor<T>()); }
function lessEqualVV<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, b, <T>0, out, n, false, Compare.less_equal, simdFor<T>()); }
function lessEqualVS<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, 0, load<T>(b), out, n, true, Compare.less_equal, simdFor<T>()); }
function greaterVV<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, b, <T>0, out, n, false, Compare.greater, simdFor<T>()); }
function greaterVS<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, 0, load<T>(b), out, n, true, Compare.greater, simdFor<T>()); }
function greaterEqualVV<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, b, <T>0, out, n, false, Compare.greater_equal, simdFor<T>()); }
function greaterEqualVS<T>(out: usize, a: usize, b: usize, n: usize): void { loop<T>(a, 0, load<T>(b), out, n, true, Compare.greater_equal, simdFor<T>()); }

function dispatch<T>(out: usize, a: usize, b: usize, n: usize, op: i32, scalarB: bool): void {
  if (scalarB) {
    switch (op) {
      case Compare.equal: return equalVS<T>(out, a, b, n);
      case Compare.not_equal: return notEqualVS<T>(out, a, b, n);
      case Compare.less: return lessVS<T>(out, a, b, n);
      case Compare.less_equal: return lessEqualVS<T>(out, a, b, n);
      case Compare.greater: return greaterVS<T>(out, a, b, n);
      case Compare.greater_equal: return greaterEqualVS<T>(out, a, b, n);
    }
  } else {
    switch (op) {
      case Compare.equal: return equalVV<T>(out, a, b, n);
      case Compare.not_equal: return notEqualVV<T>(out, a, b, n);
      case Compare.less: return lessVV<T>(out, a, b, n);
      case Compare.less_equal: return lessEqualVV<T>(out, a, b, n);
      case Compare.greater: return greaterVV<T>(out, a, b, n);
      case Compare.greater_equal: return greaterEqualVV<T>(out, a, b, n);
    }
  }
  unreachable();
}

/**
 * out[i] = a[i] `op` b[i] (b a C run of n, or, when scalarB, one element
 * the façade stored in the dtype) for n elements of dtype `dtype`; codes
 * of ./codes.ts (Compare, DType).
 */
export function compare(op: i32, dtype: i32, out: usize, a: usize, b: usize, n: usize, scalarB: bool): void {
  switch (dtype) {
    case DType.int8: return dispatch<i8>(out, a, b, n, op, scalarB);
    case DType.uint8: return dispatch<u8>(out, a, b, n, op, scalarB);
    case DType.int16: return dispatch<i16>(out, a, b, n, op, scalarB);
    case DType.uint16: return dispatch<u16>(out, a, b, n, op, scalarB);
    case DType.int32: return dispatch<i32>(out, a, b, n, op, scalarB);
    case DType.uint32: return dispatch<u32>(out, a, b, n, op, scalarB);
    case DType.int64: return dispatch<i64>(out, a, b, n, op, scalarB);
    case DType.uint64: return dispatch<u64>(out, a, b, n, op, scalarB);
    case DType.float32: return dispatch<f32>(out, a, b, n, op, scalarB);
    case DType.float64: return dispatch<f64>(out, a, b, n, op, scalarB);
  }
  unreachable();
}

// ---- logical operations on truth bytes -------------------------------------

/**
 * out[i] = a[i] and/or/xor b[i] on truth bytes (nonzero is true), or not
 * a[i] (b unused); Logical codes of ./codes.ts. 0/1 bytes.
 */
export function logical(op: i32, out: usize, a: usize, b: usize, n: usize): void {
  const zero = i8x16.splat(0);
  const one = i8x16.splat(1);
  let i: usize = 0;
  for (; i + 16 <= n; i += 16) {
    const x = i8x16.ne(v128.load(a + i), zero);
    let r: v128;
    if (op == Logical.logical_not) r = v128.not(x);
    else {
      const y = i8x16.ne(v128.load(b + i), zero);
      r = op == Logical.logical_and ? v128.and(x, y) : op == Logical.logical_or ? v128.or(x, y) : v128.xor(x, y);
    }
    v128.store(out + i, v128.and(r, one));
  }
  for (; i < n; i++) {
    const x = load<u8>(a + i) != 0;
    let r: bool;
    if (op == Logical.logical_not) r = !x;
    else {
      const y = load<u8>(b + i) != 0;
      r = op == Logical.logical_and ? x && y : op == Logical.logical_or ? x || y : x != y;
    }
    store<u8>(out + i, <u8>r);
  }
}
