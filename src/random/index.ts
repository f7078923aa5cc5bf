// The `random` namespace: NumPy's legacy module-level functions
// (`np.random.seed`, `randn`, …) on one global RandomState, plus the
// Generator API (`defaultRng`). The global state is created on first use
// (after `init()`), seeded from the platform as NumPy's is at import.

import type { NDArray } from "../core/ndarray.js";
import type { ArrayLike as NDArrayLike } from "../ops/creation.js";
import type { IntDType, IntScalar, Size } from "./core.js";
import { Generator, defaultRng } from "./generator.js";
import { RandomState } from "./legacy.js";
import { SeedSequence } from "./seed.js";

export { Generator, defaultRng } from "./generator.js";
export type { FloatOptions, IntegersOptions, ChoiceOptions } from "./generator.js";
export { RandomState } from "./legacy.js";
export { SeedSequence } from "./seed.js";
export type { Entropy } from "./seed.js";
export type { IntDType, IntScalar, Size } from "./core.js";

let global: RandomState | null = null;
function state(): RandomState {
  return (global ??= new RandomState());
}

/**
 * NumPy's `np.random` module: the legacy global generator's functions, and
 * the classes and factory of the modern API.
 * @example
 * random.seed(42);
 * random.randn(2, 3);          // as np.random.seed(42); np.random.randn(2, 3)
 * random.randint(0, 10, [5]);  // int64
 * defaultRng(0).standardNormal([4], { dtype: "float32" });
 */
export const random = {
  /** Re-seeds the global generator (`np.random.seed`). */
  seed: (seed?: number | bigint | readonly number[]): void => state().seed(seed),
  /** Floats in [0, 1) of shape (d0, d1, …) (`np.random.rand`). */
  rand: ((...shape: number[]) => state().rand(...(shape as [number]))) as RandomState["rand"],
  /** Standard normals of shape (d0, d1, …) (`np.random.randn`). */
  randn: ((...shape: number[]) => state().randn(...(shape as [number]))) as RandomState["randn"],
  /** Floats in [0, 1) (`np.random.random`). */
  random: ((size?: Size) => state().randomSample(size as number)) as RandomState["randomSample"],
  /** Floats in [0, 1) (`np.random.random_sample`). */
  randomSample: ((size?: Size) => state().randomSample(size as number)) as RandomState["randomSample"],
  /** Standard normals (`np.random.standard_normal`). */
  standardNormal: ((size?: Size) => state().standardNormal(size as number)) as RandomState["standardNormal"],
  /** Integers in [low, high), int64 by default (`np.random.randint`). */
  randint: ((low: number | bigint, high?: number | bigint, size?: Size, dtype?: IntDType) =>
    state().randint(low, high, size as number, dtype)) as RandomState["randint"],
  /** A permuted `arange(x)` or a permuted copy of `x` (`np.random.permutation`). */
  permutation: (x: number | NDArray | NDArrayLike): NDArray => state().permutation(x),
  /** Shuffles an array in place along axis 0 (`np.random.shuffle`). */
  shuffle: (x: NDArray): void => state().shuffle(x),
  /** A random sample from `arange(a)` or a 1-d array (`np.random.choice`). */
  choice: (a: number | NDArray | NDArrayLike, size?: Size, replace?: boolean, p?: ArrayLike<number> | NDArray) =>
    state().choice(a, size, replace, p),
  /** Normal draws (`np.random.normal`). */
  normal: ((loc?: number, scale?: number, size?: Size) => state().normal(loc ?? 0, scale ?? 1, size as number)) as RandomState["normal"],
  /** Uniform draws in [low, high) (`np.random.uniform`). */
  uniform: ((low?: number, high?: number, size?: Size) => state().uniform(low ?? 0, high ?? 1, size as number)) as RandomState["uniform"],
  /** The global RandomState itself (`np.random.mtrand._rand`). */
  globalState: (): RandomState => state(),
  RandomState,
  Generator,
  SeedSequence,
  defaultRng,
} as const;
