// Element-wise kernels (NumPy's ufunc inner loops): one generic driver per
// arity, instantiated per operation and dtype as `<op>_<dtype>`, e.g.
// `add_float32`, `sqrt_float64`, `isnan_float32`.
//
// ABI. The façade (src/ops/elementwise.ts) broadcasts the operands, plans
// the loop nest with planLoops and writes it at `t` as i32 rows: shape[k],
// out strides[k], a strides[k], (b strides[k]), then k counters the kernel
// owns. Axes are outer to inner; the inner axis runs in `inner*`, which has
// SIMD paths for the three layouts that matter (all contiguous, b a
// broadcast scalar, a a broadcast scalar) and a strided scalar loop for
// the rest. Operands are already in the loop dtype (the façade casts);
// float16 and bfloat16 never get here (they compute in float32, as NumPy's
// half loops do).
//
// Values follow NumPy 2 on x86-64:
// - integers wrap; x // 0 and x % 0 are 0 (NumPy also warns; we never do);
//   MIN // -1 is MIN; % takes the divisor's sign (Python's rule).
// - float floor_divide and remainder are NumPy's npy_divmod (fmod, then
//   the Python sign fix, then snapping the quotient to an integer).
// - maximum/minimum propagate NaN (WebAssembly's f32.max is IEEE maximum).
//   For equal zeros of opposite sign NumPy returns its second operand and
//   we return +0 (maximum) or -0 (minimum): the only difference.
// - transcendentals call AssemblyScript's musl-derived Math (float64; the
//   float32 loops compute in float64 and round once), < 1 ulp.
// - integer power by squaring with wrap; the façade rejects negative
//   exponents (the kernel returns 1 when it meets one).

// ---- operation codes (the façade never sees them: exports are per op) ----

const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
const FDIV = 4;
const MOD = 5;
const POW = 6;
const MAX = 7;
const MIN = 8;

const NEG = 20;
const ABS = 21;
const SQRT = 22;
const SQUARE = 23;
const EXP = 24;
const LOG = 25;
const LOG1P = 26;
const EXPM1 = 27;
const SIN = 28;
const COS = 29;
const TANH = 30;
const SIGN = 31;
const FLOOR = 32;
const CEIL = 33;
const RINT = 34;
const ISNAN = 35;
const ISFINITE = 36;

// ---- scalar semantics ----------------------------------------------------

@inline function floorDivInt<T>(x: T, y: T): T {
  if (y == <T>0) return <T>0;
  if (isSigned<T>()) {
    if (y == <T>-1) return <T>(<T>0 - x);
    const q = <T>(x / y);
    const r = <T>(x % y);
    return r != <T>0 && (r ^ y) < <T>0 ? <T>(q - <T>1) : q;
  }
  return <T>(x / y);
}

@inline function modInt<T>(x: T, y: T): T {
  if (y == <T>0) return <T>0;
  if (isSigned<T>()) {
    if (y == <T>-1) return <T>0;
    const r = <T>(x % y);
    return r != <T>0 && (r ^ y) < <T>0 ? <T>(r + y) : r;
  }
  return <T>(x % y);
}

/** NumPy's npy_divmod: returns the floor quotient, stores the Python remainder at `modOut`. */
function divmodF64(a: f64, b: f64, wantMod: bool): f64 {
  const mod0 = a % b;
  if (b == 0) return wantMod ? mod0 : a / b;
  let div = (a - mod0) / b;
  let mod = mod0;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = copysign<f64>(0, b);
  }
  if (wantMod) return mod;
  let fd: f64;
  if (div != 0) {
    fd = floor<f64>(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = copysign<f64>(0, a / b);
  }
  return fd;
}

function divmodF32(a: f32, b: f32, wantMod: bool): f32 {
  const mod0 = a % b;
  if (b == 0) return wantMod ? mod0 : a / b;
  let div = (a - mod0) / b;
  let mod = mod0;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = copysign<f32>(0, b);
  }
  if (wantMod) return mod;
  let fd: f32;
  if (div != 0) {
    fd = floor<f32>(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = copysign<f32>(0, a / b);
  }
  return fd;
}

@inline function powInt<T>(x: T, y: T): T {
  // A negative exponent is an error the façade raises (status 1); never loop on it.
  if (isSigned<T>() && y < <T>0) return <T>0;
  let r: T = <T>1;
  let b: T = x;
  let e: T = y;
  while (e != <T>0) {
    if ((e & <T>1) != <T>0) r = <T>(r * b);
    e = <T>(e >> <T>1);
    b = <T>(b * b);
  }
  return r;
}

@inline function binScalar<T>(op: i32, x: T, y: T): T {
  if (op == ADD) return <T>(x + y);
  if (op == SUB) return <T>(x - y);
  if (op == MUL) return <T>(x * y);
  if (op == DIV) return <T>(x / y);
  if (op == MAX) {
    if (isFloat<T>()) return max<T>(x, y);
    return x > y ? x : y;
  }
  if (op == MIN) {
    if (isFloat<T>()) return min<T>(x, y);
    return x < y ? x : y;
  }
  if (op == FDIV) {
    if (isFloat<T>()) {
      if (sizeof<T>() == 4) return <T>divmodF32(<f32>x, <f32>y, false);
      return <T>divmodF64(<f64>x, <f64>y, false);
    }
    return floorDivInt<T>(x, y);
  }
  if (op == MOD) {
    if (isFloat<T>()) {
      if (sizeof<T>() == 4) return <T>divmodF32(<f32>x, <f32>y, true);
      return <T>divmodF64(<f64>x, <f64>y, true);
    }
    return modInt<T>(x, y);
  }
  if (op == POW) {
    // C's pow: pow(1, y) = 1 and pow(x, 0) = 1 even for NaN (AssemblyScript's Math.pow answers NaN).
    if (isFloat<T>()) return x == <T>1 || y == <T>0 ? <T>1 : <T>Math.pow(<f64>x, <f64>y);
    return powInt<T>(x, y);
  }
  unreachable();
  return x;
}

/** Whether a SIMD body exists for (op, T). */
@inline function hasVec<T>(op: i32): bool {
  if (op == ADD || op == SUB) return true;
  if (op == MUL) return isFloat<T>() || sizeof<T>() > 1;
  if (op == DIV) return isFloat<T>();
  if (op == MAX || op == MIN) return isFloat<T>() || sizeof<T>() < 8;
  return false;
}

@inline function binVec<T>(op: i32, x: v128, y: v128): v128 {
  if (isFloat<T>()) {
    if (sizeof<T>() == 4) {
      if (op == ADD) return f32x4.add(x, y);
      if (op == SUB) return f32x4.sub(x, y);
      if (op == MUL) return f32x4.mul(x, y);
      if (op == DIV) return f32x4.div(x, y);
      if (op == MAX) return f32x4.max(x, y);
      return f32x4.min(x, y);
    }
    if (op == ADD) return f64x2.add(x, y);
    if (op == SUB) return f64x2.sub(x, y);
    if (op == MUL) return f64x2.mul(x, y);
    if (op == DIV) return f64x2.div(x, y);
    if (op == MAX) return f64x2.max(x, y);
    return f64x2.min(x, y);
  }
  if (sizeof<T>() == 1) {
    if (op == ADD) return i8x16.add(x, y);
    if (op == SUB) return i8x16.sub(x, y);
    if (op == MAX) return isSigned<T>() ? i8x16.max_s(x, y) : i8x16.max_u(x, y);
    return isSigned<T>() ? i8x16.min_s(x, y) : i8x16.min_u(x, y);
  }
  if (sizeof<T>() == 2) {
    if (op == ADD) return i16x8.add(x, y);
    if (op == SUB) return i16x8.sub(x, y);
    if (op == MUL) return i16x8.mul(x, y);
    if (op == MAX) return isSigned<T>() ? i16x8.max_s(x, y) : i16x8.max_u(x, y);
    return isSigned<T>() ? i16x8.min_s(x, y) : i16x8.min_u(x, y);
  }
  if (sizeof<T>() == 4) {
    if (op == ADD) return i32x4.add(x, y);
    if (op == SUB) return i32x4.sub(x, y);
    if (op == MUL) return i32x4.mul(x, y);
    if (op == MAX) return isSigned<T>() ? i32x4.max_s(x, y) : i32x4.max_u(x, y);
    return isSigned<T>() ? i32x4.min_s(x, y) : i32x4.min_u(x, y);
  }
  if (op == ADD) return i64x2.add(x, y);
  if (op == SUB) return i64x2.sub(x, y);
  return i64x2.mul(x, y);
}

// ---- binary driver -------------------------------------------------------

@inline function innerBin<T>(op: i32, o: usize, os: i32, a: usize, as: i32, b: usize, bs: i32, n: i32): i32 {
  const sz = <i32>sizeof<T>();
  if (hasVec<T>(op) && os == sz) {
    const L = 16 / sz;
    const n4 = n - 4 * L;
    const n1 = n - L;
    let i = 0;
    if (as == sz && bs == sz) {
      for (; i <= n4; i += 4 * L) {
        const off = <usize>(i * sz);
        const r0 = binVec<T>(op, v128.load(a + off), v128.load(b + off));
        const r1 = binVec<T>(op, v128.load(a + off, 16), v128.load(b + off, 16));
        const r2 = binVec<T>(op, v128.load(a + off, 32), v128.load(b + off, 32));
        const r3 = binVec<T>(op, v128.load(a + off, 48), v128.load(b + off, 48));
        v128.store(o + off, r0);
        v128.store(o + off, r1, 16);
        v128.store(o + off, r2, 32);
        v128.store(o + off, r3, 48);
      }
      for (; i <= n1; i += L) {
        const off = <usize>(i * sz);
        v128.store(o + off, binVec<T>(op, v128.load(a + off), v128.load(b + off)));
      }
      for (; i < n; i++) {
        const off = <usize>(i * sz);
        store<T>(o + off, binScalar<T>(op, load<T>(a + off), load<T>(b + off)));
      }
      return 0;
    }
    if (as == sz && bs == 0) {
      const y = load<T>(b);
      const vy = v128.splat<T>(y);
      for (; i <= n4; i += 4 * L) {
        const off = <usize>(i * sz);
        const r0 = binVec<T>(op, v128.load(a + off), vy);
        const r1 = binVec<T>(op, v128.load(a + off, 16), vy);
        const r2 = binVec<T>(op, v128.load(a + off, 32), vy);
        const r3 = binVec<T>(op, v128.load(a + off, 48), vy);
        v128.store(o + off, r0);
        v128.store(o + off, r1, 16);
        v128.store(o + off, r2, 32);
        v128.store(o + off, r3, 48);
      }
      for (; i <= n1; i += L) {
        const off = <usize>(i * sz);
        v128.store(o + off, binVec<T>(op, v128.load(a + off), vy));
      }
      for (; i < n; i++) {
        const off = <usize>(i * sz);
        store<T>(o + off, binScalar<T>(op, load<T>(a + off), y));
      }
      return 0;
    }
    if (as == 0 && bs == sz) {
      const x = load<T>(a);
      const vx = v128.splat<T>(x);
      for (; i <= n1; i += L) {
        const off = <usize>(i * sz);
        v128.store(o + off, binVec<T>(op, vx, v128.load(b + off)));
      }
      for (; i < n; i++) {
        const off = <usize>(i * sz);
        store<T>(o + off, binScalar<T>(op, x, load<T>(b + off)));
      }
      return 0;
    }
  }
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const y = load<T>(b);
    if (op == POW && !isFloat<T>() && isSigned<T>()) {
      if (y < <T>0) bad = 1;
    }
    store<T>(o, binScalar<T>(op, load<T>(a), y));
    o += <usize>os;
    a += <usize>as;
    b += <usize>bs;
  }
  return bad;
}

@inline function tab(t: usize, row: i32, k: i32, j: i32): i32 {
  return load<i32>(t + ((<usize>(row * k + j)) << 2));
}

/**
 * Runs `op` over a planned loop nest of k >= 1 axes; the table at `t` has
 * rows shape, out strides, a strides, b strides, counters (k i32 each).
 * Returns 1 if an integer power met a negative exponent, else 0.
 */
@inline function binary<T>(op: i32, o: usize, a: usize, b: usize, t: usize, k: i32): i32 {
  const last = k - 1;
  const n = tab(t, 0, k, last);
  const os = tab(t, 1, k, last);
  const as = tab(t, 2, k, last);
  const bs = tab(t, 3, k, last);
  let rows = 1;
  for (let j = 0; j < last; j++) {
    rows *= tab(t, 0, k, j);
    store<i32>(t + ((<usize>(4 * k + j)) << 2), 0);
  }
  let bad = 0;
  for (let r = 0; r < rows; r++) {
    bad |= innerBin<T>(op, o, os, a, as, b, bs, n);
    // Odometer over the outer axes.
    for (let j = last - 1; j >= 0; j--) {
      const idx = t + ((<usize>(4 * k + j)) << 2);
      const i = load<i32>(idx) + 1;
      const len = tab(t, 0, k, j);
      if (i < len) {
        store<i32>(idx, i);
        o += <usize>tab(t, 1, k, j);
        a += <usize>tab(t, 2, k, j);
        b += <usize>tab(t, 3, k, j);
        break;
      }
      store<i32>(idx, 0);
      o -= <usize>(tab(t, 1, k, j) * (len - 1));
      a -= <usize>(tab(t, 2, k, j) * (len - 1));
      b -= <usize>(tab(t, 3, k, j) * (len - 1));
    }
  }
  return bad;
}

// ---- unary ---------------------------------------------------------------

@inline function unScalar<T, R>(op: i32, x: T): R {
  if (op == NEG) return <R>(<T>0 - x);
  if (op == SQUARE) return <R>(x * x);
  if (op == ABS) {
    if (isFloat<T>()) return <R>abs<T>(x);
    if (isSigned<T>()) return <R>(x < <T>0 ? <T>(<T>0 - x) : x);
    return <R>x;
  }
  if (op == SIGN) {
    if (isFloat<T>()) return <R>(x > <T>0 ? <T>1 : x < <T>0 ? <T>-1 : x == <T>0 ? <T>0 : x);
    if (isSigned<T>()) return <R>(x > <T>0 ? <T>1 : x < <T>0 ? <T>-1 : <T>0);
    return <R>(x > <T>0 ? <T>1 : <T>0);
  }
  if (isFloat<T>()) {
    if (op == ISNAN) return <R>(x != x);
    if (op == ISFINITE) return <R>(x - x == x - x);
    if (op == FLOOR) return <R>floor<T>(x);
    if (op == CEIL) return <R>ceil<T>(x);
    if (op == RINT) return <R>nearest<T>(x);
    if (op == SQRT) return <R>sqrt<T>(x);
    const d = <f64>x;
    if (op == EXP) return <R>Math.exp(d);
    if (op == LOG) return <R>Math.log(d);
    if (op == LOG1P) return <R>Math.log1p(d);
    if (op == EXPM1) return <R>Math.expm1(d);
    if (op == SIN) return <R>Math.sin(d);
    if (op == COS) return <R>Math.cos(d);
    if (op == TANH) return <R>Math.tanh(d);
  }
  unreachable();
  return <R>x;
}

@inline function unHasVec<T>(op: i32): bool {
  if (isFloat<T>()) return op == NEG || op == ABS || op == SQRT || op == SQUARE || op == FLOOR || op == CEIL || op == RINT;
  if (op == NEG) return true;
  if (op == ABS) return isSigned<T>();
  if (op == SQUARE) return sizeof<T>() == 2 || sizeof<T>() == 4;
  return false;
}

@inline function unVec<T>(op: i32, x: v128): v128 {
  if (isFloat<T>()) {
    if (sizeof<T>() == 4) {
      if (op == NEG) return f32x4.neg(x);
      if (op == ABS) return f32x4.abs(x);
      if (op == SQRT) return f32x4.sqrt(x);
      if (op == SQUARE) return f32x4.mul(x, x);
      if (op == FLOOR) return f32x4.floor(x);
      if (op == CEIL) return f32x4.ceil(x);
      return f32x4.nearest(x);
    }
    if (op == NEG) return f64x2.neg(x);
    if (op == ABS) return f64x2.abs(x);
    if (op == SQRT) return f64x2.sqrt(x);
    if (op == SQUARE) return f64x2.mul(x, x);
    if (op == FLOOR) return f64x2.floor(x);
    if (op == CEIL) return f64x2.ceil(x);
    return f64x2.nearest(x);
  }
  if (sizeof<T>() == 1) return op == NEG ? i8x16.neg(x) : i8x16.abs(x);
  if (sizeof<T>() == 2) return op == NEG ? i16x8.neg(x) : op == ABS ? i16x8.abs(x) : i16x8.mul(x, x);
  if (sizeof<T>() == 4) return op == NEG ? i32x4.neg(x) : op == ABS ? i32x4.abs(x) : i32x4.mul(x, x);
  return op == NEG ? i64x2.neg(x) : i64x2.abs(x);
}

@inline function unary<T, R>(op: i32, o: usize, a: usize, t: usize, k: i32): void {
  const last = k - 1;
  const n = tab(t, 0, k, last);
  const os = tab(t, 1, k, last);
  const as = tab(t, 2, k, last);
  let rows = 1;
  for (let j = 0; j < last; j++) {
    rows *= tab(t, 0, k, j);
    store<i32>(t + ((<usize>(3 * k + j)) << 2), 0);
  }
  const sz = <i32>sizeof<T>();
  for (let r = 0; r < rows; r++) {
    let i = 0;
    if (unHasVec<T>(op) && sizeof<T>() == sizeof<R>() && os == sz && as == sz) {
      const L = 16 / sz;
      for (; i <= n - L; i += L) {
        const off = <usize>(i * sz);
        v128.store(o + off, unVec<T>(op, v128.load(a + off)));
      }
      for (; i < n; i++) {
        const off = <usize>(i * sz);
        store<R>(o + off, unScalar<T, R>(op, load<T>(a + off)));
      }
    } else {
      let po = o;
      let pa = a;
      for (; i < n; i++) {
        store<R>(po, unScalar<T, R>(op, load<T>(pa)));
        po += <usize>os;
        pa += <usize>as;
      }
    }
    for (let j = last - 1; j >= 0; j--) {
      const idx = t + ((<usize>(3 * k + j)) << 2);
      const i2 = load<i32>(idx) + 1;
      const len = tab(t, 0, k, j);
      if (i2 < len) {
        store<i32>(idx, i2);
        o += <usize>tab(t, 1, k, j);
        a += <usize>tab(t, 2, k, j);
        break;
      }
      store<i32>(idx, 0);
      o -= <usize>(tab(t, 1, k, j) * (len - 1));
      a -= <usize>(tab(t, 2, k, j) * (len - 1));
    }
  }
}

// ---- exports: binary -----------------------------------------------------
// bool operands use the uint8 loops: add = maximum (logical or) and
// multiply = minimum (logical and) on 0/1 bytes; the façade picks them.

export function add_int8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i8>(ADD, o, a, b, t, k); }
export function add_uint8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u8>(ADD, o, a, b, t, k); }
export function add_int16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i16>(ADD, o, a, b, t, k); }
export function add_uint16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u16>(ADD, o, a, b, t, k); }
export function add_int32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i32>(ADD, o, a, b, t, k); }
export function add_uint32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u32>(ADD, o, a, b, t, k); }
export function add_int64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i64>(ADD, o, a, b, t, k); }
export function add_uint64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u64>(ADD, o, a, b, t, k); }
export function add_float32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f32>(ADD, o, a, b, t, k); }
export function add_float64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f64>(ADD, o, a, b, t, k); }

export function subtract_int8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i8>(SUB, o, a, b, t, k); }
export function subtract_uint8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u8>(SUB, o, a, b, t, k); }
export function subtract_int16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i16>(SUB, o, a, b, t, k); }
export function subtract_uint16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u16>(SUB, o, a, b, t, k); }
export function subtract_int32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i32>(SUB, o, a, b, t, k); }
export function subtract_uint32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u32>(SUB, o, a, b, t, k); }
export function subtract_int64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i64>(SUB, o, a, b, t, k); }
export function subtract_uint64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u64>(SUB, o, a, b, t, k); }
export function subtract_float32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f32>(SUB, o, a, b, t, k); }
export function subtract_float64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f64>(SUB, o, a, b, t, k); }

export function multiply_int8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i8>(MUL, o, a, b, t, k); }
export function multiply_uint8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u8>(MUL, o, a, b, t, k); }
export function multiply_int16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i16>(MUL, o, a, b, t, k); }
export function multiply_uint16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u16>(MUL, o, a, b, t, k); }
export function multiply_int32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i32>(MUL, o, a, b, t, k); }
export function multiply_uint32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u32>(MUL, o, a, b, t, k); }
export function multiply_int64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i64>(MUL, o, a, b, t, k); }
export function multiply_uint64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u64>(MUL, o, a, b, t, k); }
export function multiply_float32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f32>(MUL, o, a, b, t, k); }
export function multiply_float64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f64>(MUL, o, a, b, t, k); }

export function divide_float32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f32>(DIV, o, a, b, t, k); }
export function divide_float64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f64>(DIV, o, a, b, t, k); }

export function floor_divide_int8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i8>(FDIV, o, a, b, t, k); }
export function floor_divide_uint8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u8>(FDIV, o, a, b, t, k); }
export function floor_divide_int16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i16>(FDIV, o, a, b, t, k); }
export function floor_divide_uint16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u16>(FDIV, o, a, b, t, k); }
export function floor_divide_int32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i32>(FDIV, o, a, b, t, k); }
export function floor_divide_uint32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u32>(FDIV, o, a, b, t, k); }
export function floor_divide_int64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i64>(FDIV, o, a, b, t, k); }
export function floor_divide_uint64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u64>(FDIV, o, a, b, t, k); }
export function floor_divide_float32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f32>(FDIV, o, a, b, t, k); }
export function floor_divide_float64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f64>(FDIV, o, a, b, t, k); }

export function remainder_int8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i8>(MOD, o, a, b, t, k); }
export function remainder_uint8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u8>(MOD, o, a, b, t, k); }
export function remainder_int16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i16>(MOD, o, a, b, t, k); }
export function remainder_uint16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u16>(MOD, o, a, b, t, k); }
export function remainder_int32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i32>(MOD, o, a, b, t, k); }
export function remainder_uint32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u32>(MOD, o, a, b, t, k); }
export function remainder_int64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i64>(MOD, o, a, b, t, k); }
export function remainder_uint64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u64>(MOD, o, a, b, t, k); }
export function remainder_float32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f32>(MOD, o, a, b, t, k); }
export function remainder_float64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f64>(MOD, o, a, b, t, k); }

export function power_int8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i8>(POW, o, a, b, t, k); }
export function power_uint8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u8>(POW, o, a, b, t, k); }
export function power_int16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i16>(POW, o, a, b, t, k); }
export function power_uint16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u16>(POW, o, a, b, t, k); }
export function power_int32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i32>(POW, o, a, b, t, k); }
export function power_uint32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u32>(POW, o, a, b, t, k); }
export function power_int64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i64>(POW, o, a, b, t, k); }
export function power_uint64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u64>(POW, o, a, b, t, k); }
export function power_float32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f32>(POW, o, a, b, t, k); }
export function power_float64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f64>(POW, o, a, b, t, k); }

export function maximum_int8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i8>(MAX, o, a, b, t, k); }
export function maximum_uint8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u8>(MAX, o, a, b, t, k); }
export function maximum_int16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i16>(MAX, o, a, b, t, k); }
export function maximum_uint16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u16>(MAX, o, a, b, t, k); }
export function maximum_int32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i32>(MAX, o, a, b, t, k); }
export function maximum_uint32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u32>(MAX, o, a, b, t, k); }
export function maximum_int64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i64>(MAX, o, a, b, t, k); }
export function maximum_uint64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u64>(MAX, o, a, b, t, k); }
export function maximum_float32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f32>(MAX, o, a, b, t, k); }
export function maximum_float64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f64>(MAX, o, a, b, t, k); }

export function minimum_int8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i8>(MIN, o, a, b, t, k); }
export function minimum_uint8(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u8>(MIN, o, a, b, t, k); }
export function minimum_int16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i16>(MIN, o, a, b, t, k); }
export function minimum_uint16(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u16>(MIN, o, a, b, t, k); }
export function minimum_int32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i32>(MIN, o, a, b, t, k); }
export function minimum_uint32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u32>(MIN, o, a, b, t, k); }
export function minimum_int64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<i64>(MIN, o, a, b, t, k); }
export function minimum_uint64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<u64>(MIN, o, a, b, t, k); }
export function minimum_float32(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f32>(MIN, o, a, b, t, k); }
export function minimum_float64(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binary<f64>(MIN, o, a, b, t, k); }

// ---- exports: unary ------------------------------------------------------
// Float loops for every op; integer loops for the ops NumPy keeps integer
// (negative, absolute, square, sign); isnan/isfinite write bool bytes.

export function negative_int8(o: usize, a: usize, t: usize, k: i32): void { unary<i8, i8>(NEG, o, a, t, k); }
export function negative_int16(o: usize, a: usize, t: usize, k: i32): void { unary<i16, i16>(NEG, o, a, t, k); }
export function negative_int32(o: usize, a: usize, t: usize, k: i32): void { unary<i32, i32>(NEG, o, a, t, k); }
export function negative_int64(o: usize, a: usize, t: usize, k: i32): void { unary<i64, i64>(NEG, o, a, t, k); }
export function negative_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(NEG, o, a, t, k); }
export function negative_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(NEG, o, a, t, k); }

export function absolute_int8(o: usize, a: usize, t: usize, k: i32): void { unary<i8, i8>(ABS, o, a, t, k); }
export function absolute_int16(o: usize, a: usize, t: usize, k: i32): void { unary<i16, i16>(ABS, o, a, t, k); }
export function absolute_int32(o: usize, a: usize, t: usize, k: i32): void { unary<i32, i32>(ABS, o, a, t, k); }
export function absolute_int64(o: usize, a: usize, t: usize, k: i32): void { unary<i64, i64>(ABS, o, a, t, k); }
export function absolute_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(ABS, o, a, t, k); }
export function absolute_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(ABS, o, a, t, k); }

export function square_int8(o: usize, a: usize, t: usize, k: i32): void { unary<i8, i8>(SQUARE, o, a, t, k); }
export function square_uint8(o: usize, a: usize, t: usize, k: i32): void { unary<u8, u8>(SQUARE, o, a, t, k); }
export function square_int16(o: usize, a: usize, t: usize, k: i32): void { unary<i16, i16>(SQUARE, o, a, t, k); }
export function square_uint16(o: usize, a: usize, t: usize, k: i32): void { unary<u16, u16>(SQUARE, o, a, t, k); }
export function square_int32(o: usize, a: usize, t: usize, k: i32): void { unary<i32, i32>(SQUARE, o, a, t, k); }
export function square_uint32(o: usize, a: usize, t: usize, k: i32): void { unary<u32, u32>(SQUARE, o, a, t, k); }
export function square_int64(o: usize, a: usize, t: usize, k: i32): void { unary<i64, i64>(SQUARE, o, a, t, k); }
export function square_uint64(o: usize, a: usize, t: usize, k: i32): void { unary<u64, u64>(SQUARE, o, a, t, k); }
export function square_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(SQUARE, o, a, t, k); }
export function square_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(SQUARE, o, a, t, k); }

export function sign_int8(o: usize, a: usize, t: usize, k: i32): void { unary<i8, i8>(SIGN, o, a, t, k); }
export function sign_uint8(o: usize, a: usize, t: usize, k: i32): void { unary<u8, u8>(SIGN, o, a, t, k); }
export function sign_int16(o: usize, a: usize, t: usize, k: i32): void { unary<i16, i16>(SIGN, o, a, t, k); }
export function sign_uint16(o: usize, a: usize, t: usize, k: i32): void { unary<u16, u16>(SIGN, o, a, t, k); }
export function sign_int32(o: usize, a: usize, t: usize, k: i32): void { unary<i32, i32>(SIGN, o, a, t, k); }
export function sign_uint32(o: usize, a: usize, t: usize, k: i32): void { unary<u32, u32>(SIGN, o, a, t, k); }
export function sign_int64(o: usize, a: usize, t: usize, k: i32): void { unary<i64, i64>(SIGN, o, a, t, k); }
export function sign_uint64(o: usize, a: usize, t: usize, k: i32): void { unary<u64, u64>(SIGN, o, a, t, k); }
export function sign_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(SIGN, o, a, t, k); }
export function sign_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(SIGN, o, a, t, k); }

export function sqrt_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(SQRT, o, a, t, k); }
export function sqrt_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(SQRT, o, a, t, k); }
export function exp_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(EXP, o, a, t, k); }
export function exp_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(EXP, o, a, t, k); }
export function log_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(LOG, o, a, t, k); }
export function log_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(LOG, o, a, t, k); }
export function log1p_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(LOG1P, o, a, t, k); }
export function log1p_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(LOG1P, o, a, t, k); }
export function expm1_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(EXPM1, o, a, t, k); }
export function expm1_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(EXPM1, o, a, t, k); }
export function sin_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(SIN, o, a, t, k); }
export function sin_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(SIN, o, a, t, k); }
export function cos_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(COS, o, a, t, k); }
export function cos_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(COS, o, a, t, k); }
export function tanh_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(TANH, o, a, t, k); }
export function tanh_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(TANH, o, a, t, k); }
export function floor_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(FLOOR, o, a, t, k); }
export function floor_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(FLOOR, o, a, t, k); }
export function ceil_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(CEIL, o, a, t, k); }
export function ceil_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(CEIL, o, a, t, k); }
export function rint_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, f32>(RINT, o, a, t, k); }
export function rint_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, f64>(RINT, o, a, t, k); }
export function isnan_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, u8>(ISNAN, o, a, t, k); }
export function isnan_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, u8>(ISNAN, o, a, t, k); }
export function isfinite_float32(o: usize, a: usize, t: usize, k: i32): void { unary<f32, u8>(ISFINITE, o, a, t, k); }
export function isfinite_float64(o: usize, a: usize, t: usize, k: i32): void { unary<f64, u8>(ISFINITE, o, a, t, k); }
