// Groups the fuzzer's mismatches into classes (op, kind of difference, the
// messages with their numbers normalised) and prints each class's count with
// one example: the smallest program that shows it, step by step.

import type { Mismatch } from "./replay.js";
import { deviationOf } from "./deviations.js";

export interface MismatchClass {
  key: string;
  count: number;
  example: Mismatch;
  /** The documented deviation it falls under, if any. */
  deviation: string | null;
}

const norm = (x: unknown): string =>
  typeof x === "string" ? x.replace(/-?\d+/g, "N").slice(0, 160) : "";

export function classKey(m: Mismatch): string {
  const msg = m.kind.startsWith("error") || m.kind.endsWith("error") ? ` | ${norm(m.expected)} | ${norm(m.actual)}` : "";
  return `${m.op} ${m.kind}${msg}`;
}

export function classify(ms: readonly Mismatch[]): MismatchClass[] {
  const by = new Map<string, MismatchClass>();
  for (const m of ms) {
    const deviation = deviationOf(m);
    const key = (deviation ? `[documented: ${deviation}] ` : "") + classKey(m);
    const c = by.get(key);
    if (c === undefined) by.set(key, { key, count: 1, example: m, deviation });
    else {
      c.count++;
      if (m.prior.length < c.example.prior.length) c.example = m;
    }
  }
  return [...by.values()].sort((p, q) => q.count - p.count);
}

const short = (x: unknown): string => {
  const s = JSON.stringify(x) ?? String(x);
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
};

export function formatClasses(classes: readonly MismatchClass[]): string {
  const lines: string[] = [];
  for (const c of classes) {
    const m = c.example;
    lines.push(`${c.count}× ${c.key}`);
    lines.push(`   program ${m.program}, step ${m.step}:`);
    for (const [i, st] of [...m.prior, m.recorded].entries()) {
      const { out, ...rest } = st;
      lines.push(`     ${i}: ${short(rest)}${i === m.step ? "" : ""}`);
    }
    lines.push(`   expected ${short(m.expected)}`);
    lines.push(`   actual   ${short(m.actual)}`);
  }
  return lines.join("\n");
}
