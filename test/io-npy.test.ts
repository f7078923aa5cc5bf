import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DTypeError,
  load,
  loadNpySync,
  loadSync,
  MemoryError,
  parseNpyHeader,
  save,
  saveSync,
  StridewiseError,
  toNpy,
  ValueError,
  zeros,
  type NDArray,
} from "../src/index.js";
import { chunkedStream, expectMatches, fixtureBytes, fixturePath, heapMark, manifest, rng , asArray } from "./io-helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "stridewise-npy-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const npyFiles = Object.keys(manifest.npy);

/** A .npy file with the given header text (version 1.0 unless asked), padded as np.save pads. */
function npyWith(header: string, data = new Uint8Array(0), major = 1): Uint8Array {
  const lenSize = major === 1 ? 2 : 4;
  const hlen = header.length + 1;
  const total = hlen + (64 - ((8 + lenSize + hlen) % 64));
  const out = new Uint8Array(8 + lenSize + total + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const dv = new DataView(out.buffer);
  if (lenSize === 2) dv.setUint16(8, total, true);
  else dv.setUint32(8, total, true);
  const text = header.padEnd(total - 1, " ") + "\n";
  for (let i = 0; i < text.length; i++) out[8 + lenSize + i] = text.charCodeAt(i);
  out.set(data, 8 + lenSize + total);
  return out;
}

describe("load: every fixture NumPy wrote", () => {
  it.each(npyFiles)("loadSync(path) reads %s as NumPy does", (name) => {
    const a = asArray(loadSync(fixturePath(name)));
    expectMatches(a, manifest.npy[name]!, name);
    expect(a.flags.ownData).toBe(true);
    expect(a.flags.writeable).toBe(true);
    a.dispose();
  });

  it.each(npyFiles)("loadSync(bytes) and load(path) agree for %s", async (name) => {
    const a = asArray(loadSync(fixtureBytes(name)));
    expectMatches(a, manifest.npy[name]!, name);
    a.dispose();
    const b = asArray(await load(fixturePath(name)));
    expectMatches(b, manifest.npy[name]!, name);
    b.dispose();
  });

  // What np.load itself gives (scripts/fixtures_npy_strides.py): an empty
  // 1-d file loads with stride 0, not np.empty's itemsize.
  const loadStrides = JSON.parse(readFileSync(fixturePath("strides.json"), "utf8")) as Record<string, { shape: number[]; strides: number[] }>;
  const strideFiles = npyFiles.filter((n) => n in loadStrides);
  it.each(strideFiles)("%s loads with np.load's byte strides", (name) => {
    const a = asArray(loadSync(fixtureBytes(name)));
    expect(a.shape).toEqual(loadStrides[name]!.shape);
    expect(a.strides).toEqual(loadStrides[name]!.strides);
    a.dispose();
  });
  it("covers the empty and Fortran-order files", () => {
    for (const n of ["float32-empty.npy", "int8-empty-2d.npy", "float16-empty-F.npy", "float32-F.npy", "int16-F-3d.npy"]) expect(strideFiles).toContain(n);
  });

  it("reads from a Blob, a Response, an ArrayBuffer and a stream of 7-byte chunks", async () => {
    const before = heapMark();
    for (const name of ["float32-1000.npy", "float64-F-be.npy", "int64-0d.npy", "int8-empty-2d.npy"]) {
      const bytes = fixtureBytes(name);
      const sources = [
        new Blob([bytes]),
        new Response(bytes),
        bytes.slice().buffer,
        chunkedStream(bytes, 7),
        chunkedStream(bytes, 1),
      ];
      for (const s of sources) {
        const a = asArray(await load(s));
        expectMatches(a, manifest.npy[name]!, `${name} from ${s.constructor.name}`);
        a.dispose();
      }
    }
    expect(heapMark()).toEqual(before);
  });

  it("loads a Fortran-order file as an F-contiguous array with the file's byte order in memory", () => {
    const a = asArray(loadSync(fixturePath("float32-F.npy")));
    expect(a.shape).toEqual([3, 4]);
    expect(a.strides).toEqual([4, 12]);
    expect(a.flags.fContiguous).toBe(true);
    expect(a.flags.cContiguous).toBe(false);
    a.dispose();
  });

  it("loads big-endian files byte-swapped to the same values as little-endian ones", () => {
    for (const name of npyFiles.filter((n) => n.endsWith("-be.npy") && !n.includes("-F-") && !n.includes("-v2"))) {
      const be = asArray(loadSync(fixturePath(name)));
      const le = asArray(loadSync(fixturePath(name.replace("-be", ""))));
      expect(be.toArray(), name).toEqual(le.toArray());
      be.dispose();
      le.dispose();
    }
  });

  it("reports progress up to the total and honours an AbortSignal", async () => {
    const calls: [number, number][] = [];
    const a = asArray(await load(fixturePath("float32-1000.npy"), { onProgress: (n, t) => calls.push([n, t]) }));
    const size = fixtureBytes("float32-1000.npy").length;
    expect(calls.at(-1)).toEqual([size, size]);
    a.dispose();
    const before = heapMark();
    const ac = new AbortController();
    ac.abort();
    await expect(load(fixturePath("float32-1000.npy"), { signal: ac.signal })).rejects.toThrow(/abort/i);
    // Abort while the stream is stalled after the header: the pending read is abandoned.
    const bytes = fixtureBytes("float32-1000.npy");
    let sent = false;
    const stalled = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        if (!sent) ctrl.enqueue(bytes.slice(0, 300));
        sent = true;
        return new Promise(() => {});
      },
    });
    const ac2 = new AbortController();
    const p = load(stalled, { signal: ac2.signal });
    setTimeout(() => ac2.abort(), 20);
    await expect(p).rejects.toThrow(/abort/i);
    expect(heapMark()).toEqual(before);
  });
});

describe("save: what np.save writes", () => {
  const littleV1 = npyFiles.filter((n) => !n.includes("-be") && !n.includes("-v2") && !n.includes("-v3"));

  it.each(littleV1)("toNpy(load(%s)) is byte-identical to the NumPy file", (name) => {
    const a = asArray(loadSync(fixturePath(name)));
    expect(Buffer.from(toNpy(a)).equals(Buffer.from(fixtureBytes(name)))).toBe(true);
    a.dispose();
  });

  it("writes a non-contiguous view in C order and an F-contiguous one in F order", async () => {
    const a = asArray(loadSync(fixturePath("int16-F-3d.npy")));
    const back = asArray(loadSync(toNpy(a)));
    expect(back.strides).toEqual(a.strides);
    expect(back.toArray()).toEqual(a.toArray());
    back.dispose();
    const t = a.transpose(1, 0, 2); // neither C nor F
    expect(t.flags.cContiguous || t.flags.fContiguous).toBe(false);
    const p = join(tmp, "t.npy");
    await save(p, t);
    const tb = asArray(loadSync(p));
    expect(tb.flags.cContiguous).toBe(true);
    expect(tb.toArray()).toEqual(t.toArray());
    saveSync(p, t);
    expect(readFileSync(p).equals(Buffer.from(toNpy(t)))).toBe(true);
    tb.dispose();
    t.dispose();
    a.dispose();
  });

  it("round-trips through NumPy: np.load reads every saved file identically", () => {
    const pairs: [string, string][] = [];
    for (const name of npyFiles) {
      const a = asArray(loadSync(fixturePath(name)));
      const out = join(tmp, `rt-${name}`);
      saveSync(out, a);
      pairs.push([fixturePath(name), out]);
      a.dispose();
    }
    const script = `
import json, sys, numpy as np
bad = []
for ref, ours in json.load(sys.stdin):
    a, b = np.load(ref), np.load(ours)
    a = a.astype(a.dtype.newbyteorder('<')) if a.dtype.byteorder == '>' else a
    if a.dtype.kind == 'V' and ref.endswith('-be.npy'):  # bfloat16 as '>V2': NumPy alone cannot swap a void
        a = np.frombuffer(a.tobytes(), '>u2').astype('<u2').view(a.dtype).reshape(a.shape)
    same = (a.dtype == b.dtype and a.shape == b.shape and a.flags.f_contiguous == b.flags.f_contiguous
            and a.tobytes(order='A') == b.tobytes(order='A'))
    if not same: bad.append(ours)
print(json.dumps(bad))
`;
    let out: string;
    // python3 with NumPy is on every machine of this project: no silent skip.
      out = execFileSync("python3", ["-c", script], { input: JSON.stringify(pairs), encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([]);
  });
});

describe("load: errors", () => {
  it("refuses object (pickle) arrays, complex and structured dtypes with NumPy's words", () => {
    expect(() => loadSync(fixturePath("object.npy"))).toThrow(new ValueError("loadSync: Object arrays cannot be loaded when allow_pickle=False"));
    expect(() => loadSync(fixturePath("complex64.npy"))).toThrow(DTypeError);
    expect(() => loadSync(fixturePath("complex64.npy"))).toThrow(/data type '<c8' is not supported/);
    expect(() => loadSync(fixturePath("structured.npy"))).toThrow(/structured data type/);
  });

  it("names a bad magic string, an unknown version and bad headers as NumPy does", () => {
    expect(() => loadSync(new TextEncoder().encode("GIF89a\x01\x02 not an npy file"))).toThrow(
      "loadSync: the magic string is not correct; expected b'\\x93NUMPY', got b'GIF89a'",
    );
    // A zip signature is read as .npz (np.load's sniffing); the .npy reader alone names the magic.
    expect(() => loadNpySync(new TextEncoder().encode("PK\x03\x04 not an npy file"))).toThrow(
      "loadNpySync: the magic string is not correct; expected b'\\x93NUMPY', got b'PK\\x03\\x04 n'",
    );
    const v4 = npyWith("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }");
    v4[6] = 4;
    expect(() => loadSync(v4)).toThrow("we only support format version (1,0), (2,0), and (3,0), not (4, 0)");
    expect(() => loadSync(npyWith("{'descr': '<f4', 'shape': (1,), }"))).toThrow(
      "Header does not contain the correct keys: ['descr', 'shape']",
    );
    expect(() => loadSync(npyWith("{'descr': '<f4', 'fortran_order': False, 'shape': [2], }"))).toThrow("shape is not valid: [2]");
    expect(() => loadSync(npyWith("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }"))).toThrow("shape is not valid: (-1,)");
    expect(() => loadSync(npyWith("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }"))).toThrow("fortran_order is not a valid bool: 0");
    expect(() => loadSync(npyWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), "))).toThrow(/Cannot parse header/);
    expect(() => loadSync(npyWith("[1, 2]"))).toThrow("Header is not a dictionary: [1, 2]");
    expect(() => loadSync(npyWith("{'descr': '|V2', 'fortran_order': False, 'shape': (2,), }"))).toThrow(/plain void/);
  });

  it("parses the header forms NumPy writes and accepts", () => {
    expect(parseNpyHeader("{'descr': '>i8', 'fortran_order': True, 'shape': (2, 3), }")).toEqual({
      dtype: "int64",
      shape: [2, 3],
      fortranOrder: true,
      bigEndian: true,
    });
    expect(parseNpyHeader(`{"shape": (), "fortran_order": False, "descr": "<V2"}`).dtype).toBe("bfloat16");
    expect(parseNpyHeader("{'descr': '|b1', 'fortran_order': False, 'shape': (0, 5), }").shape).toEqual([0, 5]);
  });

  it("refuses a header longer than maxHeaderSize before reading it", () => {
    const big = new Uint8Array(12);
    big.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0]);
    new DataView(big.buffer).setUint32(8, 2 ** 31, true);
    expect(() => loadSync(big)).toThrow("Header info length (2147483648) is large and may not be safe to load securely");
    const ok = npyWith(`{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }${" ".repeat(20000)}`, new Uint8Array(4), 2);
    expect(() => loadSync(ok)).toThrow(/is large/);
    const a = asArray(loadSync(ok, { maxHeaderSize: 30000 }));
    expect(a.shape).toEqual([1]);
    a.dispose();
  });

  it("fails before reading when the data cannot fit the heap, giving the size and the limit, leaving nothing allocated", async () => {
    const before = heapMark();
    const huge = npyWith("{'descr': '<f8', 'fortran_order': False, 'shape': (50000, 20000), }");
    const msg = /the file's data needs 8000000000 bytes, more than the heap can serve: it holds \d+ bytes of at most 4294967296/;
    expect(() => loadSync(huge)).toThrow(MemoryError);
    expect(() => loadSync(huge)).toThrow(msg);
    const p = join(tmp, "huge.npy");
    writeFileSync(p, huge);
    await expect(load(p)).rejects.toThrow(msg);
    expect(heapMark()).toEqual(before);
  });

  it("raises a clear error for a file truncated at every length, leaking nothing", async () => {
    const before = heapMark();
    for (const name of ["float64-F-be.npy", "int64-0d.npy", "uint16-v2.npy", "float32-v3.npy"]) {
      const bytes = fixtureBytes(name);
      for (let n = 0; n < bytes.length; n++) {
        const cut = bytes.subarray(0, n);
        expect(() => loadSync(cut), `${name}[:${n}]`).toThrow(ValueError);
        expect(() => loadSync(cut)).toThrow(/EOF: reading (magic string|array header length|array header|array data), expected \d+ bytes got \d+/);
      }
      await expect(load(chunkedStream(bytes.subarray(0, bytes.length - 1), 5))).rejects.toThrow(
        /EOF: reading array data, expected \d+ bytes got \d+/,
      );
    }
    expect(heapMark()).toEqual(before);
  });

  it("survives fuzzed headers: every case loads or raises a stridewise error, none leaks", () => {
    const before = heapMark();
    const random = rng(11);
    const seeds = ["float32.npy", "float64-F-be.npy", "float32-v3.npy", "int8-empty-2d.npy"].map(fixtureBytes);
    let loaded = 0;
    let refused = 0;
    for (let k = 0; k < 3000; k++) {
      const src = seeds[k % seeds.length]!;
      const b = src.slice();
      const hlenEnd = b[6] === 1 ? 10 : 12;
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++) {
        // Mostly the header text and length, sometimes the magic and version.
        const at = random() < 0.9 ? 6 + Math.floor(random() * (hlenEnd + 64 - 6)) : Math.floor(random() * 8);
        const pick = random();
        b[at] = pick < 0.5 ? Math.floor(random() * 256) : "0123456789(),'<>|fiub: TrueFalse"[Math.floor(random() * 32)]!.charCodeAt(0);
      }
      const cut = random() < 0.2 ? b.subarray(0, Math.floor(random() * b.length)) : b;
      let a: NDArray | null = null;
      try {
        a = asArray(loadSync(cut));
        loaded++;
      } catch (e) {
        expect(e, `case ${k}`).toBeInstanceOf(StridewiseError);
        refused++;
      }
      a?.dispose();
    }
    expect(loaded + refused).toBe(3000);
    expect(refused).toBeGreaterThan(1000);
    expect(heapMark()).toEqual(before);
  });

  it("refuses a source of the wrong kind and a failed response", async () => {
    expect(() => loadSync(new Blob([]) as never)).toThrow(/use the async loader/);
    await expect(load(42 as never)).rejects.toThrow(/expected a path, Uint8Array, ArrayBuffer, Blob, Response or ReadableStream, got number/);
    await expect(load(new Response("nope", { status: 404, statusText: "Not Found" }))).rejects.toThrow("load: the response is 404 Not Found");
    await expect(load(join(tmp, "missing.npy"))).rejects.toThrow(/ENOENT/);
  });

  it("writes and reads back a fresh array of every shape kind", () => {
    for (const shape of [[], [0], [5], [2, 3], [2, 0, 3]]) {
      const a = zeros(shape, { dtype: "float32" });
      const b = asArray(loadSync(toNpy(a)));
      expect(b.shape).toEqual(shape);
      a.dispose();
      b.dispose();
    }
  });
});
