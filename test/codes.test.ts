// The dispatch codes: assembly/codes.ts is their one source, and
// src/generated/codes.ts (written by scripts/embed-wasm.mjs) must say the
// same, with the dtypes in the façade's order.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DTYPE_NAMES } from "../src/index.js";
import * as codes from "../src/generated/codes.js";

function enumsOf(source: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [, name, body] of source.matchAll(/export enum (\w+) \{([^}]*)\}/g)) {
    const members: Record<string, number> = {};
    for (const [, m, v] of body!.matchAll(/^\s*(\w+) = (\d+),/gm)) members[m!] = Number(v);
    out[name!.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase() + "_CODE"] = members;
  }
  return out;
}

describe("dispatch codes", () => {
  it("are the enums of assembly/codes.ts, dense from 0", () => {
    const enums = enumsOf(readFileSync(new URL("../assembly/codes.ts", import.meta.url), "utf8"));
    expect(Object.keys(enums).length).toBeGreaterThan(5);
    expect({ ...codes }).toEqual(enums);
    for (const members of Object.values(enums)) {
      expect(Object.values(members)).toEqual(Object.values(members).map((_, i) => i));
    }
  });

  it("number the dtypes in the order of DTYPE_NAMES", () => {
    expect(Object.keys(codes.DTYPE_CODE)).toEqual([...DTYPE_NAMES]);
  });
});
