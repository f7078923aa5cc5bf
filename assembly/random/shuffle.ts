// Shuffles and the index sequences of Generator.choice.

import { bounded64, interval } from "./draws";

@inline function swapItems(a: usize, b: usize, itemsize: usize): void {
  if (itemsize == 8) {
    const t = load<u64>(a);
    store<u64>(a, load<u64>(b));
    store<u64>(b, t);
  } else if (itemsize == 4) {
    const t = load<u32>(a);
    store<u32>(a, load<u32>(b));
    store<u32>(b, t);
  } else if (itemsize == 2) {
    const t = load<u16>(a);
    store<u16>(a, load<u16>(b));
    store<u16>(b, t);
  } else {
    const t = load<u8>(a);
    store<u8>(a, load<u8>(b));
    store<u8>(b, t);
  }
}

/** Fisher-Yates over `n` items of `itemsize` (1, 2, 4 or 8) bytes `stride` apart, j by random_interval. */
export function shuffleItems<G>(st: usize, data: usize, n: usize, itemsize: usize, stride: isize): void {
  for (let i = <isize>n - 1; i >= 1; i--) {
    const j = <isize>interval<G>(st, <u64>i);
    swapItems(data + j * stride, data + i * stride, itemsize);
  }
}

/** The j of each Fisher-Yates step i = n-1 … 1, as random_interval(i), written to `out` (u64) in that order. */
export function intervalSeq<G>(st: usize, out: usize, n: usize): void {
  let k: usize = 0;
  for (let i = <isize>n - 1; i >= 1; i--) {
    store<u64>(out + (k << 3), interval<G>(st, <u64>i));
    k++;
  }
}

/** Generator's `_shuffle_int`: int64 Fisher-Yates for i = n-1 … first with Lemire draws in [0, i]. */
export function pcg64_shuffle_int64(data: usize, st: usize, n: usize, first: usize): void {
  for (let i = <isize>n - 1; i >= <isize>first; i--) {
    const j = <usize>bounded64<u64>(st, 0, <u64>i, false);
    swapItems(data + (j << 3), data + (<usize>i << 3), 8);
  }
}

/** out[k] = Lemire draw in [0, start + k] for k < count (Floyd's sampling in Generator.choice). */
export function pcg64_lemire_seq(out: usize, st: usize, start: u64, count: usize): void {
  for (let k: usize = 0; k < count; k++) store<u64>(out + (k << 3), bounded64<u64>(st, 0, start + <u64>k, false));
}
