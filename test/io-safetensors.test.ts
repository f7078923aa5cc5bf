import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  arange,
  DTypeError,
  heapStats,
  loadSafetensors,
  loadSafetensorsSync,
  MemoryError,
  saveSafetensors,
  StridewiseError,
  toSafetensors,
  ValueError,
  type SafetensorsFile,
} from "../src/index.js";
import { chunkedStream, expectMatches, fixtureBytes, fixturePath, heapMark, manifest, rng } from "./io-helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "stridewise-st-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A safetensors file with this header (padded to 8) and data. */
function stFile(header: unknown, data: Uint8Array = new Uint8Array(0), raw?: string): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(raw ?? JSON.stringify(header));
  const n = json.length + ((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + n + data.length).fill(0x20, 8, 8 + n);
  new DataView(out.buffer).setUint32(0, n, true);
  out.set(json, 8);
  out.set(data, 8 + n);
  return out;
}

function expectFile(st: SafetensorsFile, name: string): void {
  const m = manifest.safetensors[name]!;
  expect(st.metadata).toEqual(m.metadata);
  expect([...st.tensors.keys()].sort()).toEqual(Object.keys(m.tensors).sort());
  for (const [k, e] of Object.entries(m.tensors)) expectMatches(st.tensors.get(k)!, e, `${name}:${k}`);
}

describe("loadSafetensors", () => {
  it.each(Object.keys(manifest.safetensors))("reads %s as NumPy's frombuffer does, every tensor a view of one allocation", async (name) => {
    const before = heapMark();
    const st = await loadSafetensors(fixturePath(name));
    expectFile(st, name);
    // One allocation for the whole data section, shared by every tensor.
    expect(heapStats().allocations - before.allocations).toBe(1);
    const mems = new Set([...st.tensors.values()].map((t) => t._mem));
    expect(mems.size).toBe(1);
    const bytes = fixtureBytes(name);
    const n = new DataView(bytes.buffer).getUint32(0, true);
    expect(heapStats().bytesInUse - before.bytesInUse).toBe(bytes.length - 8 - n);
    // Disposing all but one keeps the data; the last frees it.
    const all = [...st.tensors.values()];
    for (const t of all.slice(1)) t.dispose();
    expect(heapStats().allocations - before.allocations).toBe(1);
    all[0]!.dispose();
    expect(heapMark()).toEqual(before);
  });

  it("reads the GPT-2 layout: 148 tensors with the real names, wte first", () => {
    const st = loadSafetensorsSync(fixturePath("gpt2-tiny.safetensors"));
    expect(st.tensors.size).toBe(2 + 12 * 13 + 2);
    expect(st.metadata).toEqual({ format: "pt" });
    expect(st.tensors.get("h.11.attn.bias")!.shape).toEqual([1, 1, 8, 8]);
    expect(st.tensors.get("h.0.mlp.c_fc.weight")!.shape).toEqual([4, 16]);
    st.dispose();
  });

  it("reads every kind of source alike", async () => {
    const before = heapMark();
    const bytes = fixtureBytes("dtypes.safetensors");
    for (const src of [bytes, bytes.slice().buffer, new Blob([bytes]), new Response(bytes), chunkedStream(bytes, 13), chunkedStream(bytes, 1)]) {
      const st = await loadSafetensors(src);
      expectFile(st, "dtypes.safetensors");
      st.dispose();
    }
    const st = loadSafetensorsSync(bytes);
    expectFile(st, "dtypes.safetensors");
    st.dispose();
    expect(heapMark()).toEqual(before);
  });

  it("reports progress to the file's size", async () => {
    const calls: number[][] = [];
    const size = fixtureBytes("gpt2-tiny.safetensors").length;
    const st = await loadSafetensors(chunkedStream(fixtureBytes("gpt2-tiny.safetensors"), 4096), { onProgress: (a, b) => calls.push([a, b]) });
    expect(calls.at(-1)).toEqual([size, size]);
    st.dispose();
  });
});

describe("saveSafetensors", () => {
  it("round-trips every fixture byte for byte in values and metadata", async () => {
    for (const name of Object.keys(manifest.safetensors)) {
      const st = loadSafetensorsSync(fixturePath(name));
      const again = loadSafetensorsSync(toSafetensors(st.tensors, { metadata: st.metadata ?? {} }));
      expectFile(again, name);
      again.dispose();
      const p = join(tmp, name);
      await saveSafetensors(p, st.tensors, { metadata: st.metadata! });
      const fromDisk = loadSafetensorsSync(p);
      expectFile(fromDisk, name);
      fromDisk.dispose();
      st.dispose();
    }
  });

  it("writes files the safetensors package (or the spec reader in scripts/) reads identically", async () => {
    const a = arange(24, { dtype: "float32" }).reshape([2, 3, 4]);
    const t = a.transpose(2, 0, 1); // written in C order
    const b = arange(5, { dtype: "int16" });
    const p = join(tmp, "ours.safetensors");
    await saveSafetensors(p, { t, b }, { metadata: { format: "np" } });
    const script = `
import sys, json, numpy as np
sys.path.insert(0, 'scripts')
from make_gpt2_safetensors import read_safetensors
tensors, meta = read_safetensors(sys.argv[1])
try:
    from safetensors.numpy import load_file, safe_open
    ref = load_file(sys.argv[1])
    with safe_open(sys.argv[1], 'np') as f: meta2 = f.metadata()
    assert meta2 == meta and ref.keys() == tensors.keys() and all(np.array_equal(ref[k], tensors[k]) for k in ref)
    used = 'safetensors'
except ImportError:
    used = 'spec reader'
print(json.dumps({'used': used, 'meta': meta, 't': tensors['t'].tolist(), 'b': tensors['b'].tolist()}))
`;
    let out: { used: string; meta: unknown; t: unknown; b: unknown };
    // python3 with NumPy is on every machine of this project: no silent skip.
      out = JSON.parse(execFileSync("python3", ["-c", script, p], { encoding: "utf8" }));
    expect(out.meta).toEqual({ format: "np" });
    expect(out.t).toEqual(t.toArray());
    expect(out.b).toEqual(b.toArray());
    t.dispose();
    a.dispose();
    b.dispose();
  });

  it("refuses a tensor named __metadata__ and non-string metadata", () => {
    const a = arange(2, { dtype: "float32" });
    expect(() => toSafetensors({ __metadata__: a })).toThrow(/reserved/);
    expect(() => toSafetensors({ a }, { metadata: { n: 1 as never } })).toThrow(/must be a string/);
    a.dispose();
  });
});

describe("loadSafetensors: hostile and truncated files", () => {
  const f32 = (n: number): Uint8Array => new Uint8Array(4 * n);
  const cases: [string, Uint8Array, RegExp | typeof DTypeError][] = [
    ["an unknown dtype", stFile({ a: { dtype: "F8_E4M3", shape: [1], data_offsets: [0, 1] } }, new Uint8Array(1)), /tensor 'a' has dtype F8_E4M3, which stridewise does not support/],
    ["a range that is not dtype × shape", stFile({ a: { dtype: "F32", shape: [2], data_offsets: [0, 4] } }, f32(1)), /needs 8 bytes, but its data_offsets \[0, 4\] span 4/],
    ["overlapping ranges", stFile({ a: { dtype: "F32", shape: [2], data_offsets: [0, 8] }, b: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }, f32(2)), /overlaps/],
    ["a hole", stFile({ a: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }, f32(2)), /has a hole: no tensor covers bytes 0 to 4/],
    ["a range past the end", stFile({ a: { dtype: "F32", shape: [4], data_offsets: [0, 16] } }, f32(2)), /need 16 bytes of data but the file holds 8/],
    ["bytes no tensor covers at the end", stFile({ a: { dtype: "F32", shape: [1], data_offsets: [0, 4] } }, f32(2)), /cover 4 bytes but the file holds 8/],
    ["negative offsets", stFile({ a: { dtype: "F32", shape: [1], data_offsets: [-4, 0] } }), /invalid data_offsets/],
    ["reversed offsets", stFile({ a: { dtype: "F32", shape: [0], data_offsets: [4, 0] } }), /invalid data_offsets/],
    ["a fractional shape", stFile({ a: { dtype: "F32", shape: [1.5], data_offsets: [0, 6] } }), /invalid shape/],
    ["a missing dtype", stFile({ a: { shape: [1], data_offsets: [0, 4] } }, f32(1)), /has no dtype/],
    ["a non-object entry", stFile({ a: [1, 2] }), /must be an object/],
    ["non-string metadata", stFile({ __metadata__: { a: 1 } }), /__metadata__ value of 'a' must be a string/],
    ["an array header", stFile(null, undefined, "[1, 2]   "), /must start with '\{'/],
    ["broken JSON", stFile(null, undefined, '{"a": {"dtype": "F32",'), /the header is not valid JSON/],
    ["invalid UTF-8", (() => { const b = stFile(null, undefined, '{"\u00e9": 1}'); b[11] = 0xff; return b; })(), /not valid UTF-8/],
    ["a huge header length", (() => { const b = new Uint8Array(16); new DataView(b.buffer).setUint32(4, 1, true); return b; })(), /header length 4294967296 is too large/],
    ["a header length past the end", (() => { const b = new Uint8Array(16); new DataView(b.buffer).setUint32(0, 100, true); return b; })(), /header length 100 runs past the end of the file \(16 bytes\)/],
    ["shape overflow", stFile({ a: { dtype: "F64", shape: [2 ** 40, 2 ** 40], data_offsets: [0, 8] } }, f32(2)), /needs \d.* bytes, but/],
  ];

  it.each(cases)("refuses %s with a clear message, allocating nothing", async (_, bytes, msg) => {
    const before = heapMark();
    expect(() => loadSafetensorsSync(bytes)).toThrow(msg);
    await expect(loadSafetensors(new Blob([bytes as Uint8Array<ArrayBuffer>]))).rejects.toThrow(msg);
    expect(heapMark()).toEqual(before);
  });

  it("refuses a stream with more data than its tensors cover", async () => {
    const bytes = stFile({ a: { dtype: "F32", shape: [1], data_offsets: [0, 4] } }, f32(2));
    await expect(loadSafetensors(chunkedStream(bytes, 3))).rejects.toThrow(/more bytes than its tensors cover/);
  });

  it("fails before reading when the data cannot fit the heap, naming its size and the heap's limit", async () => {
    const before = heapMark();
    const n = 2 ** 30; // 4 × 2^30 float32 = 4 GiB + the header: cannot fit a 4 GiB heap
    const header = { a: { dtype: "F32", shape: [n], data_offsets: [0, 4 * n] } };
    // A stream that would only deliver the data later: the check comes first.
    let pulled = 0;
    const head = stFile(header);
    const stream = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        pulled++;
        ctrl.enqueue(pulled === 1 ? head.slice() : new Uint8Array(1 << 20));
      },
    });
    const err = await loadSafetensors(stream).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MemoryError);
    expect((err as Error).message).toMatch(/loadSafetensors: the file's data needs 4294967296 bytes, more than the heap can serve: it holds \d+ bytes of at most 4294967296/);
    expect(pulled).toBeLessThanOrEqual(2);
    expect(heapMark()).toEqual(before);
  });

  it("raises a ValueError for the GPT-2 file truncated at every 97th length, leaking nothing", async () => {
    const before = heapMark();
    const bytes = fixtureBytes("gpt2-tiny.safetensors");
    for (let n = 0; n < bytes.length; n += 97) {
      const cut = bytes.subarray(0, n);
      expect(() => loadSafetensorsSync(cut), `[:${n}]`).toThrow(ValueError);
    }
    // Streams do not know their size: the data read itself runs short.
    await expect(loadSafetensors(chunkedStream(bytes.subarray(0, bytes.length - 10), 1000))).rejects.toThrow(
      /EOF: reading tensor data, expected \d+ bytes got \d+/,
    );
    expect(heapMark()).toEqual(before);
  });

  it("survives fuzzed headers: every case loads or raises a stridewise error, none leaks", () => {
    const before = heapMark();
    const random = rng(7);
    const src = fixtureBytes("dtypes.safetensors");
    const n = new DataView(src.buffer).getUint32(0, true);
    let refused = 0;
    for (let k = 0; k < 3000; k++) {
      const b = src.slice();
      const flips = 1 + Math.floor(random() * 3);
      for (let f = 0; f < flips; f++) {
        const at = random() < 0.1 ? Math.floor(random() * 8) : 8 + Math.floor(random() * n);
        b[at] = random() < 0.5 ? Math.floor(random() * 256) : '0123456789[]{}":,-eE.'.charCodeAt(Math.floor(random() * 21));
      }
      const cut = random() < 0.2 ? b.subarray(0, Math.floor(random() * b.length)) : b;
      try {
        loadSafetensorsSync(cut).dispose();
      } catch (e) {
        expect(e, `case ${k}`).toBeInstanceOf(StridewiseError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(1500);
    expect(heapMark()).toEqual(before);
  });
});

describe("a real-shaped GPT-2 file", () => {
  it("loads wte.weight (50257 × 768 float32) from disk equal to NumPy's read", async () => {
    const p = join(tmp, "gpt2-wte.safetensors");
    execFileSync("python3", ["scripts/make_gpt2_safetensors.py", p, "--only", "wte.weight,wpe.weight"]);
    const sums = JSON.parse(
      execFileSync("python3", ["-c", `
import sys, json; sys.path.insert(0, 'scripts')
from make_gpt2_safetensors import read_safetensors
t, m = read_safetensors(sys.argv[1])
print(json.dumps({k: [float(v.astype('f8').sum()), float(v.reshape(-1)[-1])] for k, v in t.items()}))`, p], { encoding: "utf8" }),
    ) as Record<string, [number, number]>;
    const before = heapMark();
    const st = await loadSafetensors(p);
    const wte = st.tensors.get("wte.weight")!;
    expect(wte.shape).toEqual([50257, 768]);
    for (const [k, [sum, last]] of Object.entries(sums)) {
      const t = st.tensors.get(k)!;
      const v = t.toTypedArray() as Float32Array;
      let s = 0;
      for (let i = 0; i < v.length; i++) s += v[i]!;
      expect(s).toBeCloseTo(sum, 6);
      expect(v[v.length - 1]).toBe(last);
    }
    st.dispose();
    // Nothing of this load stays allocated. (Undisposed leftovers of earlier
    // tests may be collected meanwhile, so the heap can only shrink.)
    const after = heapMark();
    expect(after.bytesInUse).toBeLessThanOrEqual(before.bytesInUse);
    expect(after.allocations).toBeLessThanOrEqual(before.allocations);
  });
});
