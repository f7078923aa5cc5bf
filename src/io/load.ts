// np.load's front door: the first bytes decide. A zip signature (a local
// file header, or the end record an empty archive starts with) means .npz;
// anything else is read as .npy, whose parser names a wrong magic string in
// NumPy's words.
//
// The result type is the union, as np.load's: narrow with
// `instanceof NpzFile` (or `instanceof NDArray`), or call `loadNpy` /
// `loadNpz` when the kind is known.

import type { NDArray } from "../core/ndarray.js";
import { parseAsync, parseSync, type Parser } from "./driver.js";
import { npyParser, type LoadOptions } from "./npy.js";
import { npzParser, type NpzFile } from "./npz.js";
import type { ByteSource, SyncByteSource } from "./source.js";

/** `PK\x03\x04` (a local file header) or `PK\x05\x06` (the end record: an empty archive), as NumPy checks. */
function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

function* sniff(fn: string, opts: LoadOptions): Parser<NDArray | NpzFile> {
  const head = (yield { kind: "peek", n: 4 }) as Uint8Array;
  if (isZip(head)) return yield* npzParser(fn, opts);
  return yield* npyParser(fn, opts);
}

/**
 * Loads a .npy file as an NDArray or a .npz archive as an NpzFile, as
 * np.load: the file's first bytes decide, not its name. Reads a path
 * (Node, streamed in chunks), bytes, a Blob or File, a fetch Response or a
 * ReadableStream, in one pass, each array into one heap allocation. .npy:
 * versions 1.0, 2.0 and 3.0, every stridewise dtype in either byte order,
 * Fortran order kept; object (pickle) arrays are refused.
 * @example
 * const r = await load("embeddings.npy");
 * const E = r instanceof NpzFile ? r.array("emb") : r;   // narrow the union
 * @throws ValueError for a malformed or truncated file (BadZipFile for a
 *   broken archive), DTypeError for an unsupported dtype, MemoryError
 *   (before reading the data) when an array cannot fit. Nothing stays
 *   allocated on failure.
 */
export function load(source: ByteSource, opts: LoadOptions = {}): Promise<NDArray | NpzFile> {
  return parseAsync("load", source, opts, sniff("load", opts));
}

/**
 * `load`, synchronously, from a path (Node; stored data read straight into
 * the heap) or bytes in memory. Deflated .npz members need Node's zlib.
 * @example
 * const r = loadSync("embeddings.npy");
 * if (r instanceof NpzFile) r.dispose(); else r.shape;
 */
export function loadSync(source: SyncByteSource, opts: LoadOptions = {}): NDArray | NpzFile {
  return parseSync("loadSync", source, opts, sniff("loadSync", opts));
}
