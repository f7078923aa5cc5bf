// Replays test/fixtures/format.json (scripts/fixtures_format.py): NumPy's
// str(a) and repr(a) for a sweep of dtypes, shapes, values, views and print
// options must come out byte for byte.

import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  arange,
  array,
  arrayRepr,
  arrayStr,
  DTypeError,
  getPrintOptions,
  setPrintOptions,
  tidy,
  ValueError,
  withPrintOptions,
  zeros,
  type DType,
  type NDArray,
  type PrintOptions,
} from "../src/index.js";
import { base64Bytes, loadFixture } from "./fixtures.js";

interface Case {
  dtype: DType;
  shape: number[];
  b64: string;
  view?: string[];
  opts?: Partial<PrintOptions>;
  str: string;
  repr: string;
}

// FORMAT_FIXTURE names another file of the same form, e.g. the exhaustive
// 16-bit sweep that `fixtures_format.py --exhaustive <path>` writes.
const source = process.env.FORMAT_FIXTURE;
const { cases } = source
  ? (JSON.parse(readFileSync(source, "utf8")) as { cases: Case[] })
  : loadFixture<{ cases: Case[] }>("format");

/** The case's array: its root from the bytes, then the view steps. */
function build(c: Case): NDArray {
  let a = array(base64Bytes(c.b64), { dtype: "uint8" }).view(c.dtype).reshape(c.shape);
  for (const step of c.view ?? []) {
    if (step === "T") a = a.T;
    else a = a.get(step.slice(4));
  }
  return a;
}

function label(c: Case): string {
  return `${c.dtype} shape=[${c.shape}]${c.view ? ` view=${c.view.join(" ")}` : ""}${c.opts ? ` opts=${JSON.stringify(c.opts)}` : ""}`;
}

/** Runs the cases, returning how many strings matched and the first mismatches. */
function replay(list: Case[]): { matched: number; total: number; failures: string[] } {
  let matched = 0;
  const failures: string[] = [];
  for (const c of list) {
    tidy(() => {
      const a = build(c);
      const [s, r] = withPrintOptions(c.opts ?? {}, () => [a.toString(), a.repr()]);
      for (const [got, want, what] of [
        [s, c.str, "str"],
        [r, c.repr, "repr"],
      ] as const) {
        if (got === want) matched++;
        else if (failures.length < 5) failures.push(`${what} of ${label(c)}\n--- numpy\n${want}\n--- stridewise\n${got}`);
      }
    });
  }
  return { matched, total: 2 * list.length, failures };
}

describe("str and repr match NumPy's fixtures", () => {
  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const key = c.opts ? "print options" : c.view ? "views" : c.dtype;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, list] of groups) {
    it(`prints every ${key} case as NumPy does (${list.length} arrays)`, () => {
      const { matched, total, failures } = replay(list);
      expect(failures.join("\n\n")).toBe("");
      expect(matched).toBe(total);
    });
  }
});

describe("printing", () => {
  it("gives NumPy's text to console.log and util.inspect", () => {
    tidy(() => {
      const a = arange(6).reshape([2, 3]).astype("float32");
      expect(inspect(a)).toBe("array([[0., 1., 2.],\n       [3., 4., 5.]], dtype=float32)");
      expect(`${a.get(0)}`).toBe("[0. 1. 2.]");
      expect(arrayRepr(a)).toBe(a.repr());
      expect(arrayStr(a)).toBe(a.toString());
    });
  });

  it("throws DisposedError from toString and repr of a disposed array, and inspect says so", () => {
    const a = zeros([2, 3], { dtype: "int8" });
    a.dispose();
    expect(() => a.toString()).toThrow("toString: the array has been disposed");
    expect(() => a.repr()).toThrow("repr: the array has been disposed");
    expect(inspect(a)).toBe("array(<disposed>, shape=(2, 3), dtype=int8)");
  });

  it("sets, reads and restores print options as NumPy's set_printoptions does", () => {
    const before = getPrintOptions();
    expect(before).toEqual({
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
    tidy(() => {
      const a = array([1 / 3, 2 / 3]);
      setPrintOptions({ precision: 3 });
      try {
        expect(a.toString()).toBe("[0.333 0.667]");
        expect(withPrintOptions({ precision: 1 }, () => a.repr())).toBe("array([0.3, 0.7])");
        expect(a.toString()).toBe("[0.333 0.667]");
      } finally {
        setPrintOptions(before);
      }
      expect(a.toString()).toBe("[0.33333333 0.66666667]");
      expect(withPrintOptions({ threshold: 5 }, () => arange(10).repr())).toBe("array([0, 1, 2, ..., 7, 8, 9], shape=(10,))");
    });
  });

  it("rejects bad print options with NumPy's messages", () => {
    expect(() => setPrintOptions({ floatmode: "exact" as never })).toThrow(
      new ValueError('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"'),
    );
    expect(() => setPrintOptions({ sign: "x" as never })).toThrow(new ValueError("sign option must be one of ' ', '+', or '-'"));
    expect(() => setPrintOptions({ threshold: NaN })).toThrow(
      new ValueError("threshold must be non-NAN, try sys.maxsize for untruncated representation"),
    );
    expect(() => setPrintOptions({ precision: 1.5 })).toThrow(new DTypeError("precision must be an integer"));
    expect(() => setPrintOptions({ precision: -1 })).toThrow(new ValueError("precision must be >= 0"));
    expect(getPrintOptions().precision).toBe(8);
  });
});
