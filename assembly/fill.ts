// Fill kernels. The façade writes one element's bytes at the start of the
// destination; the kernel repeats them. Repeating by memory.copy from a
// cache-resident prefix runs at memory bandwidth for every item size and
// needs no per-dtype instance.

const CHUNK: usize = 32768;

/**
 * Repeats the first `unit` bytes at `dst` until `total` bytes are written.
 * `total` is a multiple of `unit`, and `unit` bytes are already in place.
 */
export function fill_repeat(dst: usize, total: usize, unit: usize): void {
  let done = unit;
  // Double the prefix until it is one cache-sized chunk.
  while (done < total && done < CHUNK) {
    const n = min(done, total - done);
    memory.copy(dst + done, dst, n);
    done += n;
  }
  // Then stream the chunk: it stays in L1/L2 while the destination grows.
  const chunk = done - done % unit;
  while (done < total) {
    const n = min(chunk, total - done);
    memory.copy(dst + done, dst, n);
    done += n;
  }
}

