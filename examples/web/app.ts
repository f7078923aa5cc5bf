// The browser demo (`npm run demo:web`): a GPT-2-sized token embedding
// (50257 x 768 float32, 154 MB) in the stridewise heap. Text becomes GPT-2
// BPE token ids; their rows are gathered with integer-array indexing (a
// copy, as in NumPy); the page shows which results are views of E and which
// are copies (with the copy ledger's bytes), how long each took, a heat-map
// of the gathered rows, cosine similarities, and the heap.
//
// Built by scripts/build-web.mjs: `../../src/index.js` resolves to the
// published browser bundle (./stridewise.browser.js beside app.js). The page
// runs under a CSP without 'unsafe-eval' and inline scripts, so everything
// here is plain DOM and canvas; element styles are set through CSSOM only.
//
// For the Chromium test the page publishes its state as `globalThis.__demo`.

import {
  defaultRng,
  copyto,
  empty,
  heapStats,
  init,
  loadNpy,
  loadSafetensors,
  resetCopyStats,
  sharesMemory,
  stack,
  threadCount,
  trackCopies,
  isDType,
  type HeapStats,
  type NDArray,
} from "../../src/index.js";
import type { TokenizeReply, TokenizeRequest } from "./tokenizer-worker.js";

// ---- state the test reads ----

/** One row of the arrays table, as published in `__demo.state.arrays`. */
export interface ArrayRow {
  expr: string;
  shape: number[];
  kind: "view" | "copy" | "owner";
  sharesWithE: boolean;
  ledgerBytes: number;
  /** Milliseconds: a view's cost per call, a copy's first run. */
  ms: number;
  /** A copy's steady state (the heap reuses a freed block); NaN for views. */
  steadyMs: number;
}

export interface DemoState {
  /** The page accepts text and shows results. */
  ready: boolean;
  /** performance.now() (ms since navigation start) when it became ready. */
  readyAt: number;
  /** performance.now() when each start-up phase ended (ms since navigation start). */
  phases: Record<string, number>;
  /** Bumped after every render; the test waits for it to change. */
  seq: number;
  busy: boolean;
  /** Milliseconds the last text update took (tokenise, gather, views, render). */
  updateMs: number;
  source: string;
  eShape: number[];
  text: string;
  ids: number[];
  gatherPath: string;
  /** The gathered rows as float32, flattened (when at most 64 rows). */
  gathered: number[];
  arrays: ArrayRow[];
  cosine: number[][];
  heap: HeapStats | null;
  error: string;
  crossOriginIsolated: boolean;
  /** threadCount() on this page's main thread: 1 by design (see the README's Threads section). */
  threads: number;
  cspViolations: string[];
}

const state: DemoState = {
  ready: false,
  readyAt: NaN,
  phases: {},
  seq: 0,
  busy: false,
  updateMs: NaN,
  source: "",
  eShape: [],
  text: "",
  ids: [],
  gatherPath: "",
  gathered: [],
  arrays: [],
  cosine: [],
  heap: null,
  error: "",
  crossOriginIsolated: globalThis.crossOriginIsolated === true,
  threads: 1,
  cspViolations: [],
};
(globalThis as { __demo?: DemoState }).__demo = state;
document.addEventListener("securitypolicyviolation", (e) => state.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));

// ---- the DOM ----

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const progress = $<HTMLProgressElement>("progress");
const statusEl = $("status");
const sourceEl = $("source");
const textEl = $<HTMLInputElement>("text");
const tokensEl = $("tokens");
const errorEl = $("error");
const fileEl = $<HTMLInputElement>("file");
const dropEl = $("drop");
const heatmap = $<HTMLCanvasElement>("heatmap");

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

const fmtMs = (ms: number): string =>
  !Number.isFinite(ms) ? "" : ms < 0.001 ? `${(ms * 1e6).toFixed(0)} ns` : ms < 1 ? `${(ms * 1e3).toFixed(1)} µs` : `${ms.toFixed(1)} ms`;
const fmtBytes = (b: number): string =>
  b === 0 ? "0" : b < 1024 ? `${b} B` : b < 1 << 20 ? `${(b / 1024).toFixed(1)} KiB` : `${(b / (1 << 20)).toFixed(1)} MiB`;
const shapeStr = (s: readonly number[]): string => `[${s.join(", ")}]`;

function setStatus(text: string, fraction?: number): void {
  statusEl.textContent = text;
  if (fraction === undefined) progress.removeAttribute("value");
  else progress.value = fraction;
}

/** Lets the browser paint (progress) without the 4 ms clamp of nested timers. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

// ---- the embedding and what is derived from it ----

const SEED = 42;
const VOCAB = 50257;
const DIM = 768;

let E: NDArray | null = null;
/** Arrays derived from E for the current text; disposed on every update. */
let derived: NDArray[] = [];
/** The tutorial's `E.get(":, :256").copy()`, timed once per E. */
let copyRow: ArrayRow | null = null;
/** Whether E.get(intArray) (advanced indexing) exists in this build of the library. */
let advancedIndexing: boolean | null = null;

function disposeDerived(): void {
  for (const a of derived) a.dispose();
  derived = [];
}

function freeEverything(): void {
  disposeDerived();
  E?.dispose();
  E = null;
  copyRow = null;
  state.arrays = [];
  state.source = "";
  state.eShape = [];
  sourceEl.textContent = "E: freed — choose a file or rebuild the seeded E";
  textEl.disabled = true;
  render(null);
}

/**
 * The seeded embedding, bit-identical to NumPy's
 * `np.random.default_rng(42).standard_normal((50257, 768), dtype=np.float32)`.
 * Drawn in blocks of rows into one allocation so the progress bar can move:
 * the generator's stream continues across calls, so blocks give the same
 * bits as one call.
 */
async function buildSeeded(): Promise<NDArray> {
  const rng = defaultRng(SEED);
  const out = empty([VOCAB, DIM], { dtype: "float32" });
  const BLOCK = 4096;
  for (let r = 0; r < VOCAB; r += BLOCK) {
    const n = Math.min(BLOCK, VOCAB - r);
    const block = rng.standardNormal([n, DIM], { dtype: "float32" });
    const dst = out.get(`${r}:${r + n}`);
    copyto(dst, block);
    dst.dispose();
    block.dispose();
    setStatus(`building E: ${r + n} / ${VOCAB} rows`, (r + n) / VOCAB);
    await yieldToBrowser();
  }
  // The block copies above are how E was made, not what the user did.
  resetCopyStats();
  return out;
}

function useEmbedding(next: NDArray, source: string): void {
  disposeDerived();
  E?.dispose();
  E = next;
  copyRow = null;
  state.source = source;
  state.eShape = [...next.shape];
  advancedIndexing = null;
  sourceEl.textContent = `E = ${source}   ${shapeStr(next.shape)} ${next.dtype}, ${fmtBytes(next.nbytes)}`;
  textEl.disabled = false;
  resetCopyStats();
}

/**
 * Rows `ids` of E as one new C-order array (NumPy's `E[ids]`, a copy).
 * Uses integer-array indexing when the library has it; otherwise stacks
 * the row views (the same copy, one kernel call per row).
 */
function gather(ids: number[]): NDArray {
  const e = E!;
  if (advancedIndexing === null) {
    try {
      e.get([0, 0]).dispose();
      advancedIndexing = true;
    } catch {
      advancedIndexing = false;
    }
  }
  if (advancedIndexing) return e.get(ids);
  const rows = ids.map((i) => e.get(i));
  try {
    return stack(rows);
  } finally {
    for (const r of rows) r.dispose();
  }
}

/** Runs `make` and times it; a view over `reps` calls, a copy first and steady. */
function measure(expr: string, make: () => NDArray, reps: number): ArrayRow & { out: NDArray } {
  const t0 = performance.now();
  const { result: out, bytes } = trackCopies(make);
  let ms = performance.now() - t0;
  let steadyMs = NaN;
  const isView = out.base !== null;
  if (isView) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) make().dispose();
    ms = (performance.now() - t) / reps;
  } else {
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      make().dispose();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    steadyMs = times[times.length >> 1] ?? NaN;
  }
  const kind = out === E ? "owner" : isView ? "view" : "copy";
  return { expr, shape: [...out.shape], kind, sharesWithE: sharesMemory(E!, out), ledgerBytes: bytes, ms, steadyMs, out };
}

// ---- tokenizer ----

// GPT-2 BPE runs in a worker (./tokenizer-worker.ts) so that building its
// rank table overlaps with drawing E here.
const tokWorker = new Worker(new URL("./tokenizer-worker.js", import.meta.url), { type: "module" });
const waiting = new Map<number, (r: TokenizeReply) => void>();
let nextRequest = 0;
tokWorker.onmessage = (e: MessageEvent) => {
  const r = e.data as TokenizeReply;
  waiting.get(r.id)?.(r);
  waiting.delete(r.id);
};
function tokenize(text: string): Promise<TokenizeReply> {
  return new Promise((resolve) => {
    const id = nextRequest++;
    waiting.set(id, resolve);
    tokWorker.postMessage({ id, text } satisfies TokenizeRequest);
  });
}

// ---- one update: text -> ids -> rows -> everything shown ----

async function update(): Promise<void> {
  const text = textEl.value;
  const t0 = performance.now();
  const { ids, labels } = await tokenize(text);
  // A newer keystroke's update may have started meanwhile; the last one wins.
  if (text !== textEl.value) return;
  disposeDerived();
  state.error = "";
  state.text = text;
  state.ids = ids;
  renderTokens(ids, labels);
  if (!E) return render(null);
  try {
    const rows: ArrayRow[] = [];
    const keep = (r: ArrayRow & { out: NDArray }): void => {
      const { out, ...row } = r;
      rows.push(row);
      if (out !== E) derived.push(out);
    };
    let G: NDArray | null = null;
    if (ids.length > 0) {
      const g = measure("E.get(ids)", () => gather(ids), 20);
      g.expr = advancedIndexing ? "E.get(ids)" : "stack(ids.map(i => E.get(i)))";
      G = g.out;
      keep(g);
      keep(measure(`E.get(${ids[0]})`, () => E!.get(ids[0]!), 1000));
    }
    keep(measure('E.get(":, :256")', () => E!.get(":, :256"), 1000));
    state.gatherPath = advancedIndexing ? "E.get(ids)" : "stack of row views (E.get(ids) not in this build)";
    state.arrays = copyRow ? [...rows, copyRow] : rows;
    render(G);
    state.updateMs = performance.now() - t0;
  } catch (err) {
    state.error = `${(err as Error).name}: ${(err as Error).message}`;
    state.arrays = [];
    render(null);
  }
}

/** The view-vs-copy comparison of the tutorial, once per E (it does not depend on the text). */
function measureCopy(): void {
  if (!E) return;
  const r = measure('E.get(":, :256").copy()', () => {
    const v = E!.get(":, :256");
    try {
      return v.copy();
    } finally {
      v.dispose();
    }
  }, 3);
  r.out.dispose();
  const { out: _out, ...row } = r;
  copyRow = row;
}

// ---- rendering ----

let tokenLabels: string[] = [];

function renderTokens(ids: number[], labels: string[]): void {
  // The heat-map and the cosine table label rows with these too.
  tokenLabels = labels;
  tokensEl.replaceChildren(
    ...ids.map((id, i) => {
      const t = el("span", undefined, "tok");
      t.append(el("span", tokenLabels[i], "t"), el("span", String(id), "id"));
      return t;
    }),
  );
}

function render(G: NDArray | null): void {
  errorEl.hidden = state.error === "";
  errorEl.textContent = state.error;

  const rows = E ? state.arrays : [];
  const tbody = document.querySelector("#arrays tbody")!;
  tbody.replaceChildren(
    ...(E ? [{ expr: "E", shape: [...E.shape], kind: "owner", sharesWithE: true, ledgerBytes: 0, ms: NaN, steadyMs: NaN } as ArrayRow] : [])
      .concat(rows)
      .map((r) => {
        const tr = el("tr");
        const code = el("td");
        code.append(el("code", r.expr));
        const time = r.kind === "copy" ? `${fmtMs(r.ms)} → ${fmtMs(r.steadyMs)}` : r.kind === "view" ? fmtMs(r.ms) : "";
        tr.append(
          code,
          el("td", shapeStr(r.shape)),
          el("td", r.kind, r.kind === "copy" ? "copy" : "view"),
          el("td", r.sharesWithE ? "yes" : "no"),
          el("td", r.kind === "owner" ? "" : fmtBytes(r.ledgerBytes), "num"),
          el("td", time, "num"),
        );
        return tr;
      }),
  );
  $("gather-note").textContent =
    `${state.gatherPath ? `gather path: ${state.gatherPath}. ` : ""}` +
    "copy ledger: the bytes copied by one call (trackCopies); views copy nothing. " +
    "time: a view per call; a copy's first run (fresh heap pages) → steady state (a reused block).";

  const h = heapStats();
  state.heap = h;
  $("heap").querySelector("tbody")!.replaceChildren(
    ...[
      ["bytes in use", fmtBytes(h.bytesInUse)],
      ["live allocations", String(h.allocations)],
      ["peak in use", fmtBytes(h.peakBytesInUse)],
      ["heap size", fmtBytes(h.heapSize)],
      ["heap limit", fmtBytes(h.heapLimit)],
      ["cross-origin isolated", state.crossOriginIsolated ? "yes (COOP/COEP)" : "no"],
      // A page's main thread may not block in Atomics.wait: stridewise stays
      // single-threaded here and uses all cores when run in a Worker.
      ["threads", state.threads === 1 ? "1 (main thread; in a Worker: all cores)" : String(state.threads)],
    ].map(([k, v]) => {
      const tr = el("tr");
      tr.append(el("td", k), el("td", v, "num"));
      return tr;
    }),
  );

  const values = G ? toFloat32(G) : new Float32Array(0);
  const n = G ? G.shape[0]! : 0;
  const d = G ? G.shape[1]! : 0;
  state.gathered = n <= 64 ? Array.from(values) : [];
  drawHeatmap(values, n, d);
  state.cosine = cosineTable(values, n, d);
  state.seq++;
}

/** The gathered rows as float32 numbers (16-bit floats are stored as bit patterns). */
function toFloat32(G: NDArray): Float32Array {
  if (isDType(G, "float32")) return G.toTypedArray();
  const f = G.astype("float32");
  try {
    return f.toTypedArray();
  } finally {
    f.dispose();
  }
}

/** Diverging blue-white-red for v in [-1, 1] (clamped). */
function color(v: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, v));
  return t < 0 ? [255 * (1 + t) + 40 * -t, 255 * (1 + t) + 90 * -t, 255] : [255, 255 * (1 - t) + 60 * t, 255 * (1 - t) + 40 * t];
}

function drawHeatmap(values: Float32Array, n: number, d: number): void {
  const LABEL = 210;
  const rowH = n === 0 ? 16 : Math.max(2, Math.min(22, Math.floor(320 / n)));
  const width = LABEL + Math.min(d, 768);
  heatmap.width = width;
  heatmap.height = Math.max(40, n * rowH);
  const ctx = heatmap.getContext("2d")!;
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, heatmap.width, heatmap.height);
  if (n === 0) {
    ctx.fillStyle = "#667085";
    ctx.font = "13px system-ui";
    ctx.fillText("type some text", 10, 24);
    return;
  }
  const cols = Math.min(d, 768);
  // Saturate at 2.5 standard deviations of the rows shown: a real GPT-2
  // embedding (values around ±0.1) reads as well as the seeded normals.
  let sq = 0;
  for (let i = 0; i < n * d; i++) sq += values[i]! ** 2;
  const sat = 2.5 * Math.sqrt(sq / (n * d)) || 1;
  const img = ctx.createImageData(cols, n * rowH);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < cols; c++) {
      // More than 768 columns: sample evenly.
      const [R, G, B] = color(values[r * d + Math.floor((c * d) / cols)]! / sat);
      for (let y = 0; y < rowH; y++) {
        const p = ((r * rowH + y) * cols + c) * 4;
        img.data[p] = R;
        img.data[p + 1] = G;
        img.data[p + 2] = B;
        img.data[p + 3] = 255;
      }
    }
  }
  ctx.putImageData(img, LABEL, 0);
  if (rowH >= 10) {
    ctx.fillStyle = "#1d2330";
    ctx.font = `${Math.min(18, rowH - 3)}px ui-monospace, monospace`;
    ctx.textBaseline = "middle";
    for (let r = 0; r < n; r++) {
      const label = `${state.ids[r] ?? ""}`.padStart(6) + " " + (tokenLabels[r] ?? "");
      ctx.fillText(label.slice(0, 18), 4, r * rowH + rowH / 2);
    }
  }
}

function cosineTable(values: Float32Array, n: number, d: number): number[][] {
  const m = Math.min(n, 10);
  const norms = Array.from({ length: m }, (_, i) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += values[i * d + k]! ** 2;
    return Math.sqrt(s);
  });
  const cos: number[][] = [];
  for (let i = 0; i < m; i++) {
    cos.push([]);
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += values[i * d + k]! * values[j * d + k]!;
      cos[i]!.push(norms[i]! && norms[j]! ? s / (norms[i]! * norms[j]!) : 0);
    }
  }
  const table = $("cosine");
  const head = el("tr");
  head.append(el("th"), ...tokenLabels.slice(0, m).map((t) => el("th", t)));
  table.replaceChildren(
    head,
    ...cos.map((row, i) => {
      const tr = el("tr");
      tr.append(el("th", tokenLabels[i] ?? ""));
      for (const v of row) {
        const td = el("td", v.toFixed(2));
        const [R, G, B] = color(v);
        td.style.backgroundColor = `rgb(${R | 0}, ${G | 0}, ${B | 0})`;
        tr.append(td);
      }
      return tr;
    }),
  );
  if (n > m) {
    const tr = el("tr");
    const td = el("td", `(first ${m} of ${n} tokens)`, "hint");
    td.colSpan = m + 1;
    tr.append(td);
    table.append(tr);
  }
  return cos;
}

// ---- loading a user's file ----

async function loadFile(file: File): Promise<void> {
  state.busy = true;
  const name = file.name;
  freeEverything();
  setStatus(`loading ${name}…`, 0);
  const onProgress = (read: number, total: number): void => {
    if (Number.isFinite(total) && total > 0) setStatus(`loading ${name}: ${fmtBytes(read)} of ${fmtBytes(total)}`, read / total);
  };
  try {
    let next: NDArray;
    if (/\.npy$/i.test(name)) {
      next = await loadNpy(file, { onProgress });
    } else {
      const st = await loadSafetensors(file, { onProgress });
      const twoD = [...st.tensors].filter(([, t]) => t.ndim === 2);
      const pick = st.tensors.get("wte.weight") ?? st.tensors.get("transformer.wte.weight") ?? (twoD.length === 1 ? twoD[0]![1] : undefined);
      if (!pick) {
        st.dispose();
        throw new Error(`${name} has no wte.weight (tensors: ${[...st.tensors.keys()].slice(0, 8).join(", ")}…)`);
      }
      // Every tensor is a view of one allocation (the file's data section):
      // copy the embedding out so that the rest of the file can be freed.
      next = st.tensors.size > 1 ? pick.copy() : pick;
      if (next !== pick) st.dispose();
    }
    if (next.ndim !== 2) {
      const shape = next.shape;
      next.dispose();
      throw new Error(`${name}: expected a 2-d embedding matrix (tokens x dims), got shape ${shapeStr(shape)}`);
    }
    useEmbedding(next, name);
    setStatus(`loaded ${name}`, 1);
    measureCopy();
    await update();
  } catch (err) {
    state.error = `${(err as Error).name}: ${(err as Error).message}`;
    setStatus(`could not load ${name}`, 0);
    render(null);
  } finally {
    state.busy = false;
  }
}

async function seeded(): Promise<void> {
  state.busy = true;
  freeEverything();
  useEmbedding(await buildSeeded(), `defaultRng(${SEED}).standardNormal([${VOCAB}, ${DIM}], { dtype: "float32" })`);
  state.busy = false;
}

fileEl.addEventListener("change", () => {
  const f = fileEl.files?.[0];
  if (f) void loadFile(f);
  fileEl.value = "";
});
dropEl.addEventListener("dragover", (e) => {
  e.preventDefault();
  dropEl.classList.add("over");
});
dropEl.addEventListener("dragleave", () => dropEl.classList.remove("over"));
dropEl.addEventListener("drop", (e) => {
  e.preventDefault();
  dropEl.classList.remove("over");
  const f = e.dataTransfer?.files[0];
  if (f) void loadFile(f);
});
$("free").addEventListener("click", () => {
  freeEverything();
  setStatus("everything freed", 0);
});
$("seeded").addEventListener("click", async () => {
  await seeded();
  measureCopy();
  await update();
  setStatus("ready", 1);
});

let pending = 0;
textEl.addEventListener("input", () => {
  // Coalesce keystrokes that arrive within one frame.
  const mine = ++pending;
  requestAnimationFrame(() => {
    if (mine === pending) void update();
  });
});

// ---- start ----

try {
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (nav) {
    state.phases.responseEnd = nav.responseEnd;
    state.phases.domInteractive = nav.domInteractive;
  }
  state.phases.moduleStart = performance.now();
  setStatus("compiling the kernels…", 0);
  await init();
  state.threads = threadCount();
  state.phases.init = performance.now();
  await seeded();
  state.phases.buildE = performance.now();
  setStatus("loading the GPT-2 tokenizer…");
  await update();
  state.phases.firstUpdate = performance.now();
  state.ready = true;
  state.readyAt = performance.now();
  setStatus(`ready in ${(state.readyAt / 1000).toFixed(2)} s — type below`, 1);
  textEl.focus();
  // The tutorial's copy timing fills in after the page is interactive.
  setTimeout(() => {
    measureCopy();
    void update();
  }, 0);
} catch (err) {
  state.error = `${(err as Error).name}: ${(err as Error).message}`;
  setStatus("failed to start");
  render(null);
}
