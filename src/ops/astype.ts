// STUB (issue 8 fills this in): dtype conversion kernels and astype.

import type { DType } from "../dtype.js";
import type { CopyOrder, NDArray } from "../ndarray.js";

/** NumPy's casting modes. */
export type Casting = "no" | "equiv" | "safe" | "same_kind" | "unsafe";

/** Options of `astype`. */
export interface AstypeOptions {
  /** false: return `a` itself when neither dtype nor layout must change (default true). */
  copy?: boolean;
  /** Which conversions are allowed (default "unsafe"). */
  casting?: Casting;
  /** Layout of the result (default "K": keep the input's). */
  order?: CopyOrder;
}

/** STUB: `a.astype(dtype)`. */
export function astype(a: NDArray, dtype: DType, opts?: AstypeOptions): NDArray {
  void a, dtype, opts;
  throw new Error("astype: not implemented yet");
}

/**
 * @internal Converts every element of `src` into `dst` (same shape,
 * different dtypes), with NumPy's unsafe-cast values. Called by the copy
 * dispatcher whenever the dtypes differ.
 */
export function castInto(dst: NDArray, src: NDArray): void {
  void dst, src;
  throw new Error("castInto: not implemented yet");
}
