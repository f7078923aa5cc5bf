// Element-wise kernels (NumPy's ufunc inner loops): one generic driver per
// arity, instantiated per operation and dtype behind two exports,
// binary(op, dtype, o, a, b, t, k) and unary(op, dtype, o, a, t, k), that
// switch on the codes of ../codes.ts (Binary, Unary, DType).
// Layout: scalar.ts (the semantics), simd.ts (the vector bodies), this
// file (drivers and dispatch).
//
// ABI (../abi.ts). The façade (src/ops/elementwise.ts) broadcasts the
// operands, plans the loop nest with planLoops and writes the stride
// table at `t`: shape[k], out strides[k], a strides[k], (b strides[k]),
// then k counters the kernel owns. Axes are outer to inner; the inner axis runs in `inner*`, which has
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
// - maximum/minimum propagate NaN and, for equal zeros of opposite sign,
//   return the second operand, as NumPy's loops (x86's maxps) do; not
//   WebAssembly's f32.max, which is IEEE maximum (+0 over -0).
// - transcendentals call AssemblyScript's musl-derived Math (float64; the
//   float32 loops compute in float64 and round once), < 1 ulp.
// - integer power by squaring with wrap; the façade rejects negative
//   exponents (the kernel returns 1 when it meets one).

import { advance, clearCounters, delta, tab } from "../abi";
import { Binary, DType, Unary } from "../codes";
import { binScalar, unScalar } from "./scalar";
import { binVec, hasVec, unHasVec, unVec } from "./simd";

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
    if (op == Binary.power && !isFloat<T>() && isSigned<T>()) {
      if (y < <T>0) bad = 1;
    }
    store<T>(o, binScalar<T>(op, load<T>(a), y));
    o += <usize>os;
    a += <usize>as;
    b += <usize>bs;
  }
  return bad;
}

/**
 * Runs `op` over a planned loop nest of k >= 1 axes; the table at `t` has
 * rows shape, out strides, a strides, b strides, counters (k i32 each).
 * Returns 1 if an integer power met a negative exponent, else 0.
 */
@inline function binaryND<T>(op: i32, o: usize, a: usize, b: usize, t: usize, k: i32): i32 {
  const last = k - 1;
  const n = tab(t, 0, k, last);
  const os = tab(t, 1, k, last);
  const as = tab(t, 2, k, last);
  const bs = tab(t, 3, k, last);
  let rows = 1;
  for (let j = 0; j < last; j++) rows *= tab(t, 0, k, j);
  clearCounters(t, 4, k);
  let bad = 0;
  for (let r = 0; r < rows; r++) {
    bad |= innerBin<T>(op, o, os, a, as, b, bs, n);
    const j = advance(t, k, 3, last);
    if (j < 0) break;
    o += delta(t, k, 1, j, last);
    a += delta(t, k, 2, j, last);
    b += delta(t, k, 3, j, last);
  }
  return bad;
}

// ---- unary driver --------------------------------------------------------

@inline function unaryND<T, R>(op: i32, o: usize, a: usize, t: usize, k: i32): void {
  const last = k - 1;
  const n = tab(t, 0, k, last);
  const os = tab(t, 1, k, last);
  const as = tab(t, 2, k, last);
  let rows = 1;
  for (let j = 0; j < last; j++) rows *= tab(t, 0, k, j);
  clearCounters(t, 3, k);
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
    const j = advance(t, k, 2, last);
    if (j < 0) break;
    o += delta(t, k, 1, j, last);
    a += delta(t, k, 2, j, last);
  }
}

// ---- one function per operation -------------------------------------------
// Each operation gets its own function, with its code a literal inside, so
// the optimiser specialises every loop on its own. (Inlining the driver
// into one switch with the code in a local lets binaryen's code folding
// merge the identical-looking arms into one loop that tests the operation
// per vector: 2-4x slower.)

function addLoop<T>(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binaryND<T>(Binary.add, o, a, b, t, k); }
function subtractLoop<T>(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binaryND<T>(Binary.subtract, o, a, b, t, k); }
function multiplyLoop<T>(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binaryND<T>(Binary.multiply, o, a, b, t, k); }
function divideLoop<T>(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binaryND<T>(Binary.divide, o, a, b, t, k); }
function floorDivideLoop<T>(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binaryND<T>(Binary.floor_divide, o, a, b, t, k); }
function remainderLoop<T>(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binaryND<T>(Binary.remainder, o, a, b, t, k); }
function powerLoop<T>(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binaryND<T>(Binary.power, o, a, b, t, k); }
function maximumLoop<T>(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binaryND<T>(Binary.maximum, o, a, b, t, k); }
function minimumLoop<T>(o: usize, a: usize, b: usize, t: usize, k: i32): i32 { return binaryND<T>(Binary.minimum, o, a, b, t, k); }

function negativeLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.negative, o, a, t, k); }
function absoluteLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.absolute, o, a, t, k); }
function sqrtLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.sqrt, o, a, t, k); }
function squareLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.square, o, a, t, k); }
function expLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.exp, o, a, t, k); }
function logLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.log, o, a, t, k); }
function log1pLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.log1p, o, a, t, k); }
function expm1Loop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.expm1, o, a, t, k); }
function sinLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.sin, o, a, t, k); }
function cosLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.cos, o, a, t, k); }
function tanhLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.tanh, o, a, t, k); }
function signLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.sign, o, a, t, k); }
function floorLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.floor, o, a, t, k); }
function ceilLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.ceil, o, a, t, k); }
function rintLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, T>(Unary.rint, o, a, t, k); }
function isnanLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, u8>(Unary.isnan, o, a, t, k); }
function isfiniteLoop<T>(o: usize, a: usize, t: usize, k: i32): void { unaryND<T, u8>(Unary.isfinite, o, a, t, k); }

// ---- dispatch --------------------------------------------------------------
// bool operands use the uint8 loops: add = maximum (logical or) and
// multiply = minimum (logical and) on 0/1 bytes; the façade picks them.
// float16 and bfloat16 compute in float32 (the façade casts).

function binaryOf<T>(op: i32, o: usize, a: usize, b: usize, t: usize, k: i32): i32 {
  switch (op) {
    case Binary.add: return addLoop<T>(o, a, b, t, k);
    case Binary.subtract: return subtractLoop<T>(o, a, b, t, k);
    case Binary.multiply: return multiplyLoop<T>(o, a, b, t, k);
    case Binary.floor_divide: return floorDivideLoop<T>(o, a, b, t, k);
    case Binary.remainder: return remainderLoop<T>(o, a, b, t, k);
    case Binary.power: return powerLoop<T>(o, a, b, t, k);
    case Binary.maximum: return maximumLoop<T>(o, a, b, t, k);
    case Binary.minimum: return minimumLoop<T>(o, a, b, t, k);
    case Binary.divide: if (isFloat<T>()) return divideLoop<T>(o, a, b, t, k);
  }
  unreachable(); // a pair the façade never asks for: trap rather than write nothing
  return 0;
}

/**
 * o = a `op` b over the loop nest at (t, k), in dtype `dtype` (codes of
 * ../codes.ts; divide for float32/float64 only). Returns 1 if an integer
 * power met a negative exponent, else 0.
 */
export function binary(op: i32, dtype: i32, o: usize, a: usize, b: usize, t: usize, k: i32): i32 {
  switch (dtype) {
    case DType.int8: return binaryOf<i8>(op, o, a, b, t, k);
    case DType.uint8: return binaryOf<u8>(op, o, a, b, t, k);
    case DType.int16: return binaryOf<i16>(op, o, a, b, t, k);
    case DType.uint16: return binaryOf<u16>(op, o, a, b, t, k);
    case DType.int32: return binaryOf<i32>(op, o, a, b, t, k);
    case DType.uint32: return binaryOf<u32>(op, o, a, b, t, k);
    case DType.int64: return binaryOf<i64>(op, o, a, b, t, k);
    case DType.uint64: return binaryOf<u64>(op, o, a, b, t, k);
    case DType.float32: return binaryOf<f32>(op, o, a, b, t, k);
    case DType.float64: return binaryOf<f64>(op, o, a, b, t, k);
  }
  return 0;
}

// Float loops for every op; integer loops for the ops NumPy keeps integer
// (negative, absolute, square, sign; the façade runs unsigned negative on
// the signed loop of its width and copies unsigned absolute); isnan and
// isfinite write bool bytes.
function unaryOf<T>(op: i32, o: usize, a: usize, t: usize, k: i32): void {
  switch (op) {
    case Unary.negative: if (isSigned<T>() || isFloat<T>()) return negativeLoop<T>(o, a, t, k); break;
    case Unary.absolute: if (isSigned<T>() || isFloat<T>()) return absoluteLoop<T>(o, a, t, k); break;
    case Unary.square: squareLoop<T>(o, a, t, k); return;
    case Unary.sign: signLoop<T>(o, a, t, k); return;
  }
  if (isFloat<T>()) {
    switch (op) {
      case Unary.sqrt: sqrtLoop<T>(o, a, t, k); return;
      case Unary.exp: expLoop<T>(o, a, t, k); return;
      case Unary.log: logLoop<T>(o, a, t, k); return;
      case Unary.log1p: log1pLoop<T>(o, a, t, k); return;
      case Unary.expm1: expm1Loop<T>(o, a, t, k); return;
      case Unary.sin: sinLoop<T>(o, a, t, k); return;
      case Unary.cos: cosLoop<T>(o, a, t, k); return;
      case Unary.tanh: tanhLoop<T>(o, a, t, k); return;
      case Unary.floor: floorLoop<T>(o, a, t, k); return;
      case Unary.ceil: ceilLoop<T>(o, a, t, k); return;
      case Unary.rint: rintLoop<T>(o, a, t, k); return;
      case Unary.isnan: isnanLoop<T>(o, a, t, k); return;
      case Unary.isfinite: isfiniteLoop<T>(o, a, t, k); return;
    }
  }
  unreachable(); // a pair the façade never asks for: trap rather than write nothing
}

/** o = `op`(a) over the loop nest at (t, k), in dtype `dtype` (codes of ../codes.ts). */
export function unary(op: i32, dtype: i32, o: usize, a: usize, t: usize, k: i32): void {
  switch (dtype) {
    case DType.int8: unaryOf<i8>(op, o, a, t, k); break;
    case DType.uint8: unaryOf<u8>(op, o, a, t, k); break;
    case DType.int16: unaryOf<i16>(op, o, a, t, k); break;
    case DType.uint16: unaryOf<u16>(op, o, a, t, k); break;
    case DType.int32: unaryOf<i32>(op, o, a, t, k); break;
    case DType.uint32: unaryOf<u32>(op, o, a, t, k); break;
    case DType.int64: unaryOf<i64>(op, o, a, t, k); break;
    case DType.uint64: unaryOf<u64>(op, o, a, t, k); break;
    case DType.float32: unaryOf<f32>(op, o, a, t, k); break;
    case DType.float64: unaryOf<f64>(op, o, a, t, k); break;
  }
}
