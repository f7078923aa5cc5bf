// stridewise: NumPy's view/copy model for TypeScript.
// The public API; everything not exported here is internal.

export { init, isInitialized, heapStats, resetPeak, setDebug, liveAllocations, heapMemory } from "./heap.js";
export type { HeapStats } from "./heap.js";
export { tidy, keep } from "./lifetime.js";
export { copyStats, resetCopyStats, trackCopies, assertNoCopy, CopyError } from "./ledger.js";
export type { CopyCount, CopyRecord } from "./ledger.js";
export { NDArray } from "./ndarray.js";
export type { Flags, TypedArrayOf, CopyOrder } from "./ndarray.js";
export { DTYPES, DTYPE_NAMES, itemsize } from "./dtype.js";
export type { DType, DTypeInfo, DTypeKind, Scalar } from "./dtype.js";
export {
  array,
  asarray,
  empty,
  zeros,
  ones,
  full,
  emptyLike,
  zerosLike,
  onesLike,
  fullLike,
  arange,
  linspace,
  eye,
} from "./creation.js";
export type { ArrayLike, NestedArray, TypedArray, CreateOptions, ShapeLike, ArangeOptions, LinspaceOptions, EyeOptions } from "./creation.js";
export type { Order } from "./layout.js";
export { slice, Slice, newaxis } from "./indexing.js";
export type { IndexItem } from "./indexing.js";
export {
  reshape,
  transpose,
  swapaxes,
  moveaxis,
  squeeze,
  expandDims,
  ravel,
  broadcastTo,
  broadcastArrays,
  broadcastShapes,
  viewAs,
  asStrided,
  slidingWindowView,
  atleast1d,
  atleast2d,
  atleast3d,
  split,
  arraySplit,
  hsplit,
  vsplit,
  dsplit,
  diagonal,
} from "./manipulation.js";
export type { ReshapeOptions, AsStridedOptions, SlidingWindowOptions } from "./manipulation.js";
export {
  StridewiseError,
  ValueError,
  IndexError,
  DTypeError,
  AxisError,
  OverflowError,
  TooHardError,
  MemoryError,
  DisposedError,
  NotInitializedError,
  ZeroDivisionError,
} from "./errors.js";
export { sharesMemory, mayShareMemory } from "./overlap.js";
export type { SharesMemoryOptions } from "./overlap.js";
export { copy, ascontiguousarray, asfortranarray, copyto } from "./ops/copy.js";
export type { CopyPath, CopytoCasting, CopytoOptions } from "./ops/copy.js";
export { concatenate, stack, vstack, hstack, dstack, columnStack, tile, repeat } from "./ops/join.js";
export type { ConcatenateOptions, StackOptions, RepeatOptions, JoinDTypeOptions } from "./ops/join.js";
export { astype } from "./ops/astype.js";
export type { AstypeOptions } from "./ops/astype.js";
export { canCast, promoteTypes, resultType } from "./casting.js";
export type { Casting, ResultTypeArg } from "./casting.js";
export { load, loadSync } from "./io/load.js";
export { loadNpy, loadNpySync, save, saveSync, toNpy, parseNpyHeader } from "./io/npy.js";
export type { LoadOptions, NpyHeader } from "./io/npy.js";
export type { ByteSource, SyncByteSource, ReadOptions } from "./io/source.js";
export { loadSafetensors, loadSafetensorsSync, saveSafetensors, toSafetensors } from "./io/safetensors.js";
export type { SafetensorsFile, SaveSafetensorsOptions } from "./io/safetensors.js";
export { KeyError, loadNpz, loadNpzSync, NpzFile, savez, savezCompressed, toNpz } from "./io/npz.js";
export type { NpzArrays, NpzMember, SavezOptions } from "./io/npz.js";
export { BadZipFile } from "./io/zip.js";
export { random, defaultRng, Generator, RandomState, SeedSequence } from "./random/index.js";
export type { FloatOptions, IntegersOptions, ChoiceOptions, Entropy, IntDType, IntScalar, Size } from "./random/index.js";
export { arrayRepr, arrayStr, setPrintOptions, getPrintOptions, withPrintOptions } from "./format.js";
export type { PrintOptions } from "./format.js";
export { greater, greaterEqual, less, lessEqual, equal, notEqual, logicalAnd, logicalOr, logicalXor, logicalNot } from "./ops/compare.js";
export { take, put, compress, nonzero, argwhere, flatnonzero, where, extract, place, putmask, countNonzero } from "./ops/select.js";
export type { TakeOptions } from "./ops/select.js";
export {
  add,
  subtract,
  multiply,
  divide,
  trueDivide,
  floorDivide,
  mod,
  remainder,
  power,
  maximum,
  minimum,
  negative,
  abs,
  absolute,
  sqrt,
  square,
  exp,
  log,
  log1p,
  expm1,
  sin,
  cos,
  tanh,
  sign,
  floor,
  ceil,
  rint,
  round,
  around,
  clip,
  isnan,
  isfinite,
} from "./ops/math.js";
export type { Operand, UfuncOptions } from "./ops/math.js";
export { sum, prod, mean, variance, variance as var_, std, min, max, argmin, argmax, any, all, cumsum, cumprod } from "./ops/reduce.js";
export type { ReduceOptions, VarOptions, AxisOptions, AnyAllOptions } from "./ops/reduce.js";
