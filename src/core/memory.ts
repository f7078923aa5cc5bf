// Whole-heap typed views. Growing a non-shared WebAssembly.Memory detaches
// its old ArrayBuffer, so every view is rebuilt here, in one place, after
// each grow; modules read them as live bindings (`u8[addr]`) and never keep
// their own copy. Only the allocator grows the memory (see heap.ts).

export let i8 = new Int8Array(0);
export let u8 = new Uint8Array(0);
export let i16 = new Int16Array(0);
export let u16 = new Uint16Array(0);
export let i32 = new Int32Array(0);
export let u32 = new Uint32Array(0);
export let i64 = new BigInt64Array(0);
export let u64 = new BigUint64Array(0);
export let f32 = new Float32Array(0);
export let f64 = new Float64Array(0);
/** A DataView over the whole heap, for unaligned and mixed-width access. */
export let dv = new DataView(new ArrayBuffer(0));

let viewsOf: ArrayBufferLike | null = null;

/** @internal Rebuilds the views if `buf` is not the buffer they were made over. */
export function refreshViews(buf: ArrayBufferLike): void {
  if (buf === viewsOf) return;
  viewsOf = buf;
  const b = buf as ArrayBuffer;
  i8 = new Int8Array(b);
  u8 = new Uint8Array(b);
  // Lengths are floored so that the last partial element is not addressable.
  i16 = new Int16Array(b, 0, b.byteLength >>> 1);
  u16 = new Uint16Array(b, 0, b.byteLength >>> 1);
  i32 = new Int32Array(b, 0, b.byteLength >>> 2);
  u32 = new Uint32Array(b, 0, b.byteLength >>> 2);
  i64 = new BigInt64Array(b, 0, Math.floor(b.byteLength / 8));
  u64 = new BigUint64Array(b, 0, Math.floor(b.byteLength / 8));
  f32 = new Float32Array(b, 0, b.byteLength >>> 2);
  f64 = new Float64Array(b, 0, Math.floor(b.byteLength / 8));
  dv = new DataView(b);
}
