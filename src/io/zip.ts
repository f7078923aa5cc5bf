// The zip container under .npz: its records, read front to back as parser
// steps (driver.ts), and written as np.savez writes them.
//
// Reading follows the archive in order, so every source works, streams
// included: each local file header, then the entry's bytes (run through a
// parser by the driver), then the central directory and its end records.
// Python's zipfile trusts the central directory, not the local headers, so
// the .npz reader checks each entry against it once it arrives: names,
// sizes and above all the CRC-32 of the data (a mismatch is zipfile's
// `Bad CRC-32 for file 'x.npy'`). The local header's own CRC is not
// consulted, as zipfile does not consult it either.
//
// Limits: entries whose sizes only follow their data (a "data descriptor",
// from writers that could not seek) are refused, as are encryption, other
// compression methods than stored (0) and deflate (8), and multi-disk
// archives; np.savez writes none of these.

import { ValueError } from "../core/errors.js";
import type { Parser } from "./driver.js";
import { concat } from "./sink.js";

/**
 * A malformed zip archive (Python's `zipfile.BadZipFile`, which np.load
 * raises for these): not a zip at all, a bad CRC-32, a central directory
 * that disagrees with the entries. A `ValueError`, so that catching
 * ValueError catches every malformed file.
 * @example
 * try { await loadNpz(bytes); } catch (e) { if (e instanceof BadZipFile) e.message; } // "loadNpz: Bad CRC-32 for file 'x.npy'"
 */
export class BadZipFile extends ValueError {
  override name = "BadZipFile";
}

export const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;

export function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 2 ** 32;
}

/** What a local file header or a central directory record says about one entry. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** Bytes in the archive. */
  csize: number;
  /** Bytes once inflated. */
  usize: number;
}

function* bytes(n: number, what: string): Parser<Uint8Array> {
  return (yield { kind: "bytes", n, what }) as Uint8Array;
}

/** The next record's signature. */
export function* signature(): Parser<number> {
  return u32(yield* bytes(4, "zip record signature"), 0);
}

/** Sizes that do not fit 32 bits are 0xffffffff there and follow in the zip64 extra, in this order. */
function zip64(extra: Uint8Array, fields: number[]): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16(extra, at);
    const len = u16(extra, at + 2);
    if (id === 1) {
      let p = at + 4;
      for (let i = 0; i < fields.length; i++) {
        if (fields[i] === 0xffffffff && p + 8 <= at + 4 + len) {
          fields[i] = u64(extra, p);
          p += 8;
        }
      }
    }
    at += 4 + len;
  }
}

/** A local file header, its signature already read; refuses what the reader cannot follow. */
export function* readLocalHeader(fn: string): Parser<ZipEntry> {
  const h = yield* bytes(26, "zip local header");
  const flags = u16(h, 2);
  const method = u16(h, 4);
  const nameBytes = yield* bytes(u16(h, 22), "zip entry name");
  const extra = yield* bytes(u16(h, 24), "zip extra field");
  const name = new TextDecoder().decode(nameBytes);
  const sizes = [u32(h, 18), u32(h, 14)];
  zip64(extra, sizes);
  const [usize, csize] = sizes as [number, number];
  if (flags & 1) throw new ValueError(`${fn}: zip entry '${name}' is encrypted`);
  if (flags & 8) {
    throw new ValueError(`${fn}: zip entry '${name}' gives its sizes after its data (a data descriptor); stridewise reads archives written by np.savez`);
  }
  if (method !== 0 && method !== 8) throw new ValueError(`${fn}: zip entry '${name}' uses compression method ${method}; only stored (0) and deflate (8) are supported`);
  if (method === 0 && csize !== usize) throw new BadZipFile(`${fn}: stored zip entry '${name}' has different sizes (${csize} and ${usize})`);
  return { name, method, crc: u32(h, 10), csize, usize };
}

/**
 * The central directory and its end records, the first signature already
 * read: the entries it lists, in order. Anything but a directory record
 * here means the bytes are not a zip archive (or not one we can follow).
 */
export function* readCentralDirectory(fn: string, sig: number): Parser<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  while (sig === CENTRAL) {
    const h = yield* bytes(42, "zip central directory");
    const nameLen = u16(h, 24);
    const extraLen = u16(h, 26);
    const rest = yield* bytes(nameLen + extraLen + u16(h, 28), "zip central directory");
    const fields = [u32(h, 20), u32(h, 16)];
    zip64(rest.subarray(nameLen, nameLen + extraLen), fields);
    const [usize, csize] = fields as [number, number];
    entries.push({ name: new TextDecoder().decode(rest.subarray(0, nameLen)), method: u16(h, 6), crc: u32(h, 12), csize, usize });
    sig = yield* signature();
  }
  let count64: number | null = null;
  if (sig === END64) {
    const size = u64(yield* bytes(8, "zip64 end of central directory"), 0);
    if (size < 44 || size > 1 << 16) throw new BadZipFile(`${fn}: the zip64 end of central directory record is corrupt`);
    count64 = u64(yield* bytes(size, "zip64 end of central directory"), 20);
    if ((yield* signature()) !== END64_LOCATOR) throw new BadZipFile(`${fn}: File is not a zip file (no zip64 end of central directory locator)`);
    yield* bytes(16, "zip64 end of central directory locator");
    sig = yield* signature();
  }
  if (sig !== END) {
    throw new BadZipFile(`${fn}: File is not a zip file (bad record signature 0x${sig.toString(16).padStart(8, "0")})`);
  }
  const end = yield* bytes(18, "zip end of central directory");
  if (u16(end, 0) !== 0 || u16(end, 2) !== 0) throw new BadZipFile(`${fn}: zip archives spanning several disks are not supported`);
  yield* bytes(u16(end, 16), "zip archive comment");
  const count = u16(end, 6) === 0xffff && count64 !== null ? count64 : u16(end, 6);
  if (count !== entries.length) {
    throw new BadZipFile(`${fn}: the zip end record counts ${count} entries but the central directory lists ${entries.length}`);
  }
  return entries;
}

/**
 * Checks the entries as read against the central directory, as zipfile
 * would have read them: same names, sizes and CRC-32s, in the same order.
 * `crcs` are the CRC-32s of the bytes actually read.
 */
export function checkDirectory(fn: string, local: readonly ZipEntry[], crcs: readonly number[], dir: readonly ZipEntry[]): void {
  if (dir.length !== local.length) {
    throw new BadZipFile(`${fn}: the zip central directory lists ${dir.length} entries but the archive holds ${local.length}`);
  }
  for (let i = 0; i < dir.length; i++) {
    const c = dir[i]!;
    const l = local[i]!;
    if (c.name !== l.name) throw new BadZipFile(`${fn}: File name in directory '${c.name}' and header b'${l.name}' differ.`);
    if (c.method !== l.method || c.csize !== l.csize || c.usize !== l.usize) {
      throw new BadZipFile(
        `${fn}: zip entry '${c.name}': the central directory declares method ${c.method}, ${c.csize} bytes stored, ${c.usize} inflated; ` +
          `its local header method ${l.method}, ${l.csize} and ${l.usize}`,
      );
    }
    if (crcs[i] !== c.crc) throw new BadZipFile(`${fn}: Bad CRC-32 for file '${c.name}'`);
  }
}

// ---------------------------------------------------------------------------
// Writing, as np.savez: zip64 local headers, a central directory, stored or
// deflated entries.

/** An entry as the central directory records it. */
export interface WrittenEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

/** The local file header of an entry. */
export function localHeader(e: Omit<WrittenEntry, "offset">): Uint8Array {
  // As np.savez: version 4.5, zip64 extra with both sizes, 32-bit fields 0xffffffff.
  const b = new Uint8Array(30 + e.name.length + 20);
  const v = new DataView(b.buffer);
  v.setUint32(0, LOCAL, true);
  v.setUint16(4, 45, true);
  v.setUint16(6, 0, true);
  v.setUint16(8, e.method, true);
  v.setUint16(10, 0, true); // 00:00:00
  v.setUint16(12, 0x21, true); // 1980-01-01: reproducible archives
  v.setUint32(14, e.crc, true);
  v.setUint32(18, 0xffffffff, true);
  v.setUint32(22, 0xffffffff, true);
  v.setUint16(26, e.name.length, true);
  v.setUint16(28, 20, true);
  b.set(e.name, 30);
  const x = 30 + e.name.length;
  v.setUint16(x, 1, true);
  v.setUint16(x + 2, 16, true);
  v.setBigUint64(x + 4, BigInt(e.usize), true);
  v.setBigUint64(x + 12, BigInt(e.csize), true);
  return b;
}

/** The central directory of `entries`, which starts at `start`, with its end records. */
export function centralDirectory(entries: WrittenEntry[], start: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const big = [e.usize, e.csize, e.offset].filter((n) => n >= 0xffffffff);
    const extraLen = big.length === 0 ? 0 : 4 + 8 * big.length;
    const b = new Uint8Array(46 + e.name.length + extraLen);
    const v = new DataView(b.buffer);
    v.setUint32(0, CENTRAL, true);
    v.setUint16(4, 45 | (3 << 8), true); // made by: 4.5, Unix
    v.setUint16(6, 45, true);
    v.setUint16(10, e.method, true);
    v.setUint16(14, 0x21, true);
    v.setUint32(16, e.crc, true);
    v.setUint32(20, Math.min(e.csize, 0xffffffff), true);
    v.setUint32(24, Math.min(e.usize, 0xffffffff), true);
    v.setUint16(28, e.name.length, true);
    v.setUint16(30, extraLen, true);
    v.setUint32(38, (0o600 << 16) >>> 0, true);
    v.setUint32(42, Math.min(e.offset, 0xffffffff), true);
    b.set(e.name, 46);
    if (extraLen > 0) {
      let x = 46 + e.name.length;
      v.setUint16(x, 1, true);
      v.setUint16(x + 2, extraLen - 4, true);
      x += 4;
      for (const n of [e.usize, e.csize, e.offset]) {
        if (n >= 0xffffffff) {
          v.setBigUint64(x, BigInt(n), true);
          x += 8;
        }
      }
    }
    parts.push(b);
  }
  const size = parts.reduce((s, p) => s + p.length, 0);
  const needs64 = start + size >= 0xffffffff || entries.length >= 0xffff;
  const tail = new Uint8Array((needs64 ? 56 + 20 : 0) + 22);
  const v = new DataView(tail.buffer);
  let t = 0;
  if (needs64) {
    v.setUint32(0, END64, true);
    v.setBigUint64(4, 44n, true);
    v.setUint16(12, 45 | (3 << 8), true);
    v.setUint16(14, 45, true);
    v.setBigUint64(24, BigInt(entries.length), true);
    v.setBigUint64(32, BigInt(entries.length), true);
    v.setBigUint64(40, BigInt(size), true);
    v.setBigUint64(48, BigInt(start), true);
    v.setUint32(56, 0x07064b50, true); // zip64 end locator
    v.setBigUint64(64, BigInt(start + size), true);
    v.setUint32(72, 1, true);
    t = 76;
  }
  v.setUint32(t, END, true);
  v.setUint16(t + 8, Math.min(entries.length, 0xffff), true);
  v.setUint16(t + 10, Math.min(entries.length, 0xffff), true);
  v.setUint32(t + 12, Math.min(size, 0xffffffff), true);
  v.setUint32(t + 16, Math.min(start, 0xffffffff), true);
  parts.push(tail);
  return concat(parts);
}


/** Deflates an entry's chunks; returns the compressed chunks (the data is copied into the compressor). */
export async function deflate(chunks: Iterable<Uint8Array>): Promise<Uint8Array[]> {
  const cs = new CompressionStream("deflate-raw");
  const writer = cs.writable.getWriter();
  const out: Uint8Array[] = [];
  const reading = (async () => {
    const r = cs.readable.getReader();
    for (;;) {
      const { done, value } = await r.read();
      if (done) break;
      out.push(value as Uint8Array);
    }
  })();
  for (const c of chunks) {
    // A copy: the compressor may hold the chunk past the next heap allocation.
    await writer.write(c.slice());
  }
  await writer.close();
  await reading;
  return out;
}

