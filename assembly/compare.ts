// Element-wise comparisons into bool (0/1 bytes), 16 results per SIMD step.
//
// op: 0 ==, 1 !=, 2 <, 3 <=, 4 >, 5 >=. A scalar on the left is the façade's
// business (it swaps the operator). Operands are contiguous and of one
// dtype (the façade casts by NumPy's promotion rules first); float16 and
// bfloat16 arrive as float32. Each export switches on `op` once, outside
// the loop: every case is its own loop after inlining.
//
// Lane masks (all ones / zero) narrow to bytes with saturating narrows
// (8-byte lanes are first shuffled to 4-byte ones) and are ANDed with 1.
// uint64 has no SIMD ordering compare, so it runs the scalar loop.

@inline function cmpV<T>(a: v128, b: v128, op: i32): v128 {
  // uint64 never takes the SIMD loop; this only keeps the generic compiling.
  if (isInteger<T>() && sizeof<T>() == 8 && !isSigned<T>()) return v128.eq<i64>(a, b);
  if (op == 0) return v128.eq<T>(a, b);
  if (op == 1) return v128.ne<T>(a, b);
  if (op == 2) return v128.lt<T>(a, b);
  if (op == 3) return v128.le<T>(a, b);
  if (op == 4) return v128.gt<T>(a, b);
  return v128.ge<T>(a, b);
}

@inline function cmpS<T>(a: T, b: T, op: i32): u8 {
  if (op == 0) return <u8>(a == b);
  if (op == 1) return <u8>(a != b);
  if (op == 2) return <u8>(a < b);
  if (op == 3) return <u8>(a <= b);
  if (op == 4) return <u8>(a > b);
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

@inline function dispatch<T>(a: usize, b: usize, s: T, out: usize, n: usize, scalar: bool, op: i32): void {
  const simd = !(isInteger<T>() && sizeof<T>() == 8 && !isSigned<T>());
  if (op == 0) loop<T>(a, b, s, out, n, scalar, 0, simd);
  else if (op == 1) loop<T>(a, b, s, out, n, scalar, 1, simd);
  else if (op == 2) loop<T>(a, b, s, out, n, scalar, 2, simd);
  else if (op == 3) loop<T>(a, b, s, out, n, scalar, 3, simd);
  else if (op == 4) loop<T>(a, b, s, out, n, scalar, 4, simd);
  else loop<T>(a, b, s, out, n, scalar, 5, simd);
}

// out[i] = a[i] op b[i]
export function compare_vv_int8(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<i8>(a, b, 0, out, n, false, op); }
export function compare_vv_uint8(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<u8>(a, b, 0, out, n, false, op); }
export function compare_vv_int16(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<i16>(a, b, 0, out, n, false, op); }
export function compare_vv_uint16(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<u16>(a, b, 0, out, n, false, op); }
export function compare_vv_int32(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<i32>(a, b, 0, out, n, false, op); }
export function compare_vv_uint32(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<u32>(a, b, 0, out, n, false, op); }
export function compare_vv_int64(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<i64>(a, b, 0, out, n, false, op); }
export function compare_vv_uint64(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<u64>(a, b, 0, out, n, false, op); }
export function compare_vv_float32(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<f32>(a, b, 0, out, n, false, op); }
export function compare_vv_float64(a: usize, b: usize, out: usize, n: usize, op: i32): void { dispatch<f64>(a, b, 0, out, n, false, op); }

// out[i] = a[i] op s
export function compare_vs_int8(a: usize, s: i8, out: usize, n: usize, op: i32): void { dispatch<i8>(a, 0, s, out, n, true, op); }
export function compare_vs_uint8(a: usize, s: u8, out: usize, n: usize, op: i32): void { dispatch<u8>(a, 0, s, out, n, true, op); }
export function compare_vs_int16(a: usize, s: i16, out: usize, n: usize, op: i32): void { dispatch<i16>(a, 0, s, out, n, true, op); }
export function compare_vs_uint16(a: usize, s: u16, out: usize, n: usize, op: i32): void { dispatch<u16>(a, 0, s, out, n, true, op); }
export function compare_vs_int32(a: usize, s: i32, out: usize, n: usize, op: i32): void { dispatch<i32>(a, 0, s, out, n, true, op); }
export function compare_vs_uint32(a: usize, s: u32, out: usize, n: usize, op: i32): void { dispatch<u32>(a, 0, s, out, n, true, op); }
export function compare_vs_int64(a: usize, s: i64, out: usize, n: usize, op: i32): void { dispatch<i64>(a, 0, s, out, n, true, op); }
export function compare_vs_uint64(a: usize, s: u64, out: usize, n: usize, op: i32): void { dispatch<u64>(a, 0, s, out, n, true, op); }
export function compare_vs_float32(a: usize, s: f32, out: usize, n: usize, op: i32): void { dispatch<f32>(a, 0, s, out, n, true, op); }
export function compare_vs_float64(a: usize, s: f64, out: usize, n: usize, op: i32): void { dispatch<f64>(a, 0, s, out, n, true, op); }
