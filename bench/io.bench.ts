// I/O workloads: loading E (50257 × 768 float32, 154 MB; quick: 6 MB) from
// disk as .npy and as safetensors, beside np.load and a NumPy safetensors
// read (the file's bytes, np.frombuffer over the data section). Each side
// writes its own file once, untimed, under build/bench-data/; both files
// are then in the page cache, so the timings compare the read paths, not
// the disk.
//
// Run directly for the memory report of a streamed (async) load:
//   node scripts/run-ts.mjs bench/io.bench.ts --memory [--quick]

import { mkdirSync, writeFileSync } from "node:fs";
import { loadSafetensorsSync, loadSync, saveSafetensors, saveSync, toSafetensors, type NDArray, type SafetensorsFile } from "../src/index.js";
import { expect, expectShape, type Data, type Workload } from "./harness.js";

const DIR = "build/bench-data";
const NPY_SW = `${DIR}/E-stridewise.npy`;
const ST_SW = `${DIR}/E-stridewise.safetensors`;
const NPY_NP = `${DIR}/E-numpy.npy`;
const ST_NP = `${DIR}/E-numpy.safetensors`;

/** Compares a loaded E with the original at a few rows (the load cannot skip work unseen). */
function checkE(a: NDArray, d: Data, what: string): void {
  expectShape(a, d.E.shape, what);
  const rows = d.E.shape[0]!;
  for (const r of [0, 1, rows >> 1, rows - 1]) {
    for (const c of [0, 383, 767]) expect(a.item(r, c) === d.E.item(r, c), `${what}: E[${r}, ${c}]`);
  }
}

// The NumPy side's safetensors writer and reader: the format spec, no package.
const NP_ST = `
import json, struct
def st_write(path, name, a):
    h = json.dumps({"__metadata__": {"format": "pt"}, name: {"dtype": "F32", "shape": list(a.shape), "data_offsets": [0, a.nbytes]}}).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h))); f.write(h); f.write(a.tobytes())
def st_read(path):
    # The data section in one read (np.fromfile: f.read() of a large file is
    # several times slower here), then np.frombuffer views of each tensor.
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = np.fromfile(f, dtype=np.uint8)
    header.pop("__metadata__", None)
    out = {}
    for k, info in header.items():
        b, e = info["data_offsets"]
        out[k] = np.frombuffer(data, dtype="<f4", count=(e - b) // 4, offset=b).reshape(info["shape"])
    return out
`;

export const workloads: Workload[] = [
  {
    id: "IO1",
    title: "np.load('E.npy')",
    numpy: {
      setup: `import os\nos.makedirs('${DIR}', exist_ok=True)\nnp.save('${NPY_NP}', E)\nnp.load('${NPY_NP}')`,
      stmt: `np.load('${NPY_NP}')`,
    },
    setup: (d) => {
      mkdirSync(DIR, { recursive: true });
      saveSync(NPY_SW, d.E);
      loadSync(NPY_SW).dispose();
      return null;
    },
    run: () => loadSync(NPY_SW),
    check: (r, d) => checkE(r as NDArray, d, "load npy"),
    bytes: (d) => d.E.nbytes,
    path: "readSync into heap",
    target: 1.2,
  },
  {
    id: "IO2",
    title: "safetensors read (np.frombuffer)",
    numpy: {
      setup: `${NP_ST}\nimport os\nos.makedirs('${DIR}', exist_ok=True)\nst_write('${ST_NP}', 'wte.weight', E)\nst_read('${ST_NP}')`,
      stmt: `st_read('${ST_NP}')`,
    },
    setup: (d) => {
      mkdirSync(DIR, { recursive: true });
      // The harness's setup is synchronous: bytes in memory, then one write.
      writeFileSync(ST_SW, toSafetensors({ "wte.weight": d.E }, { metadata: { format: "pt" } }));
      loadSafetensorsSync(ST_SW).dispose();
      return null;
    },
    run: () => {
      const st = loadSafetensorsSync(ST_SW);
      return [...st.tensors.values()];
    },
    check: (r, d) => {
      const ts = r as NDArray[];
      expect(ts.length === 1, "one tensor");
      checkE(ts[0]!, d, "load safetensors");
    },
    bytes: (d) => d.E.nbytes,
    path: "readSync into heap",
    target: 1.2,
  },
];

// ---------------------------------------------------------------------------
// Memory report of a streamed load, run directly (not by the harness).

async function memoryReport(quick: boolean, which: number): Promise<void> {
  const { init, heapStats, load, loadSafetensors, zeros, heapMemory, save, resetPeak } = await import("../src/index.js");
  const { existsSync } = await import("node:fs");
  await init();
  mkdirSync(DIR, { recursive: true });
  const rows = quick ? 2048 : 50257;
  const npy = `${DIR}/mem-E.npy`;
  const st = `${DIR}/mem-E.safetensors`;
  if (!existsSync(npy) || !existsSync(st) || quick) {
    const E = zeros([rows, 768], { dtype: "float32" });
    const f = new Float32Array(heapMemory().buffer, E.address("bench"), E.size);
    for (let i = 0; i < f.length; i++) f[i] = Math.sin(i);
    await save(npy, E);
    await saveSafetensors(st, { "wte.weight": E });
    E.dispose();
  }
  const nbytes = rows * 768 * 4;
  const gc = (globalThis as { gc?: () => void }).gc;
  // One case per process (--case N): freed heap pages stay resident, so a
  // second load in the same process would not show its cost in RSS.
  const cases = [
    ["load(path) .npy, async", () => load(npy)],
    ["loadSafetensors(path), async", () => loadSafetensors(st)],
    ["loadSync(path) .npy", async () => loadSync(npy)],
    ["loadSafetensorsSync(path)", async () => loadSafetensorsSync(st)],
  ] as [string, () => Promise<NDArray | SafetensorsFile>][];
  for (const [what, run] of which >= 0 ? [cases[which]!] : cases) {
    gc?.();
    resetPeak();
    const rss0 = process.memoryUsage().rss;
    const heap0 = heapStats().bytesInUse;
    let rssPeak = rss0;
    const t0 = performance.now();
    const timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 1);
    const r = await run();
    clearInterval(timer);
    const ms = performance.now() - t0;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    const s = heapStats();
    console.log(
      `${what}: ${ms.toFixed(1)} ms; heap in use +${((s.peakBytesInUse - heap0) / 2 ** 20).toFixed(1)} MiB at peak ` +
        `(array ${(nbytes / 2 ** 20).toFixed(1)} MiB); process RSS +${((rssPeak - rss0) / 2 ** 20).toFixed(1)} MiB at peak, ` +
        `so ${((rssPeak - rss0 - nbytes) / 2 ** 20).toFixed(1)} MiB beyond the array`,
    );
    if ("dispose" in r) r.dispose();
  }
}

const caseArg = process.argv.indexOf("--case");
if (process.argv.includes("--memory")) {
  await memoryReport(process.argv.includes("--quick"), caseArg > 0 ? Number(process.argv[caseArg + 1]) : -1);
}
