// Float digits as NumPy prints them: Dragon4 (NumPy's dragon4.c) on exact
// BigInt arithmetic, and NumPy's FormatPositional / FormatScientific on top
// of it. The shortest digits that identify a value among the neighbours of
// ITS dtype (float16, float32 or float64), or digits cut off at a precision
// and rounded from the exact binary value, ties to even. src/format.ts lays
// the results out into NumPy's array text.

// ---------------------------------------------------------------------------
// Dragon4 (NumPy's dragon4.c, on BigInt)

/** A finite float as mantissa × 2^exponent, in the terms of its own dtype. */
export interface Decomposed {
  mantissa: bigint;
  exponent: number;
  /** Index of the highest mantissa bit a normal number of the dtype has (or the actual one if subnormal). */
  mantissaBit: number;
  /** The gap below is half the gap above (a power of two that is not the smallest normal). */
  unequalMargins: boolean;
  negative: boolean;
}

/** Mantissa bits and smallest normal exponent of the IEEE formats Dragon4 prints. */
export const IEEE: Record<"float16" | "float32" | "float64", { mbits: number; emin: number }> = {
  float16: { mbits: 10, emin: -14 },
  float32: { mbits: 23, emin: -126 },
  float64: { mbits: 52, emin: -1022 },
};

export type FloatDType = keyof typeof IEEE;

export const scratch = new DataView(new ArrayBuffer(8));

/** Bits in a positive mantissa of at most 53 bits. */
export function bitLength(m: bigint): number {
  const n = Number(m);
  return n >= 2 ** 32 ? 32 + (32 - Math.clz32(Math.floor(n / 2 ** 32))) : 32 - Math.clz32(n);
}

export const POW10: bigint[] = [1n];
/** 10^k as a BigInt, cached (Dragon4 needs the same few hundred). */
export function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[k]!;
}

/**
 * Splits a finite number into the mantissa and exponent its dtype stores
 * (the number must be exactly representable in that dtype, as every
 * element read from it is).
 */
export function decompose(x: number, d: keyof typeof IEEE): Decomposed {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const negative = hi >>> 31 !== 0;
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  const { mbits, emin } = IEEE[d];
  if (m === 0n) return { mantissa: 0n, exponent: emin - mbits, mantissaBit: 0, unequalMargins: false, negative };
  const top = bitLength(m) - 1 + e; // floor(log2 |x|)
  const normal = top >= emin;
  const exponent = normal ? top - mbits : emin - mbits;
  const shift = e - exponent;
  const mantissa = shift >= 0 ? m << BigInt(shift) : m >> BigInt(-shift);
  return {
    mantissa,
    exponent,
    mantissaBit: normal ? mbits : bitLength(mantissa) - 1,
    unequalMargins: normal && mantissa === 1n << BigInt(mbits) && top !== emin,
    negative,
  };
}

export const LOG10_2 = 0.30102999566398119521373889472449;
export const BUFFER = 16384;

/**
 * NumPy's Dragon4 digit generator. `unique` prints the shortest digits that
 * identify the value (round-half-even neighbours included when the mantissa
 * is even), else the exact value's digits. `cutoffMax` stops after that many
 * digits (fraction digits if `fractional`, else significant), `cutoffMin`
 * forces at least that many; -1 means none. Returns the digits and the
 * decimal exponent of the first one. Ported step by step so that every
 * rounding decision (cut-off digits round from the exact remainder, ties to
 * the even digit; the fractional cut-off clamp that prints "0") is NumPy's.
 */
export function dragon4(
  v: Decomposed,
  unique: boolean,
  fractional: boolean,
  cutoffMax: number,
  cutoffMin: number,
): { digits: string; exp: number } {
  const { mantissa, exponent, mantissaBit, unequalMargins } = v;
  if (mantissa === 0n) return { digits: "0", exp: 0 };
  const isEven = (mantissa & 1n) === 0n;
  let value: bigint;
  let scale: bigint;
  let marginLow: bigint;
  if (unequalMargins) {
    if (exponent > 0) {
      value = mantissa << BigInt(exponent + 2);
      scale = 4n;
      marginLow = 1n << BigInt(exponent);
    } else {
      value = mantissa << 2n;
      scale = 1n << BigInt(-exponent + 2);
      marginLow = 1n;
    }
  } else if (exponent > 0) {
    value = mantissa << BigInt(exponent + 1);
    scale = 2n;
    marginLow = 1n << BigInt(exponent);
  } else {
    value = mantissa << 1n;
    scale = 1n << BigInt(-exponent + 1);
    marginLow = 1n;
  }
  // The high margin is twice the low one when they differ; keep it derived.
  const highOf = (low: bigint): bigint => (unequalMargins ? low << 1n : low);

  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoffMax >= 0 && fractional && digitExponent <= -cutoffMax) digitExponent = -cutoffMax + 1;
  if (digitExponent > 0) scale *= pow10(digitExponent);
  else if (digitExponent < 0) {
    const p = pow10(-digitExponent);
    value *= p;
    marginLow *= p;
  }
  if (value >= scale) digitExponent += 1;
  else {
    value *= 10n;
    marginLow *= 10n;
  }

  let cutoffMaxExp = digitExponent - BUFFER;
  if (cutoffMax >= 0) {
    const want = fractional ? -cutoffMax : digitExponent - cutoffMax;
    if (want > cutoffMaxExp) cutoffMaxExp = want;
  }
  let cutoffMinExp = digitExponent;
  if (cutoffMin >= 0) {
    const want = fractional ? -cutoffMin : digitExponent - cutoffMin;
    if (want < cutoffMinExp) cutoffMinExp = want;
  }
  let outExp = digitExponent - 1;

  let digits = "";
  let digit = 0;
  let low = false;
  let high = false;
  if (unique) {
    for (;;) {
      digitExponent -= 1;
      digit = Number(value / scale);
      value %= scale;
      const valueHigh = value + highOf(marginLow);
      low = isEven ? value <= marginLow : value < marginLow;
      high = isEven ? valueHigh >= scale : valueHigh > scale;
      if (((low || high) && digitExponent <= cutoffMinExp) || digitExponent === cutoffMaxExp) break;
      digits += String(digit);
      value *= 10n;
      marginLow *= 10n;
    }
  } else {
    for (;;) {
      digitExponent -= 1;
      digit = Number(value / scale);
      value %= scale;
      if (value === 0n || digitExponent === cutoffMaxExp) break;
      digits += String(digit);
      value *= 10n;
    }
  }

  let roundDown = low;
  if (low === high) {
    const twice = value << 1n;
    roundDown = twice < scale;
    if (twice === scale) roundDown = (digit & 1) === 0;
  }
  if (roundDown) return { digits: digits + String(digit), exp: outExp };
  if (digit < 9) return { digits: digits + String(digit + 1), exp: outExp };
  // Round up through the 9s; all 9s become a 1 one decade up.
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i--;
  if (i < 0) return { digits: "1", exp: outExp + 1 };
  return { digits: digits.slice(0, i) + String(Number(digits[i]) + 1), exp: outExp };
}

/** NumPy's trim modes: "k" keep, "." trim zeros keep the point, "0" leave one zero, "-" trim zeros and point. */
export type Trim = "k" | "." | "0" | "-";

export interface FloatFormatOptions {
  precision: number;
  minDigits: number;
  unique: boolean;
  trim: Trim;
  sign: boolean;
  padLeft: number;
  padRight: number;
  expDigits: number;
}

export function signOf(v: Decomposed, sign: boolean): string {
  return v.negative ? "-" : sign ? "+" : "";
}

/** NumPy's `FormatPositional` (fractional cut-off), for a finite value. */
export function formatPositional(x: number, d: FloatDType, o: FloatFormatOptions): string {
  const v = decompose(x, d);
  const sign = signOf(v, o.sign);
  const { digits, exp } = dragon4(v, o.unique, true, o.precision, o.minDigits);
  let body: string;
  let numWhole: number;
  let numFrac = 0;
  if (exp >= 0) {
    numWhole = exp + 1;
    if (digits.length <= numWhole) body = digits + "0".repeat(numWhole - digits.length);
    else {
      body = digits.slice(0, numWhole) + "." + digits.slice(numWhole);
      numFrac = digits.length - numWhole;
    }
  } else {
    numWhole = 1;
    const zeros = -(exp + 1);
    body = "0." + "0".repeat(zeros) + digits;
    numFrac = zeros + digits.length;
  }
  if (o.trim !== "-" && numFrac === 0) body += ".";
  const add = o.unique ? o.minDigits : o.precision;
  const desired = add < 0 ? 0 : add;
  if (o.trim === "0") {
    if (numFrac === 0) {
      body += "0";
      numFrac++;
    }
  } else if (o.trim === "k" && desired > numFrac) {
    body += "0".repeat(desired - numFrac);
    numFrac = desired;
  }
  if (o.trim !== "k" && numFrac > 0) {
    let end = body.length;
    while (body[end - 1] === "0") {
      end--;
      numFrac--;
    }
    body = body.slice(0, end);
    if (body.endsWith(".")) {
      if (o.trim === "0") {
        body += "0";
        numFrac++;
      } else if (o.trim === "-") body = body.slice(0, -1);
    }
  }
  if (o.padRight >= numFrac) {
    if (o.trim === "-" && numFrac === 0) body += " ";
    body += " ".repeat(o.padRight - numFrac);
  }
  const out = sign + body;
  const shift = o.padLeft - (numWhole + sign.length);
  return shift > 0 ? " ".repeat(shift) + out : out;
}

/** NumPy's `FormatScientific`, for a finite value. */
export function formatScientific(x: number, d: FloatDType, o: FloatFormatOptions): string {
  const v = decompose(x, d);
  const sign = signOf(v, o.sign);
  const leftchars = 1 + sign.length;
  const pad = o.padLeft > leftchars ? " ".repeat(o.padLeft - leftchars) : "";
  const { digits, exp } = dragon4(
    v,
    o.unique,
    false,
    o.precision < 0 ? -1 : o.precision + 1,
    o.minDigits < 0 ? -1 : o.minDigits + 1,
  );
  let body = digits[0]!;
  let numFrac = digits.length - 1;
  if (numFrac > 0) body += "." + digits.slice(1);
  if (o.trim !== "-" && numFrac === 0) body += ".";
  let add = o.unique ? o.minDigits : o.precision;
  if (add < 0) add = 0;
  if (o.trim === "0") {
    if (numFrac === 0) {
      body += "0";
      numFrac++;
    }
  } else if (o.trim === "k" && add > numFrac) {
    body += "0".repeat(add - numFrac);
    numFrac = add;
  }
  if (o.trim !== "k" && numFrac > 0) {
    let end = body.length;
    while (body[end - 1] === "0") end--;
    body = body.slice(0, end);
    if (o.trim === "0" && body.endsWith(".")) body += "0";
  }
  const expDigits = o.expDigits < 0 ? 2 : Math.min(o.expDigits, 5);
  const e = String(Math.abs(exp)).padStart(expDigits, "0");
  return pad + sign + body + "e" + (exp >= 0 ? "+" : "-") + e;
}

export const NO_PAD: FloatFormatOptions = {
  precision: -1,
  minDigits: -1,
  unique: true,
  trim: ".",
  sign: false,
  padLeft: -1,
  padRight: -1,
  expDigits: -1,
};

