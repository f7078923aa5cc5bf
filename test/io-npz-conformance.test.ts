// .npz and np.load conformance against what NumPy 2.4 recorded in
// test/fixtures/io-npz/manifest.json (scripts/fixtures_npz.py): archives
// from np.savez, np.savez_compressed and zipfile, hand-corrupted copies,
// members that are not .npy, and .npy headers whose shape overflows.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  BadZipFile,
  DisposedError,
  DTypeError,
  KeyError,
  load,
  loadNpz,
  loadNpzSync,
  loadSync,
  NDArray,
  NpzFile,
  toNpz,
  ValueError,
} from "../src/index.js";
import { expectMatches, heapMark, type Expected } from "./io-helpers.js";

const DIR = new URL("./fixtures/io-npz/", import.meta.url);
const path = (name: string): string => new URL(name, DIR).pathname;
const bytes = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(new URL(name, DIR)));

type Outcome =
  | { kind: "npz"; files: string[]; members: Record<string, Expected | { raw: string }>; missing: string; len: number }
  | { kind: "npy"; array: Expected; np_empty: null; shape: string[] }
  | { error: string; message: string; np_empty?: string | null; shape?: string[] };
const manifest = JSON.parse(readFileSync(new URL("manifest.json", DIR), "utf8")) as Record<string, Outcome>;

const tmp = mkdtempSync(join(tmpdir(), "stridewise-npz-conf-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Where stridewise is stricter than NumPy, on purpose: the size an entry
 * declares must be the size its .npy header implies, checked before any
 * data is read or inflated. NumPy reads on and fails later (EOF, a bad CRC,
 * a MemoryError) or not at all (trailing bytes, a declared size too large).
 */
const STRICTER: Record<string, string> = {
  "header-bigger-stored.npz": "zip entry 'x.npy' declares 208 bytes but the .npy header in it describes 920",
  "header-bigger-deflated.npz": "zip entry 'x.npy' declares 208 bytes but the .npy header in it describes 920",
  "header-huge-deflated.npz": "zip entry 'x.npy' declares 208 bytes but the .npy header in it describes 8796093022336",
  "trailing-bytes.npz": "zip entry 'x.npy' declares 213 bytes but the .npy header in it describes 208",
  "usize-smaller.npz": "zip entry 'x.npy' declares 200 bytes but the .npy header in it describes 208",
  "usize-larger.npz": "zip entry 'x.npy' declares 216 bytes but the .npy header in it describes 208",
};

/**
 * NumPy lets zlib's own error through (`zlib.error: Error -3 while
 * decompressing data: …`); stridewise raises a ValueError naming the entry,
 * with the inflater's reason.
 */
const DEFLATE_ERRORS = ["bad-deflate.npz"];

const archives = Object.keys(manifest).filter((n) => n.endsWith(".npz"));
const agreeing = archives.filter((n) => !(n in STRICTER) && !DEFLATE_ERRORS.includes(n));

function expectArchive(z: NpzFile, e: Extract<Outcome, { kind: "npz" }>, what: string): void {
  expect(z).toBeInstanceOf(NpzFile);
  expect(z.files, what).toEqual(e.files);
  expect(z.length, what).toBe(e.len);
  for (const name of e.files) {
    const want = e.members[name]!;
    const got = z.get(name);
    if ("raw" in want) {
      expect(got, `${what}:${name}`).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(got as Uint8Array).toString("base64"), `${what}:${name}`).toBe(want.raw);
    } else {
      expect(got, `${what}:${name}`).toBeInstanceOf(NDArray);
      expectMatches(got as NDArray, want, `${what}:${name}`);
    }
  }
}

/** The message stridewise gives for what NumPy raised, and the class it raises. */
function expectRefusal(run: () => unknown, name: string, fn: string): void {
  const e = manifest[name] as { error: string; message: string };
  const cls = e.error === "BadZipFile" ? BadZipFile : ValueError;
  expect(run, name).toThrow(cls);
  expect(run, name).toThrow(`${fn}: ${e.message}`);
}

describe(".npz as NumPy reads it", () => {
  it.each(agreeing)("%s: loadNpz gives NumPy's members or NumPy's error", async (name) => {
    const before = heapMark();
    const e = manifest[name]!;
    if ("error" in e) {
      const err = await loadNpz(path(name)).catch((x: unknown) => x);
      expect(err, name).toBeInstanceOf(e.error === "BadZipFile" ? BadZipFile : ValueError);
      expect((err as Error).message).toBe(`loadNpz: ${e.message}`);
    } else {
      using z = await loadNpz(path(name));
      expectArchive(z, e as Extract<Outcome, { kind: "npz" }>, name);
    }
    expect(heapMark()).toEqual(before);
  });

  it.each(agreeing)("%s: loadNpzSync and loadSync agree (stored data straight to the heap, deflate by zlib)", (name) => {
    const before = heapMark();
    const e = manifest[name]!;
    for (const [fn, run] of [
      ["loadNpzSync", () => loadNpzSync(bytes(name))],
      ["loadSync", () => loadSync(path(name))],
    ] as const) {
      if ("error" in e) expectRefusal(run, name, fn);
      else {
        using z = run() as NpzFile;
        expectArchive(z, e as Extract<Outcome, { kind: "npz" }>, `${fn} ${name}`);
      }
    }
    expect(heapMark()).toEqual(before);
  });

  it("raises BadZipFile with zipfile's words for a flipped data byte and a wrong central CRC; a wrong local CRC is ignored, as zipfile ignores it", async () => {
    for (const name of ["flipped-data-byte.npz", "flipped-deflate-byte.npz", "wrong-crc-central.npz"]) {
      expect(manifest[name]).toEqual({ error: "BadZipFile", message: "Bad CRC-32 for file 'x.npy'" });
      await expect(loadNpz(bytes(name))).rejects.toThrow(new BadZipFile("loadNpz: Bad CRC-32 for file 'x.npy'"));
    }
    expect(new BadZipFile("x")).toBeInstanceOf(ValueError);
    expect("files" in manifest["wrong-crc-local.npz"]!).toBe(true);
    (await loadNpz(bytes("wrong-crc-local.npz"))).dispose();
  });

  it.each(Object.keys(STRICTER))("%s: refuses the size disagreement before reading or inflating any data", async (name) => {
    const before = heapMark();
    const msg = STRICTER[name]!;
    await expect(loadNpz(path(name))).rejects.toThrow(new ValueError(`loadNpz: ${msg}`));
    await expect(load(new Blob([bytes(name)]))).rejects.toThrow(`load: ${msg}`);
    // Synchronously, zlib inflates the whole entry, bounded by its declared size, before the header is read.
    const syncMsg = name === "usize-smaller.npz" ? "zip entry 'x.npy' inflates to more than the 200 bytes the archive declares" : msg;
    expect(() => loadNpzSync(bytes(name))).toThrow(`loadNpzSync: ${syncMsg}`);
    expect(heapMark()).toEqual(before);
    // What NumPy does instead, as recorded: a later error, or a load.
    const np = manifest[name]!;
    if (name === "header-huge-deflated.npz") expect(np).toMatchObject({ error: "MemoryError" });
    else if (name.startsWith("header-bigger")) expect(np).toMatchObject({ error: "ValueError", message: "EOF: reading array data, expected 792 bytes got 80" });
    else if (name === "usize-smaller.npz") expect(np).toMatchObject({ error: "BadZipFile" });
    else expect(np).toMatchObject({ kind: "npz" });
  });
});

describe("a broken deflate stream", () => {
  it.each(DEFLATE_ERRORS)("%s: a ValueError naming the entry and zlib's reason, nothing left allocated", async (name) => {
    const before = heapMark();
    const np = manifest[name] as { error: string; message: string };
    expect(np.error).toBe("error"); // zlib.error
    const reason = np.message.replace(/^Error -?\d+ while decompressing data: /, "");
    await expect(loadNpz(bytes(name))).rejects.toThrow(new ValueError(`loadNpz: zip entry 'x.npy' is not valid deflate data (${reason})`));
    expect(() => loadNpzSync(bytes(name))).toThrow(`loadNpzSync: zip entry 'x.npy' is not valid deflate data (${reason})`);
    expect(heapMark()).toEqual(before);
  });
});

describe("NpzFile, shaped as NumPy's", () => {
  const mixed = manifest["mixed.npz"] as Extract<Outcome, { kind: "npz" }>;

  it("lists every member in archive order, .npy removed, and hands non-.npy members out as bytes (NumPy decides by the magic)", async () => {
    using z = await loadNpz(path("mixed.npz"));
    expect(z.files).toEqual(["notes.txt", "x", "raw", "hidden.bin", "empty.dat"]);
    expect(z.files).toEqual(mixed.files);
    expect(z.get("raw")).toBeInstanceOf(Uint8Array); // named .npy, not one
    expect(z.get("hidden.bin")).toBeInstanceOf(NDArray); // a .npy under another name
    expect(z.get("empty.dat")).toEqual(new Uint8Array(0));
  });

  it("get and has take a name with or without .npy; a missing one is NumPy's KeyError", async () => {
    using z = await loadNpz(path("mixed.npz"));
    expect(z.get("x.npy")).toBe(z.get("x"));
    expect(z.get("raw.npy")).toBe(z.get("raw"));
    expect(z.has("x") && z.has("x.npy") && z.has("notes.txt")).toBe(true);
    expect(z.has("notes") || z.has("nope")).toBe(false);
    expect(() => z.get("nope")).toThrow(KeyError);
    expect(() => z.get("nope")).toThrow(`NpzFile.get: ${mixed.missing}`);
    expect(z.array("x").shape).toEqual([10]);
    expect(() => z.array("notes.txt")).toThrow(DTypeError);
    expect(() => z.array("notes.txt")).toThrow("NpzFile.array: member 'notes.txt' is not a .npy array but 10 raw bytes; get() returns them");
  });

  it("iterates as [name, member], keys() as files, length as len(); the deprecated arrays map keeps the arrays", async () => {
    using z = await loadNpz(path("mixed.npz"));
    expect([...z].map(([k]) => k)).toEqual(mixed.files);
    expect([...z.keys()]).toEqual(mixed.files);
    expect([...z.values()]).toEqual([...z].map(([, v]) => v));
    expect(z.length).toBe(mixed.len);
    expect([...z.arrays.keys()]).toEqual(["x", "hidden.bin"]);
  });

  it("dispose and `using` dispose every array it holds", async () => {
    const before = heapMark();
    let x: NDArray;
    {
      using z = await loadNpz(path("stored.npz"));
      x = z.array("x");
    }
    expect(() => x.item(0)).toThrow(DisposedError);
    const z2 = loadNpzSync(bytes("deflated.npz"));
    z2.dispose();
    expect(heapMark()).toEqual(before);
  });

  it("reads the empty archive (it starts with PK\\x05\\x06) as no members", async () => {
    const e = await load(bytes("empty.npz"));
    expect(e).toBeInstanceOf(NpzFile);
    expect((e as NpzFile).files).toEqual([]);
    expect((loadSync(bytes("empty.npz")) as NpzFile).length).toBe(0);
  });

  it("writes an NpzFile back member for member, raw ones included, and np.load reads it as the original", async () => {
    using z = await loadNpz(path("mixed.npz"));
    const p1 = join(tmp, "mixed-again.npz");
    const p2 = join(tmp, "mixed-again-compressed.npz");
    for (const [p, compress] of [
      [p1, false],
      [p2, true],
    ] as const) {
      const out = await toNpz(z, { compress });
      using again = await loadNpz(out);
      expectArchive(again, mixed, `round trip compress=${compress}`);
      (await import("node:fs")).writeFileSync(p, out);
    }
    const script = `
import sys, json, base64, numpy as np
out = {}
for p in sys.argv[1:]:
    with np.load(p) as z:
        out[p] = {k: (base64.b64encode(z[k]).decode() if isinstance(z[k], bytes) else z[k].tolist()) for k in z.files}
print(json.dumps(out))`;
    const got = JSON.parse(execFileSync("python3", ["-c", script, p1, p2], { encoding: "utf8" }));
    for (const p of [p1, p2]) {
      expect(Object.keys(got[p])).toEqual(mixed.files);
      expect(got[p]["notes.txt"]).toBe((mixed.members["notes.txt"] as { raw: string }).raw);
      expect(got[p].x).toEqual((z.array("x").toArray() as bigint[]).map(Number));
    }
  });
});

describe("load sniffs the kind, as np.load", () => {
  it("gives an NpzFile for a zip and an NDArray for a .npy, from a path, bytes and a Blob", async () => {
    const before = heapMark();
    const npy = new URL("./fixtures/io/float32.npy", import.meta.url).pathname;
    for (const src of [path("savez-compressed.npz"), bytes("savez-compressed.npz"), new Blob([bytes("savez.npz")])]) {
      const r = await load(src);
      expect(r).toBeInstanceOf(NpzFile);
      expectArchive(r as NpzFile, manifest["savez.npz"] as Extract<Outcome, { kind: "npz" }>, "load");
      r.dispose();
    }
    for (const src of [npy, new Uint8Array(readFileSync(npy)), new Blob([readFileSync(npy)])]) {
      const r = await load(src);
      expect(r).toBeInstanceOf(NDArray);
      r.dispose();
    }
    for (const src of [path("savez.npz"), bytes("savez-compressed.npz")]) {
      const r = loadSync(src);
      expect(r).toBeInstanceOf(NpzFile);
      r.dispose();
    }
    const a = loadSync(npy);
    expect(a).toBeInstanceOf(NDArray);
    a.dispose();
    expect(heapMark()).toEqual(before);
  });

  it("narrows with instanceof", async () => {
    const r = await load(bytes("stored.npz"));
    const x = r instanceof NpzFile ? r.array("x") : r;
    expect(x.shape).toEqual([10]);
    r.dispose();
  });
});

describe("a .npy shape whose size overflows", () => {
  const shapes = Object.keys(manifest).filter((n) => n.startsWith("shape-"));

  it.each(shapes)("%s: refused with NumPy's words even when another axis is 0", (name) => {
    const e = manifest[name] as Outcome & { np_empty: string | null; shape: string[] };
    if (e.np_empty === null) {
      // NumPy creates it (the nonzero dimensions fit): so does stridewise.
      const a = loadSync(path(name)) as NDArray;
      expectMatches(a, (e as { array: Expected }).array, name);
      a.dispose();
      return;
    }
    expect(() => loadSync(path(name))).toThrow(ValueError);
    expect(() => loadSync(path(name))).toThrow(`loadSync: ${e.np_empty}`);
    // np.load agrees except where its int64 element count wraps around to 0
    // ((2**60, 2**60)): it then reports a reshape; stridewise keeps np.empty's answer.
    if ("message" in e && e.message !== e.np_empty) {
      expect(e.shape).toEqual([String(2n ** 60n), String(2n ** 60n)]);
      expect(e.message).toMatch(/^cannot reshape array of size 0/);
    }
  });
});
