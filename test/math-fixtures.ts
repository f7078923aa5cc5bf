// Shared by test/elementwise.test.ts and test/reduce.test.ts: how the math
// fixtures (scripts/fixtures_math.py, scripts/fixtures_reduce.py) describe
// operands, and the ulp distance the float bounds are stated in.
import { NDArray, array, asfortranarray, copyto, zeros, type DType } from "../src/index.js";
import { base64Bytes } from "./fixtures.js";

/** A fixture operand: raw little-endian bytes of the logical C-order array, and its memory layout. */
export type ArrayArg = { dtype: DType; shape: number[]; layout: string; b64: string };

/** The logical C-order array of a fixture operand, laid out in memory as `layout` says. */
export function buildArray(a: ArrayArg): NDArray {
  const bytes = base64Bytes(a.b64);
  const flat = array(bytes).view(a.dtype);
  const logical = flat.reshape(a.shape);
  if (a.layout === "C" || a.shape.length === 0) return logical;
  if (a.layout === "F") return asfortranarray(logical);
  if (a.layout === "rev") return logical.get("...", "::-1").copy().get("...", "::-1");
  if (a.layout === "step2") {
    const wide = zeros([...a.shape.slice(0, -1), a.shape[a.shape.length - 1]! * 2], { dtype: a.dtype });
    copyto(wide.get("...", "::2"), logical);
    return wide.get("...", "::2");
  }
  throw new Error(`unknown layout ${a.layout}`);
}

/** Distance in ulps between two floats of the same width given as bit patterns; NaN == NaN, +0 == -0. */
export function ulpDistance(dtype: DType, got: Uint8Array, want: Uint8Array, i: number): number {
  const size = dtype === "float64" ? 8 : dtype === "float32" ? 4 : 2;
  const g = new DataView(got.buffer, got.byteOffset + i * size, size);
  const w = new DataView(want.buffer, want.byteOffset + i * size, size);
  const read = (v: DataView): bigint =>
    size === 8 ? v.getBigInt64(0, true) : BigInt(size === 4 ? v.getInt32(0, true) : v.getInt16(0, true));
  const isNan = (v: DataView): boolean => {
    if (size === 8) return Number.isNaN(v.getFloat64(0, true));
    if (size === 4) return Number.isNaN(v.getFloat32(0, true));
    const b = v.getUint16(0, true);
    return dtype === "bfloat16" ? (b & 0x7f80) === 0x7f80 && (b & 0x7f) !== 0 : (b & 0x7c00) === 0x7c00 && (b & 0x3ff) !== 0;
  };
  const gn = isNan(g);
  const wn = isNan(w);
  if (gn || wn) return gn && wn ? 0 : Infinity;
  const min = -(1n << BigInt(size * 8 - 1));
  const ord = (x: bigint): bigint => (x < 0n ? min - x : x);
  const d = ord(read(g)) - ord(read(w));
  return Number(d < 0n ? -d : d);
}
