// NumPy's SeedSequence: turns a user seed (any non-negative integer, or a
// list of them) into well-mixed words for a bit generator, by O'Neill's
// hash-based entropy pool. The pool is 4 32-bit words: every entropy word is
// hashed in, then every pool word is mixed into every other one, and
// `generateState` hashes the pool cyclically into as many words as asked.
// All arithmetic is modulo 2^32 (Math.imul and >>> 0).

import { ValueError } from "../core/errors.js";

const POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** A seed as SeedSequence accepts it: one non-negative integer or a list of them. */
export type Entropy = number | bigint | readonly (number | bigint)[];

/** Splits a non-negative integer into 32-bit words, least significant first ([0] for 0). */
function intToWords(v: number | bigint): number[] {
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else {
    if (!Number.isInteger(v)) throw new ValueError(`SeedSequence expects integer entropy, got ${v}`);
    n = BigInt(v);
  }
  if (n < 0n) throw new ValueError("expected non-negative integer");
  if (n === 0n) return [0];
  const out: number[] = [];
  while (n > 0n) {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
  return out;
}

function toWords(e: Entropy | readonly number[]): number[] {
  if (typeof e === "number" || typeof e === "bigint") return intToWords(e);
  // A list: each element becomes its own words, concatenated (NumPy's _coerce_to_uint32_array).
  return e.flatMap((x) => intToWords(x));
}

/** Fresh 128-bit entropy from the platform, as NumPy takes from the OS when no seed is given. */
function osEntropy(): bigint {
  const w = new Uint32Array(4);
  globalThis.crypto.getRandomValues(w);
  return w.reduce((acc, x) => (acc << 32n) | BigInt(x), 0n);
}

/**
 * NumPy's `SeedSequence(entropy, spawn_key=())` with the default pool size.
 * @example
 * new SeedSequence(0).generateState(4, "uint64")[0]; // the first PCG64 seed word of default_rng(0)
 */
export class SeedSequence {
  /** The entropy this sequence was built from (drawn from the platform when omitted). */
  readonly entropy: Entropy;
  /** Spawn key (for children); empty for a root sequence. */
  readonly spawnKey: readonly number[];
  /** The mixed 4-word pool. */
  readonly pool: Uint32Array;

  constructor(entropy?: Entropy, spawnKey: readonly number[] = []) {
    this.entropy = entropy ?? osEntropy();
    this.spawnKey = spawnKey;
    let run = toWords(this.entropy);
    const spawn = toWords(spawnKey);
    // Pad the run entropy to the pool size when a spawn key follows it, so
    // that a child never collides with a parent seeded with longer entropy.
    if (spawn.length > 0 && run.length < POOL_SIZE) run = [...run, ...new Array<number>(POOL_SIZE - run.length).fill(0)];
    this.pool = mixEntropy([...run, ...spawn]);
  }

  /**
   * `n` words of state: uint32 words, or uint64 words made of consecutive
   * uint32 pairs, low word first.
   */
  generateState(n: number, dtype: "uint32"): Uint32Array;
  generateState(n: number, dtype: "uint64"): BigUint64Array;
  generateState(n: number, dtype: "uint32" | "uint64" = "uint32"): Uint32Array | BigUint64Array {
    const words = dtype === "uint64" ? 2 * n : n;
    const out = new Uint32Array(words);
    let h = INIT_B;
    for (let i = 0; i < words; i++) {
      let v = this.pool[i % POOL_SIZE]!;
      v = (v ^ h) >>> 0;
      h = Math.imul(h, MULT_B) >>> 0;
      v = Math.imul(v, h) >>> 0;
      v = (v ^ (v >>> 16)) >>> 0;
      out[i] = v;
    }
    if (dtype === "uint32") return out;
    const big = new BigUint64Array(n);
    for (let i = 0; i < n; i++) big[i] = (BigInt(out[2 * i + 1]!) << 32n) | BigInt(out[2 * i]!);
    return big;
  }
}

function mixEntropy(entropy: readonly number[]): Uint32Array {
  const pool = new Uint32Array(POOL_SIZE);
  let h = INIT_A;
  const hashmix = (value: number): number => {
    let v = (value ^ h) >>> 0;
    h = Math.imul(h, MULT_A) >>> 0;
    v = Math.imul(v, h) >>> 0;
    return (v ^ (v >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? entropy[i]! : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst]!, hashmix(pool[src]!));
    }
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst]!, hashmix(entropy[src]!));
  }
  return pool;
}
