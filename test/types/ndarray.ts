// Compile-time checks of the dtype in NDArray's type (`tsc --strict
// --noEmit -p test/types`, run by test/types.test.ts). Every
// `@ts-expect-error` line must fail to compile, or tsc reports it unused.
import { arange, array, astype, full, linspace, ones, zeros, eye, type NDArray, type TypedArrayOf } from "../../src/index.js";

// The acceptance example: a float32 array reads numbers, an int64 one bigints.
const E: NDArray<"float32"> = zeros([4, 3], { dtype: "float32" });
const x: number = E.item(0, 0);
const big: bigint = arange(12).item(3);
const f: Float32Array = E.toTypedArray();
E.transpose([1, 0]);
E.transpose(1, 0);
arange(12).reshape(3, 4);
arange(12).reshape([3, 4]);
arange(12).reshape(2, -1, { order: "F" });
// @ts-expect-error: an int64 element is a bigint, not a number
const n: number = arange(3).item(0);
// @ts-expect-error: not a dtype
zeros([2], { dtype: "int99" });
// @ts-expect-error: not a dtype
E.astype("int99");

// Defaults follow NumPy: zeros/ones/linspace/eye float64, integer arange int64, fractions float64.
const z: NDArray<"float64"> = zeros([2]);
const o: NDArray<"float64"> = ones(3);
const l: NDArray<"float64"> = linspace(0, 1, 5);
const i: NDArray<"float64"> = eye(2);
const r: NDArray<"float64"> = arange(0, 1, 0.25);
const ri: NDArray<"int64"> = arange(2, 10, 2);
const rd: NDArray<"int8"> = arange(5, { dtype: "int8" });
// A number that is not a literal may be an integer or not: the type says both.
declare const k: number;
const rk: NDArray<"int64" | "float64"> = arange(k);
// @ts-expect-error: arange(k) may be float64
const rk2: NDArray<"int64"> = arange(k);

// array() infers from the data.
const a1: NDArray<"int64"> = array([[1, 2], [3, 4]]);
const a2: NDArray<"float64"> = array([1, 2.5]);
const a3: NDArray<"bool"> = array([true, false]);
const a4: NDArray<"float32"> = array(new Float32Array(4));
const a5: NDArray<"int64"> = array(new BigInt64Array(2));
const a6: NDArray<"uint8"> = array(new Uint8Array(2));
const a7: NDArray<"int16"> = array([1, 2], { dtype: "int16" });
const a8: NDArray<"float32"> = array(E);
const b: boolean = a3.item(0);
const fl: NDArray<"int64"> = full([2], 7);
const fb: NDArray<"bool"> = full([2], true);

// Views keep the dtype; astype and view change it.
const v1: NDArray<"float32"> = E.get(":, :2");
const v2: NDArray<"float32"> = E.T.reshape(12).copy();
const v3: NDArray<"float16"> = E.astype("float16");
const v4: NDArray<"uint8"> = E.view("uint8");
const v5: NDArray<"float64"> = astype(E, "float64");
const s1: NDArray<"bool"> = E.any();
const s2: NDArray<"int64"> = E.argmax();
const u16: Uint16Array = v3.toTypedArray(); // no Float16Array in this project's lib
const t8: TypedArrayOf<"int8"> = new Int8Array(2);
// @ts-expect-error: a float32 array's TypedArray is a Float32Array
const wrong: Float64Array = E.toTypedArray();

// Any NDArray<D> is an NDArray.
const anyArr: NDArray = E;
const values: (number | bigint | boolean)[] = [anyArr.item(0, 0), x, big, b];
void [n, z, o, l, i, r, ri, rd, rk, rk2, a1, a2, a4, a5, a6, a7, a8, fl, fb, v1, v2, v4, v5, s1, s2, u16, t8, wrong, f, values];

// The type an assignment expects cannot choose the dtype.
// @ts-expect-error: zeros without a dtype is float64
const notF32: NDArray<"float32"> = zeros([2]);
// @ts-expect-error: astype("float16") is float16
const notF64: NDArray<"float64"> = E.astype("float16");
void [notF32, notF64];
