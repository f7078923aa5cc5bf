// Checks the import graph of src/: no circle, and no import from a lower
// layer to a higher one. `npm test` runs it (test/layers.test.ts); run it by
// hand with `node scripts/check-layers.mjs` (exit code 1 on a violation).
//
// The layers, lowest first (ARCHITECTURE.md says what each holds):
//   core/      the descriptor, heap, dtypes, errors, layout rules
//   views/     descriptor arithmetic: slicing, reshape, broadcast, manipulation
//   ops/       kernel families and what composes them
//   format/ io/ random/   features built on ops
//   methods.ts the NDArray sugar, attached from above
//   index.ts   the public entry
// Type-only imports count too: a type from a higher layer is a dependency
// on it all the same.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src");

const LAYERS = [
  ["generated", 0],
  ["core", 0],
  ["views", 1],
  ["ops", 2],
  ["format", 3],
  ["io", 3],
  ["random", 3],
  ["methods.ts", 4],
  ["index.ts", 5],
];

/** The layer of a path relative to src/, or undefined for a file no layer claims. */
export function layerOf(rel) {
  const head = rel.split("/")[0];
  return LAYERS.find(([name]) => name === head)?.[1];
}

function walk(dir, out = []) {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith(".ts") && !p.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Every module of src/ with the modules of src/ it imports (relative paths, .ts). */
export function importGraph(src = SRC) {
  const graph = new Map();
  for (const file of walk(src)) {
    const rel = path.relative(src, file).split(path.sep).join("/");
    const text = readFileSync(file, "utf8");
    const deps = new Set();
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1])).replace(/\.js$/, ".ts");
      deps.add(target);
    }
    for (const m of text.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
      deps.add(path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1])).replace(/\.js$/, ".ts"));
    }
    graph.set(rel, [...deps].sort());
  }
  return graph;
}

/** Violations as sentences: unknown layers, upward imports, circles. */
export function checkLayers(graph = importGraph()) {
  const problems = [];
  for (const [file, deps] of graph) {
    const lf = layerOf(file);
    if (lf === undefined) {
      problems.push(`${file}: not in any layer (put it under core/, views/, ops/, format/, io/ or random/)`);
      continue;
    }
    for (const d of deps) {
      const ld = layerOf(d);
      if (ld !== undefined && ld > lf) problems.push(`${file} imports ${d}, a higher layer`);
    }
  }
  // Circles: depth-first search, reporting each back edge's cycle once.
  const state = new Map();
  const stack = [];
  const seen = new Set();
  const visit = (f) => {
    state.set(f, 1);
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      if (!graph.has(d)) continue;
      if (state.get(d) === 1) {
        const cycle = stack.slice(stack.indexOf(d)).concat(d);
        const key = [...cycle].slice(0, -1).sort().join(" ");
        if (!seen.has(key)) {
          seen.add(key);
          problems.push(`import circle: ${cycle.join(" -> ")}`);
        }
      } else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const problems = checkLayers();
  for (const p of problems) console.log(p);
  console.log(problems.length === 0 ? "layers: no circle, no upward import" : `layers: ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
