// Loads the NumPy-recorded fixtures in test/fixtures/<name>.json (written by
// scripts/fixtures_*.py) and decodes the encodings they share: hex and
// base64 bytes, and tagged JS values that JSON cannot spell directly; and
// the two assertions the fixture suites share (runCases, expectError).

import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

/** Parses test/fixtures/<name>.json. */
export function loadFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as T;
}

/** Bytes from a hex string ("00ff" → [0, 255]). */
export function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Bytes from a base64 string, in a fresh (8-byte aligned) buffer. */
export function base64Bytes(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, "base64"));
}

/** A JSON value as written by the fixture scripts' encoder. */
export type Encoded = number | boolean | string | null | { bigint: string } | { num: string } | Encoded[] | { [k: string]: Encoded };

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity, "-0": -0 };

/**
 * Decodes tagged values recursively: `{bigint: "123"}` → 123n,
 * `{num: "nan" | "inf" | "-inf" | "-0"}` → the number; other objects and
 * arrays are decoded member by member.
 */
export function jsValue(v: Encoded): any {
  if (Array.isArray(v)) return v.map(jsValue);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, Encoded>;
    const one = Object.keys(o).length === 1;
    if (one && typeof o.bigint === "string") return BigInt(o.bigint);
    if (one && typeof o.num === "string") return SPECIAL[o.num];
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, jsValue(x)]));
  }
  return v;
}

/**
 * One test per fixture case. A title listed in `known` (title → the
 * mismatch) is expected to fail, so fixing it shows as a failure to update.
 */
export function runCases<C>(list: readonly C[], title: (c: C) => string, replay: (c: C) => void, known: Record<string, string> = {}): void {
  for (const c of list) {
    const name = title(c);
    if (name in known) it.fails(`${name} (known mismatch: ${known[name]})`, () => replay(c));
    else it(name, () => replay(c));
  }
}

/** `f` throws an instance of `cls` (as JavaScript's instanceof sees it) with exactly `message`. */
export function expectError(f: () => unknown, cls: new (...a: never[]) => Error, message: string): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(cls);
  expect((err as Error).message).toBe(message);
}
