// NumPy's .npz: a zip archive (zip.ts) whose members are .npy files, stored
// (np.savez) or deflated (np.savez_compressed), and what np.load makes of it.
//
// NumPy's NpzFile decides by content, not by name: a member that starts
// with the .npy magic is an array, anything else is handed out as its raw
// bytes; `files` lists every member, with a trailing ".npy" removed, and
// lookups accept either spelling. stridewise does the same, eagerly: every
// member is read in the one pass over the archive (NumPy reads a member when
// it is indexed, so it raises a bad CRC only then; here `loadNpz` raises it).
//
// Before a member's data is read (or inflated), the size its .npy header
// implies must equal the size the zip entry declares: a header claiming a
// huge array in a small entry is refused without allocating anything.

import { DTypeError, StridewiseError, ValueError } from "../core/errors.js";
import * as heap from "../core/memory.js";
import { NDArray } from "../core/ndarray.js";
import { CHUNK, parseAsync, parseSync, type EntryResult, type Parser } from "./driver.js";
import { MAGIC, npyHeader } from "./npy-header.js";
import { npyLayout, npyParser, type LoadOptions } from "./npy.js";
import { concat, FileSink, GrowingSink, type Sink } from "./sink.js";
import { describe, type ByteSource, type SyncByteSource } from "./source.js";
import { crc32 } from "./crc32.js";
import { centralDirectory, checkDirectory, deflate, localHeader, LOCAL, readCentralDirectory, readLocalHeader, signature, type WrittenEntry, type ZipEntry } from "./zip.js";

/** A member of an archive: an array for a .npy member, its raw bytes for anything else (as NumPy). */
export type NpzMember = NDArray | Uint8Array;

/**
 * A name that is not in the archive (Python's `KeyError`, which NpzFile raises).
 * @example
 * try { z.get("nope"); } catch (e) { e instanceof KeyError; } // true
 */
export class KeyError extends StridewiseError {
  override name = "KeyError";
}

const stripNpy = (name: string): string => (name.endsWith(".npy") ? name.slice(0, -4) : name);

/**
 * The members of a .npz archive, as NumPy's `NpzFile`: `files` in archive
 * order without ".npy", `get(name)` with or without ".npy", `has`, `keys`,
 * iteration as `[name, member]`, `length`. A .npy member is an NDArray; any
 * other member is a Uint8Array of its bytes. Disposing disposes every array.
 * @example
 * using z = await loadNpz("vectors.npz");
 * z.files;                        // ["emb", "ids"]
 * const E = z.array("emb");       // an NDArray (get() when other members may be bytes)
 */
export class NpzFile implements Iterable<[string, NpzMember]> {
  /** Member names in archive order, a trailing ".npy" removed (NumPy's `files`). */
  readonly files: readonly string[];
  /** By archive name (with ".npy"). */
  private readonly members = new Map<string, NpzMember>();
  /** Every accepted spelling of a name, to its archive name (NumPy's `_files`). */
  private readonly lookup = new Map<string, string>();

  /**
   * The archive's members by their archive names (with ".npy"), in order.
   * A name given twice keeps its first place and its last member, as
   * zipfile reads it; the one replaced is disposed.
   */
  constructor(members: Iterable<readonly [string, NpzMember]>) {
    for (const [name, m] of members) {
      const old = this.members.get(name);
      if (old instanceof NDArray && old !== m) old.dispose();
      this.members.set(name, m);
    }
    const names = [...this.members.keys()];
    this.files = names.map(stripNpy);
    names.forEach((n, i) => this.lookup.set(this.files[i]!, n));
    for (const n of names) this.lookup.set(n, n);
  }

  /** How many members (NumPy's `len`). */
  get length(): number {
    return this.files.length;
  }

  /**
   * The member `name` ("emb" or "emb.npy", as NumPy's `z[name]`).
   * @example z.get("emb")
   * @throws KeyError when there is no such member.
   */
  get(name: string): NpzMember {
    const full = this.lookup.get(name);
    if (full === undefined) throw new KeyError(`NpzFile.get: ${name} is not a file in the archive`);
    return this.members.get(full)!;
  }

  /**
   * The member `name` as an NDArray: `get`, for code that expects only .npy members.
   * @example const E = z.array("emb");
   * @throws KeyError when there is no such member, DTypeError when it is not a .npy.
   */
  array(name: string): NDArray {
    const m = this.get(name);
    if (m instanceof NDArray) return m;
    throw new DTypeError(`NpzFile.array: member '${name}' is not a .npy array but ${m.length} raw bytes; get() returns them`);
  }

  /** Whether `name` (with or without ".npy") is a member. @example z.has("emb") */
  has(name: string): boolean {
    return this.lookup.has(name);
  }

  /** The names, as `files`. @example [...z.keys()] */
  keys(): IterableIterator<string> {
    return this.files.values();
  }

  /** The members, in archive order. @example for (const m of z.values()) … */
  *values(): IterableIterator<NpzMember> {
    for (const m of this.members.values()) yield m;
  }

  /** `[name, member]` pairs, in archive order (also what iterating gives). @example new Map(z.entries()) */
  *entries(): IterableIterator<[string, NpzMember]> {
    let i = 0;
    for (const m of this.members.values()) yield [this.files[i++]!, m];
  }

  /** Iterating gives `[name, member]` pairs, as `entries()`. @example for (const [name, m] of z) … */
  [Symbol.iterator](): IterableIterator<[string, NpzMember]> {
    return this.entries();
  }

  /** @internal The members by archive name, for writing an archive back. */
  archiveMembers(): [string, NpzMember][] {
    return [...this.members];
  }

  /**
   * The arrays only, by name.
   * @deprecated Use `get`, `array` or iteration, which also give non-.npy members.
   */
  get arrays(): Map<string, NDArray> {
    return new Map([...this.entries()].filter((e): e is [string, NDArray] => e[1] instanceof NDArray));
  }

  /** Disposes every array. @example z.dispose() */
  dispose(): void {
    for (const m of this.members.values()) if (m instanceof NDArray) m.dispose();
  }

  /** `using z = …` disposes every array at the end of the scope. @example using z = await loadNpz(src); */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

// ---------------------------------------------------------------------------
// Reading.

/** One member: an array when it starts with the .npy magic, else its bytes (as NumPy's NpzFile). */
function* memberParser(fn: string, opts: LoadOptions, e: ZipEntry): Parser<NpzMember> {
  const head = (yield { kind: "peek", n: MAGIC.length }) as Uint8Array;
  let m: NpzMember;
  if (head.length === MAGIC.length && MAGIC.every((b, i) => head[i] === b)) {
    m = yield* npyParser(fn, opts, (bytes) => {
      if (bytes !== e.usize) {
        throw new ValueError(`${fn}: zip entry '${e.name}' declares ${e.usize} bytes but the .npy header in it describes ${bytes}`);
      }
    });
  } else {
    const parts: Uint8Array[] = [];
    // In chunks: the bytes must exist before memory is given to them.
    for (let got = 0; got < e.usize; ) {
      const n = Math.min(CHUNK, e.usize - got);
      parts.push((yield { kind: "bytes", n, what: `zip entry '${e.name}'` }) as Uint8Array);
      got += n;
    }
    m = parts.length === 1 ? parts[0]! : concat(parts);
  }
  let end = false;
  try {
    end = (yield { kind: "end" }) as boolean;
  } finally {
    if (!end && m instanceof NDArray) m.dispose();
  }
  if (!end) throw new ValueError(`${fn}: zip entry '${e.name}' holds more than the ${e.usize} bytes it declares`);
  return m;
}

/** The .npz parser, for every source: entries front to back, then the central directory. */
export function* npzParser(fn: string, opts: LoadOptions): Parser<NpzFile> {
  const inner: LoadOptions = opts.maxHeaderSize !== undefined ? { maxHeaderSize: opts.maxHeaderSize } : {};
  const local: ZipEntry[] = [];
  const crcs: number[] = [];
  const members: [string, NpzMember][] = [];
  try {
    for (;;) {
      const sig = yield* signature();
      if (sig !== LOCAL) {
        checkDirectory(fn, local, crcs, yield* readCentralDirectory(fn, sig));
        break;
      }
      const e = yield* readLocalHeader(fn);
      const r = (yield { kind: "entry", n: e.csize, size: e.usize, deflated: e.method === 8, name: e.name, parser: memberParser(fn, inner, e) }) as EntryResult;
      local.push(e);
      crcs.push(r.crc);
      members.push([e.name, r.value as NpzMember]);
    }
  } catch (err) {
    for (const [, m] of members) if (m instanceof NDArray) m.dispose();
    throw err;
  }
  return new NpzFile(members);
}

/**
 * Loads every member of a .npz archive (np.savez or np.savez_compressed):
 * from a path (Node), bytes, Blob/File, Response or ReadableStream, in one
 * pass; each array gets one heap allocation, non-.npy members come as
 * bytes. `load` does the same when the source starts with a zip signature.
 * Progress counts archive bytes.
 * @example
 * using z = await loadNpz("vectors.npz");
 * const E = z.array("emb");
 * @throws BadZipFile (a ValueError) for a malformed archive, a bad CRC-32
 *   included; ValueError for a malformed member; MemoryError when an array
 *   cannot fit. Nothing stays allocated on failure.
 */
export function loadNpz(source: ByteSource, opts: LoadOptions = {}): Promise<NpzFile> {
  return parseAsync("loadNpz", source, opts, npzParser("loadNpz", opts));
}

/**
 * `loadNpz`, synchronously, from a path (Node) or bytes. Stored members go
 * straight into the heap; deflated ones are inflated by Node's zlib in one
 * call each (bounded by the size the archive declares), so this needs Node
 * for np.savez_compressed archives.
 * @example using z = loadNpzSync("vectors.npz");
 */
export function loadNpzSync(source: SyncByteSource, opts: LoadOptions = {}): NpzFile {
  return parseSync("loadNpzSync", source, opts, npzParser("loadNpzSync", opts));
}

// ---------------------------------------------------------------------------
// Writing.

/** Options of `savez` and `toNpz`. */
export interface SavezOptions {
  /** Deflate every entry (np.savez_compressed). Default false (np.savez). */
  compress?: boolean;
}

/**
 * Arrays by name, or a list (named arr_0, arr_1, … as NumPy's positional
 * arguments), or an NpzFile (written back member for member, raw ones included).
 */
export type NpzArrays = Map<string, NDArray> | Record<string, NDArray> | readonly NDArray[] | NpzFile;

/** The entries to write, by archive name. */
function namedList(fn: string, arrays: NpzArrays): [string, NpzMember][] {
  const list: [string, NpzMember][] =
    arrays instanceof NpzFile
      ? arrays.archiveMembers()
      : (Array.isArray(arrays)
          ? (arrays as readonly NDArray[]).map((a, i): [string, NDArray] => [`arr_${i}`, a])
          : arrays instanceof Map
            ? [...arrays]
            : Object.entries(arrays as Record<string, NDArray>)
        ).map(([k, a]): [string, NpzMember] => [`${k}.npy`, a]);
  for (const [name, a] of list) {
    if (a instanceof Uint8Array && arrays instanceof NpzFile) continue;
    if (typeof (a as NDArray)?.address !== "function") throw new ValueError(`${fn}: array '${stripNpy(name)}' must be an NDArray, got ${describe(a)}`);
    (a as NDArray).address(fn);
  }
  return list;
}

/** The entry's bytes (npy header, then data) in order, one chunk at a time, without copying the data. */
function* npyChunks(fn: string, a: NDArray, fortran: boolean): Generator<Uint8Array> {
  yield npyHeader(a.dtype, a.shape, fortran);
  const n = a.nbytes;
  for (let done = 0; done < n; done += CHUNK) {
    const at = a.address(fn) + done;
    // Handed out and consumed before the next allocation can happen. A
    // shared heap's views are copied: browsers refuse them in
    // CompressionStream writers (and Blob parts).
    const view = heap.u8.subarray(at, at + Math.min(CHUNK, n - done));
    yield view.buffer instanceof ArrayBuffer ? view : view.slice();
  }
}

async function writeNpz(fn: string, sink: Sink, arrays: NpzArrays, opts: SavezOptions): Promise<void> {
  const list = namedList(fn, arrays);
  const entries: WrittenEntry[] = [];
  for (const [key, m] of list) {
    const name = new TextEncoder().encode(key);
    const laid = m instanceof NDArray ? npyLayout(fn, m) : null;
    const a = laid?.c ?? m;
    const fortran = laid?.fortran ?? false;
    try {
      const chunks = (): Iterable<Uint8Array> => (a instanceof NDArray ? npyChunks(fn, a, fortran) : [a]);
      let crc = 0;
      let usize = 0;
      for (const c of chunks()) {
        crc = crc32(c, crc);
        usize += c.length;
      }
      const offset = sink.pos;
      if (opts.compress) {
        const out = await deflate(chunks());
        const csize = out.reduce((s, p) => s + p.length, 0);
        const e = { name, method: 8, crc, csize, usize };
        await sink.write(localHeader(e));
        for (const c of out) await sink.write(c);
        entries.push({ ...e, offset });
      } else {
        const e = { name, method: 0, crc, csize: usize, usize };
        await sink.write(localHeader(e));
        if (a instanceof NDArray) {
          await sink.write(npyHeader(a.dtype, a.shape, fortran));
          await sink.writeHeap(a.address(fn), a.nbytes);
        } else await sink.write(a);
        entries.push({ ...e, offset });
      }
    } finally {
      if (laid?.owned) laid.c.dispose();
    }
  }
  await sink.write(centralDirectory(entries, sink.pos));
}

/**
 * The .npz archive of `arrays`, as bytes (np.savez; `compress: true` for
 * np.savez_compressed).
 * @example const bytes = await toNpz({ emb, ids }, { compress: true });
 */
export async function toNpz(arrays: NpzArrays, opts: SavezOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const sink = new GrowingSink();
  await writeNpz("toNpz", sink, arrays, opts);
  return concat(sink.parts);
}

/**
 * Writes `arrays` to a .npz file (Node), as np.savez (or
 * np.savez_compressed with `compress: true`); np.load reads it back.
 * @example await savez("vectors.npz", { emb, ids });
 */
export async function savez(file: string | URL, arrays: NpzArrays, opts: SavezOptions = {}): Promise<void> {
  const fn = opts.compress ? "savezCompressed" : "savez";
  namedList(fn, arrays);
  const sink = await FileSink.open(fn, file);
  try {
    await writeNpz(fn, sink, arrays, opts);
  } finally {
    await sink.close();
  }
}

/**
 * `savez` with every entry deflated (np.savez_compressed).
 * @example await savezCompressed("vectors.npz", [emb]); // entry arr_0.npy
 */
export function savezCompressed(file: string | URL, arrays: NpzArrays): Promise<void> {
  return savez(file, arrays, { compress: true });
}
