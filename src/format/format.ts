// NumPy's printing: `str(a)` and `repr(a)`, byte for byte as NumPy 2.4 prints
// them (numpy/_core/arrayprint.py), with its print options.
//
// The problem: NumPy's text depends on every detail of its algorithm, not
// only on the values. Floats use Dragon4 (the shortest digits that identify
// the value among neighbours of ITS dtype, cut off at `precision` digits and
// then rounded from the exact binary value, ties to even); one formatter is
// chosen per array from all printed values (fixed or scientific, column
// widths); and lines wrap at the line width with NumPy's hanging indents.
//
// The approach: port the algorithm, not the output. `dragon4` is NumPy's
// digit generator on exact BigInt arithmetic; `formatPositional` and
// `formatScientific` are its FormatPositional/FormatScientific; FloatFormat,
// IntegerFormat and BoolFormat are arrayprint's classes; `formatArray` is
// `_formatArray`. Elements are read through strides, so views print their
// true values, and only the printed corners of a summarised array are read.
//
// bfloat16 is not an `np.floating` subclass (ml_dtypes registers it under
// `np.generic`), so NumPy prints each element with ml_dtypes' scalar repr,
// C++ `ostream << float` (printf `%g`, 6 significant digits), unpadded.
//
// Limits: NumPy's `formatter`, `legacy` and `override_repr` options are not
// implemented; the dragon4 output buffer is unbounded (NumPy's holds 16384
// characters, which no float of these dtypes reaches).

import type { NDArray } from "../core/ndarray.js";
import { readElement, type DType, type Scalar } from "../core/dtype.js";
import { float16BitsToNumber, float64ToFloat16Bits } from "../core/half.js";
import { DTypeError, ValueError } from "../core/errors.js";
import { decompose, dragon4, formatPositional, formatScientific, NO_PAD, type FloatDType, type FloatFormatOptions, type Trim } from "./dragon4.js";

// ---------------------------------------------------------------------------
// Print options

/** NumPy's print options (`np.set_printoptions`), minus `formatter` and `legacy`. */
export interface PrintOptions {
  /** Digits after the decimal point (positional) or after the first digit (scientific). Default 8. */
  precision: number;
  /** Arrays with more elements than this are summarised with `...`. Default 1000. */
  threshold: number;
  /** Items kept at each end of a summarised axis. Default 3. */
  edgeitems: number;
  /** Characters per line before wrapping. Default 75. */
  linewidth: number;
  /** Never switch to scientific notation for small magnitudes. Default false. */
  suppress: boolean;
  /** How many float digits to print. Default "maxprec". */
  floatmode: "fixed" | "unique" | "maxprec" | "maxprec_equal";
  /** Sign of positive floats and integers: "-" none, "+" always, " " a space. Default "-". */
  sign: "-" | "+" | " ";
  /** Text for NaN. Default "nan". */
  nanstr: string;
  /** Text for infinity. Default "inf". */
  infstr: string;
}

const DEFAULTS: Readonly<PrintOptions> = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  floatmode: "maxprec",
  sign: "-",
  nanstr: "nan",
  infstr: "inf",
});

let options: PrintOptions = { ...DEFAULTS };

const FLOATMODES = ["fixed", "unique", "maxprec", "maxprec_equal"];

function checkedOptions(o: Partial<PrintOptions>): PrintOptions {
  const out = { ...options };
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (!Object.hasOwn(DEFAULTS, k)) throw new DTypeError(`set_printoptions() got an unexpected keyword argument '${k}'`);
    (out as Record<string, unknown>)[k] = v;
  }
  if (!FLOATMODES.includes(out.floatmode)) {
    throw new ValueError(`floatmode option must be one of ${FLOATMODES.map((m) => `"${m}"`).join(", ")}`);
  }
  if (!["-", "+", " "].includes(out.sign)) throw new ValueError("sign option must be one of ' ', '+', or '-'");
  if (typeof out.threshold !== "number") throw new DTypeError("threshold must be numeric");
  if (Number.isNaN(out.threshold)) {
    throw new ValueError("threshold must be non-NAN, try sys.maxsize for untruncated representation");
  }
  if (!Number.isInteger(out.precision)) throw new DTypeError("precision must be an integer");
  if (out.precision < 0) throw new ValueError("precision must be >= 0");
  return out;
}

/**
 * Sets print options for every later `toString`/`repr`, as NumPy's
 * `set_printoptions` (only the options given change). Throws NumPy's
 * ValueError/TypeError for a bad floatmode, sign, threshold or precision.
 * @example setPrintOptions({ precision: 3 }); array([1 / 3, 2 / 3]).toString() // "[0.333 0.667]"
 */
export function setPrintOptions(o: Partial<PrintOptions>): void {
  options = checkedOptions(o);
}

/** The current print options (a copy), as NumPy's `get_printoptions`. @example getPrintOptions().linewidth // 75 */
export function getPrintOptions(): PrintOptions {
  return { ...options };
}

/**
 * Runs `fn` with some print options changed and restores them afterwards,
 * as NumPy's `with np.printoptions(...)`.
 * @example withPrintOptions({ threshold: 5 }, () => arange(10).toString()) // "[0 1 2 ... 7 8 9]"
 */
export function withPrintOptions<T>(o: Partial<PrintOptions>, fn: () => T): T {
  const saved = options;
  options = checkedOptions(o);
  try {
    return fn();
  } finally {
    options = saved;
  }
}

// ---------------------------------------------------------------------------
// Element formatters (arrayprint's FloatingFormat, IntegerFormat, BoolFormat)

/** A value rounded to `d`, as NumPy computes in that dtype. */
function inDType(d: FloatDType, x: number): number {
  if (d === "float64") return x;
  if (d === "float32") return Math.fround(x);
  return float16BitsToNumber(float64ToFloat16Bits(x));
}

/** `np.finfo(d).precision`. */
const FINFO_PRECISION: Record<FloatDType, number> = { float16: 3, float32: 6, float64: 15 };

function signbit(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** arrayprint's FloatingFormat: one column format for all printed values. */
class FloatFormat {
  private precision: number;
  private minDigits = -1;
  private unique = true;
  private trim: Trim = ".";
  private expFormat = false;
  private padLeft = 0;
  private padRight = 0;
  private expSize = -1;

  constructor(
    private readonly dtype: FloatDType,
    data: readonly number[],
    private readonly opts: PrintOptions,
  ) {
    this.precision = opts.floatmode === "unique" ? -1 : opts.precision;
    this.fill(data);
  }

  private fill(data: readonly number[]): void {
    const { opts, dtype } = this;
    const finite = data.filter(Number.isFinite);
    let max = -Infinity;
    let min = Infinity;
    for (const x of finite) {
      const a = Math.abs(x);
      if (a === 0) continue;
      if (a > max) max = a;
      if (a < min) min = a;
    }
    if (max !== -Infinity) {
      // NEP 50: the Python floats NumPy compares with become the array's dtype.
      const cutoff = 10 ** Math.min(8, FINFO_PRECISION[dtype]);
      if (max >= cutoff || (!opts.suppress && (min < inDType(dtype, 0.0001) || inDType(dtype, max / min) > 1000))) {
        this.expFormat = true;
      }
    }
    const plus = opts.sign === "+";
    if (finite.length === 0) {
      this.padLeft = 0;
      this.padRight = 0;
      this.trim = ".";
      this.expSize = -1;
      this.unique = true;
      this.minDigits = -1;
    } else if (this.expFormat) {
      const fixed = opts.floatmode === "fixed";
      const o = { ...NO_PAD, precision: this.precision, unique: !fixed, trim: (fixed ? "k" : ".") as Trim, sign: plus };
      let intLen = 0;
      let fracLen = 0;
      let expLen = 0;
      for (const x of finite) {
        const s = formatScientific(x, dtype, o);
        const e = s.indexOf("e");
        const dot = s.indexOf(".");
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, e - dot - 1);
        expLen = Math.max(expLen, s.length - e - 1);
      }
      this.expSize = expLen - 1;
      this.trim = "k";
      this.precision = fracLen;
      this.minDigits = fracLen;
      this.unique = !fixed;
      this.padLeft = intLen;
      this.padRight = this.expSize + 2 + this.precision;
    } else {
      const fixed = opts.floatmode === "fixed";
      const o = { ...NO_PAD, precision: this.precision, unique: !fixed, trim: (fixed ? "k" : ".") as Trim, sign: plus };
      let intLen = 0;
      let fracLen = 0;
      for (const x of finite) {
        const s = formatPositional(x, dtype, o);
        const dot = s.indexOf(".");
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, s.length - dot - 1);
      }
      this.padLeft = intLen;
      this.padRight = fracLen;
      this.expSize = -1;
      this.unique = !fixed;
      if (opts.floatmode === "fixed" || opts.floatmode === "maxprec_equal") {
        this.precision = this.minDigits = this.padRight;
        this.trim = "k";
      } else {
        this.trim = ".";
        this.minDigits = 0;
      }
    }
    if (opts.sign === " " && !finite.some(signbit)) this.padLeft += 1;
    if (finite.length !== data.length) {
      const neginf = opts.sign !== "-" || data.some((x) => x === -Infinity);
      const offset = this.padRight + 1;
      this.padLeft = Math.max(this.padLeft, opts.nanstr.length - offset, opts.infstr.length + (neginf ? 1 : 0) - offset);
    }
  }

  format(x: number): string {
    if (!Number.isFinite(x)) {
      const plus = this.opts.sign === "+" ? "+" : "";
      const ret = Number.isNaN(x) ? plus + this.opts.nanstr : (x < 0 ? "-" : plus) + this.opts.infstr;
      return " ".repeat(Math.max(0, this.padLeft + this.padRight + 1 - ret.length)) + ret;
    }
    const o: FloatFormatOptions = {
      precision: this.precision,
      minDigits: this.minDigits,
      unique: this.unique,
      trim: this.trim,
      sign: this.opts.sign === "+",
      padLeft: this.padLeft,
      padRight: this.padRight,
      expDigits: this.expSize,
    };
    return this.expFormat ? formatScientific(x, this.dtype, o) : formatPositional(x, this.dtype, o);
  }
}

/** arrayprint's IntegerFormat: right-aligned to the widest of max and min. */
function integerFormat(data: readonly (number | bigint)[], sign: PrintOptions["sign"]): (x: Scalar) => string {
  let width = 0;
  if (data.length > 0) {
    let max = data[0]!;
    let min = data[0]!;
    for (const x of data) {
      if (x > max) max = x;
      if (x < min) min = x;
    }
    let maxLen = String(max).length;
    if (sign === " " && min < 0) sign = "-";
    if (max >= 0 && sign !== "-") maxLen += 1;
    width = Math.max(maxLen, String(min).length);
  }
  return (x) => {
    const n = x as number | bigint;
    const s = n < 0 || sign === "-" ? String(n) : sign + String(n);
    return s.padStart(width, " ");
  };
}

/**
 * ml_dtypes' scalar repr and str for bfloat16: C++ `ostream << float`, i.e.
 * printf "%g" with 6 significant digits of the exact value (ties to even),
 * and "nan" whatever its sign.
 */
function formatG6(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : "inf";
  const v = decompose(x, "float32");
  const sign = v.negative ? "-" : "";
  if (x === 0) return sign + "0";
  const { digits, exp } = dragon4(v, false, false, 6, -1);
  const trimmed = digits.replace(/0+$/, "");
  if (exp < -4 || exp >= 6) {
    const frac = trimmed.slice(1);
    const e = String(Math.abs(exp)).padStart(2, "0");
    return sign + trimmed[0]! + (frac ? "." + frac : "") + "e" + (exp < 0 ? "-" : "+") + e;
  }
  if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + trimmed;
  if (trimmed.length <= exp + 1) return sign + trimmed + "0".repeat(exp + 1 - trimmed.length);
  return sign + trimmed.slice(0, exp + 1) + "." + trimmed.slice(exp + 1);
}

/** The element formatter NumPy picks for `dtype`, fitted to the printed values. */
function formatFunction(dtype: DType, data: readonly Scalar[], zeroD: boolean, opts: PrintOptions): (x: Scalar) => string {
  switch (dtype) {
    case "bool": {
      const t = zeroD ? "True" : " True";
      return (x) => (x ? t : "False");
    }
    case "bfloat16":
      return (x) => formatG6(x as number);
    case "float16":
    case "float32":
    case "float64": {
      const f = new FloatFormat(dtype, data as number[], opts);
      return (x) => f.format(x as number);
    }
    default:
      return integerFormat(data as (number | bigint)[], opts.sign);
  }
}

/** NumPy's `str()` of a scalar of `dtype` (what `str` of a 0-d array prints). */
function scalarStr(dtype: DType, x: Scalar): string {
  switch (dtype) {
    case "bool":
      return x ? "True" : "False";
    case "bfloat16":
      return formatG6(x as number);
    case "float16":
    case "float32":
    case "float64": {
      const n = x as number;
      if (Number.isNaN(n)) return "nan";
      if (!Number.isFinite(n)) return n < 0 ? "-inf" : "inf";
      // Positional between 1e-4 and a per-dtype bound, else scientific.
      const a = Math.abs(n);
      const limit = dtype === "float16" ? 1e3 : dtype === "float32" ? 1e6 : 1e16;
      if (a === 0 || (a < limit && a >= 1e-4)) return formatPositional(n, dtype, { ...NO_PAD, trim: "0" });
      return formatScientific(n, dtype, { ...NO_PAD, trim: "-" });
    }
    default:
      return String(x);
  }
}

// ---------------------------------------------------------------------------
// Layout (arrayprint's _formatArray)

/** The values NumPy fits the formatter to: all, or the corners a summary prints. */
function printedValues(a: NDArray, base: number, edge: number, summarise: boolean): Scalar[] {
  const out: Scalar[] = [];
  const { shape, strides, dtype } = a;
  const visit = (axis: number, at: number): void => {
    if (axis === shape.length) {
      out.push(readElement(dtype, at));
      return;
    }
    const n = shape[axis]!;
    const s = strides[axis]!;
    if (summarise && n > 2 * edge) {
      for (let i = 0; i < edge; i++) visit(axis + 1, at + i * s);
      for (let i = n - edge; i < n; i++) visit(axis + 1, at + i * s);
    } else for (let i = 0; i < n; i++) visit(axis + 1, at + i * s);
  };
  visit(0, base);
  return out;
}

function extendLine(s: string, line: string, word: string, width: number, nextPrefix: string): [string, string] {
  let wrap = line.length + word.length > width;
  // Don't wrap a line that holds nothing but its indent: it would not help.
  if (line.length <= nextPrefix.length) wrap = false;
  if (wrap) {
    s += line.trimEnd() + "\n";
    line = nextPrefix;
  }
  return [s, line + word];
}

function formatArray(
  a: NDArray,
  base: number,
  fmt: (x: Scalar) => string,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edge: number,
  summaryInsert: string,
): string {
  const { shape, strides, dtype } = a;
  const sepTrim = separator.trimEnd();
  const recurse = (axis: number, at: number, hanging: string, width: number): string => {
    const axesLeft = shape.length - axis;
    if (axesLeft === 0) return fmt(readElement(dtype, at));
    const nextHanging = hanging + " ";
    const nextWidth = width - 1;
    const n = shape[axis]!;
    const stride = strides[axis]!;
    const summary = summaryInsert !== "" && 2 * edge < n;
    const leading = summary ? edge : 0;
    const trailing = summary ? edge : n;
    const item = (i: number): string => recurse(axis + 1, at + i * stride, nextHanging, nextWidth);
    let s = "";
    if (axesLeft === 1) {
      const elemWidth = width - Math.max(sepTrim.length, 1);
      let line = hanging;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLine(s, line, item(i), elemWidth, hanging);
        line += separator;
      }
      if (summary) {
        [s, line] = extendLine(s, line, summaryInsert, elemWidth, hanging);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLine(s, line, item(n - i), elemWidth, hanging);
        line += separator;
      }
      [s, line] = extendLine(s, line, item(n - 1), elemWidth, hanging);
      s += line;
    } else {
      const lineSep = sepTrim + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hanging + item(i) + lineSep;
      if (summary) s += hanging + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) s += hanging + item(n - i) + lineSep;
      s += hanging + item(n - 1);
    }
    return "[" + s.slice(hanging.length) + "]";
  };
  return recurse(0, base, nextLinePrefix, lineWidth);
}

/** NumPy's `array2string` with the given separator, prefix and suffix. */
function array2string(a: NDArray, fn: string, opts: PrintOptions, separator: string, prefix: string, suffix: string): string {
  const base = a.address(fn);
  const lineWidth = opts.linewidth - suffix.length;
  if (a.size === 0) return "[]";
  const summarise = a.size > opts.threshold;
  const data = printedValues(a, base, opts.edgeitems, summarise);
  const fmt = formatFunction(a.dtype, data, a.shape.length === 0, opts);
  return formatArray(a, base, fmt, lineWidth, " " + " ".repeat(prefix.length), separator, opts.edgeitems, summarise ? "..." : "");
}

/** Python's repr of a shape tuple: `(3,)`, `(2, 3)`, `()`. */
function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** The dtypes NumPy's repr leaves implied (int64 is NumPy's default int on 64-bit Linux and macOS). */
const IMPLIED = new Set<DType>(["bool", "int64", "float64"]);

/**
 * NumPy's `repr(a)`: `array([...])` with `shape=` for summarised and empty
 * multi-axis arrays and `dtype=` unless the values imply it. Throws
 * DisposedError for a disposed array.
 * @example arrayRepr(arange(3, { dtype: "int8" })) // "array([0, 1, 2], dtype=int8)"
 */
export function arrayRepr(a: NDArray): string {
  const opts = options;
  const prefix = "array(";
  const lst = array2string(a, "repr", opts, ", ", prefix, ")");
  const extras: string[] = [];
  if ((a.size === 0 && !(a.shape.length === 1 && a.shape[0] === 0)) || a.size > opts.threshold) {
    extras.push(`shape=${shapeRepr(a.shape)}`);
  }
  if (!IMPLIED.has(a.dtype) || a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return prefix + lst + ")";
  const arrStr = prefix + lst + ",";
  const extraStr = extras.join(", ") + ")";
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf("\n") + 1);
  const spacer = lastLineLen + extraStr.length + 1 > opts.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return arrStr + spacer + extraStr;
}

/**
 * NumPy's `str(a)`: the elements without `array(...)`; a 0-d array prints
 * as its scalar would. Throws DisposedError for a disposed array.
 * @example arrayStr(arange(3)) // "[0 1 2]"
 */
export function arrayStr(a: NDArray): string {
  if (a.shape.length === 0) return scalarStr(a.dtype, readElement(a.dtype, a.address("toString")));
  return array2string(a, "toString", options, " ", "", "");
}
