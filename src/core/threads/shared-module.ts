// One kernel binary for both heaps. The module imports its memory; a
// shared Memory can only be imported by a module that declares the import
// shared, and asc writes that flag only in a second build. Rewriting the
// one limits entry here keeps a single embedded wasm (no second 340 KB
// blob, no second build that could drift from the first): the code is the
// same either way, only the import's type differs.

const MAX_PAGES = 65536;

function readU32(b: Uint8Array, at: number): [number, number] {
  let v = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const byte = b[i++]!;
    v += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [v, i];
    shift += 7;
  }
}

function u32Leb(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
  return out;
}

/**
 * @internal The module bytes with the `env.memory` import declared shared
 * (limits flag 0x03: shared, with the 4 GiB maximum). Throws if the module
 * imports no memory.
 * @example
 * const shared = await WebAssembly.compile(sharedKernelBytes(plain));
 */
export function sharedKernelBytes(plain: Uint8Array): Uint8Array<ArrayBuffer> {
  let at = 8;
  while (at < plain.length) {
    const id = plain[at]!;
    const [size, body] = readU32(plain, at + 1);
    const end = body + size;
    if (id === 2) {
      const entries: number[] = [];
      let [count, p] = readU32(plain, body);
      entries.push(...u32Leb(count));
      let patched = false;
      while (count-- > 0) {
        const start = p;
        let [len, q] = readU32(plain, p);
        q += len;
        [len, q] = readU32(plain, q);
        q += len;
        const kind = plain[q++]!;
        if (kind !== 2) {
          // Copy the entry through unchanged: find its end by kind.
          if (kind === 0) q = readU32(plain, q)[1];
          else if (kind === 1) {
            q++;
            const flag = plain[q++]!;
            q = readU32(plain, q)[1];
            if (flag & 1) q = readU32(plain, q)[1];
          } else if (kind === 3) q += 2;
          else if (kind === 4) q = readU32(plain, q + 1)[1];
          entries.push(...plain.subarray(start, q));
          p = q;
          continue;
        }
        entries.push(...plain.subarray(start, q));
        const flag = plain[q++]!;
        const [min, r] = readU32(plain, q);
        q = r;
        if (flag & 1) q = readU32(plain, q)[1];
        entries.push(0x03, ...u32Leb(min), ...u32Leb(MAX_PAGES));
        patched = true;
        p = q;
      }
      if (!patched) break;
      const sizeBytes = u32Leb(entries.length);
      const out = new Uint8Array(at + 1 + sizeBytes.length + entries.length + (plain.length - end));
      out.set(plain.subarray(0, at + 1), 0);
      out.set(sizeBytes, at + 1);
      out.set(entries, at + 1 + sizeBytes.length);
      out.set(plain.subarray(end), at + 1 + sizeBytes.length + entries.length);
      return out;
    }
    at = end;
  }
  throw new Error("stridewise: the kernel module imports no memory to share");
}
