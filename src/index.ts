// stridewise: NumPy's view/copy model for TypeScript.
// The public API; everything not exported here is internal.
//
// The NDArray methods are attached by ./methods.ts: imported first, for its
// effect, so that no array can exist without them.
import "./methods.js";

export { init, isInitialized, heapMemory } from "./core/kernels.js";
export type { InitOptions } from "./core/kernels.js";
export { setThreads, threadCount, WorkerError } from "./core/threads/pool.js";
export { heapStats, resetPeak, setDebug, liveAllocations } from "./core/heap.js";
export type { HeapStats } from "./core/heap.js";
export { tidy, keep } from "./core/lifetime.js";
export { copyStats, resetCopyStats, trackCopies, assertNoCopy, CopyError } from "./core/ledger.js";
export type { CopyCount, CopyRecord } from "./core/ledger.js";
export { NDArray, isDType } from "./core/ndarray.js";
export type { Flags, TypedArrayOf, CopyOrder } from "./core/ndarray.js";
export { DTYPES, DTYPE_NAMES, itemsize } from "./core/dtype.js";
export type { DType, DTypeInfo, DTypeKind, Scalar, ScalarOf, TypedArrayByDType, Float16ArrayType } from "./core/dtype.js";
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
} from "./ops/creation.js";
export type { ArrayLike, NestedArray, TypedArray, CreateOptions, ShapeLike, ArangeOptions, LinspaceOptions, EyeOptions, DTypeOfData, DTypeOfScalar } from "./ops/creation.js";
export type { Order } from "./core/layout.js";
export { slice, Slice, newaxis } from "./views/indexing.js";
export type { IndexItem } from "./views/indexing.js";
export { reshape, ravel } from "./ops/reshape.js";
export type { ReshapeOptions } from "./ops/reshape.js";
export {
  transpose,
  swapaxes,
  moveaxis,
  squeeze,
  expandDims,
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
} from "./views/manipulation.js";
export type { AxisArg } from "./views/manipulation.js";
export type { AsStridedOptions, SlidingWindowOptions } from "./views/manipulation.js";
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
} from "./core/errors.js";
export { sharesMemory, mayShareMemory } from "./ops/overlap.js";
export type { SharesMemoryOptions } from "./ops/overlap.js";
export { copy } from "./ops/copy.js";
export { ascontiguousarray, asfortranarray, copyto } from "./ops/copyto.js";
export type { CopyPath } from "./ops/copy.js";
export type { CopytoCasting, CopytoOptions } from "./ops/copyto.js";
export { concatenate, stack, vstack, hstack, dstack, columnStack } from "./ops/join.js";
export type { ConcatenateOptions, StackOptions, JoinDTypeOptions, JoinOutOptions, JoinSequence } from "./ops/join.js";
export { tile, repeat } from "./ops/repeat.js";
export type { RepeatOptions } from "./ops/repeat.js";
export { block, unstack } from "./ops/block.js";
export type { BlockArrays } from "./ops/block.js";
export { astype } from "./ops/cast.js";
export type { AstypeOptions } from "./ops/cast.js";
export { canCast, promoteTypes, resultType } from "./core/casting.js";
export type { Casting, ResultTypeArg } from "./core/casting.js";
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
export { arrayRepr, arrayStr, setPrintOptions, getPrintOptions, withPrintOptions } from "./format/format.js";
export type { PrintOptions } from "./format/format.js";
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
export { sum, prod, mean, variance, variance as var_, std, min, max, argmin, argmax, any, all, cumsum, cumprod } from "./ops/reduce/reduce.js";
export type { ReduceOptions, VarOptions, AxisOptions, AnyAllOptions } from "./ops/reduce/reduce.js";
