// The one inline byte-row copy the copy, gather and compaction kernels share.

// memory.copy is a call out of wasm in V8 (tens of ns); below this many
// bytes an inline vector loop is faster.
const ROW_INLINE: usize = 512;

/** Copies `bytes` bytes from `src` to `dst` (non-overlapping). */
@inline export function copyBytes(dst: usize, src: usize, bytes: usize): void {
  if (bytes >= ROW_INLINE) {
    memory.copy(dst, src, bytes);
    return;
  }
  let i: usize = 0;
  for (; i + 64 <= bytes; i += 64) {
    const a = v128.load(src + i);
    const b = v128.load(src + i, 16);
    const c = v128.load(src + i, 32);
    const d = v128.load(src + i, 48);
    v128.store(dst + i, a);
    v128.store(dst + i, b, 16);
    v128.store(dst + i, c, 32);
    v128.store(dst + i, d, 48);
  }
  for (; i + 16 <= bytes; i += 16) v128.store(dst + i, v128.load(src + i));
  for (; i + 4 <= bytes; i += 4) store<u32>(dst + i, load<u32>(src + i));
  for (; i < bytes; i++) store<u8>(dst + i, load<u8>(src + i));
}
