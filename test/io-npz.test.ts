import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { arange, loadNpz, loadNpzSync, loadSync, savez, savezCompressed, StridewiseError, toNpz, ValueError, type NpzFile } from "../src/index.js";
import { crc32 } from "../src/io/crc32.js";
import { chunkedStream, expectMatches, fixtureBytes, fixturePath, heapMark, manifest, rng , asArray } from "./io-helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "stridewise-npz-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expectArchive(z: NpzFile, name: string): void {
  const m = manifest.npz[name]!;
  expect(new Set(z.files)).toEqual(new Set(Object.keys(m)));
  expect(z.length).toBe(Object.keys(m).length);
  for (const [k, e] of Object.entries(m)) expectMatches(z.array(k), e, `${name}:${k}`);
}

describe("loadNpz", () => {
  it.each(Object.keys(manifest.npz))("reads %s (np.savez / np.savez_compressed) from a path as NumPy does", async (name) => {
    const before = heapMark();
    const z = await loadNpz(fixturePath(name));
    expectArchive(z, name);
    z.dispose();
    expect(heapMark()).toEqual(before);
  });

  it("reads from bytes, a Blob, a Response and streams of small chunks", async () => {
    for (const name of ["several.npz", "several-compressed.npz", "big-compressed.npz"]) {
      const bytes = fixtureBytes(name);
      for (const src of [bytes, new Blob([bytes]), new Response(bytes), chunkedStream(bytes, 5), chunkedStream(bytes, 1000)]) {
        const z = await loadNpz(src);
        expectArchive(z, name);
        z.dispose();
      }
    }
  });

  it("names positional arrays arr_0, arr_1 and keeps the archive order", async () => {
    const z = await loadNpz(fixturePath("positional.npz"));
    expect(z.files).toEqual(["arr_0", "arr_1"]);
    z.dispose();
  });

  it("reports progress in archive bytes", async () => {
    const size = fixtureBytes("big-compressed.npz").length;
    const calls: number[][] = [];
    const z = await loadNpz(fixturePath("big-compressed.npz"), { onProgress: (a, b) => calls.push([a, b]) });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)![1]).toBe(size);
    expect(calls.at(-1)![0]).toBe(size); // the central directory is read too: entries are checked against it
    z.dispose();
  });

  it("rejects a corrupted entry (bad CRC, bad deflate data, truncation) leaving nothing allocated", async () => {
    const before = heapMark();
    const stored = fixtureBytes("several.npz");
    // Flip a data byte of the first entry (past its 64-byte-aligned .npy header).
    const bad = stored.slice();
    bad[30 + 7 + 20 + 128 + 3]! ^= 0xff;
    await expect(loadNpz(bad)).rejects.toThrow("loadNpz: Bad CRC-32 for file 'emb.npy'");
    const comp = fixtureBytes("big-compressed.npz").slice();
    comp[80]! ^= 0x55;
    await expect(loadNpz(comp)).rejects.toThrow(ValueError);
    for (const name of ["several.npz", "several-compressed.npz"]) {
      const bytes = fixtureBytes(name);
      for (let n = 0; n < bytes.length; n += n > bytes.length - 300 ? 1 : 37) {
        await expect(loadNpz(bytes.subarray(0, n)), `${name}[:${n}]`).rejects.toThrow(StridewiseError);
        expect(() => loadNpzSync(bytes.subarray(0, n)), `${name}[:${n}] (sync)`).toThrow(StridewiseError);
      }
    }
    await expect(loadNpz(fixtureBytes("float32.npy"))).rejects.toThrow(/File is not a zip file/);
    expect(heapMark()).toEqual(before);
  });

  it("survives fuzzed archives: every case loads or raises a stridewise error, none leaks", async () => {
    const before = heapMark();
    const random = rng(5);
    const srcs = [fixtureBytes("several.npz"), fixtureBytes("several-compressed.npz")];
    for (let k = 0; k < 400; k++) {
      const b = srcs[k % 2]!.slice();
      for (let f = 0; f < 2; f++) b[Math.floor(random() * b.length)] = Math.floor(random() * 256);
      try {
        (await loadNpz(b)).dispose();
      } catch (e) {
        expect(e, `case ${k}`).toBeInstanceOf(StridewiseError);
      }
      try {
        loadNpzSync(b).dispose();
      } catch (e) {
        expect(e, `case ${k} (sync)`).toBeInstanceOf(StridewiseError);
      }
    }
    expect(heapMark()).toEqual(before);
  });
});

describe("savez", () => {
  it("computes zip's CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("round-trips every fixture archive, stored and compressed", async () => {
    for (const name of Object.keys(manifest.npz)) {
      const z = await loadNpz(fixturePath(name));
      for (const compress of [false, true]) {
        const again = await loadNpz(await toNpz(z, { compress }));
        expectArchive(again, name);
        again.dispose();
      }
      z.dispose();
    }
  });

  it("writes archives np.load reads back identically, stored and compressed", async () => {
    const a = arange(12, { dtype: "float32" }).reshape([3, 4]);
    const f = a.T; // F-contiguous: stored in Fortran order
    const v = a.get("::2, ::-1"); // neither: stored in C order
    const ids = arange(5, { dtype: "int64" });
    const p1 = join(tmp, "ours.npz");
    const p2 = join(tmp, "ours-compressed.npz");
    await savez(p1, { a, f, v, ids });
    await savezCompressed(p2, [a, ids]);
    const script = `
import sys, json, numpy as np
out = {}
for p in sys.argv[1:]:
    with np.load(p) as z:
        out[p] = {k: [z[k].tolist(), bool(z[k].flags.f_contiguous and not z[k].flags.c_contiguous)] for k in z.files}
print(json.dumps(out))`;
    let out: Record<string, Record<string, [unknown, boolean]>>;
    // python3 with NumPy is on every machine of this project: no silent skip.
      out = JSON.parse(execFileSync("python3", ["-c", script, p1, p2], { encoding: "utf8" }));
    const num = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_, y) => (typeof y === "bigint" ? Number(y) : y)));
    expect(out[p1]).toEqual({ a: [a.toArray(), false], f: [f.toArray(), true], v: [v.toArray(), false], ids: [num(ids.toArray()), false] });
    expect(out[p2]).toEqual({ arr_0: [a.toArray(), false], arr_1: [num(ids.toArray()), false] });
    for (const x of [a, f, v, ids]) x.dispose();
  });

  it("refuses something that is not an array", async () => {
    await expect(toNpz({ a: 3 as never })).rejects.toThrow("toNpz: array 'a' must be an NDArray, got number");
  });

  it("stores each entry as a .npy np.save would write", async () => {
    const a = asArray(loadSync(fixturePath("float32-F.npy")));
    const z = await toNpz({ a });
    const npy = fixtureBytes("float32-F.npy");
    // Local header (30) + name "a.npy" (5) + zip64 extra (20), then the .npy bytes.
    expect(Buffer.from(z.subarray(55, 55 + npy.length)).equals(Buffer.from(npy))).toBe(true);
    a.dispose();
  });
});
