// Large calls (above the 1 MiB split threshold) whose results are digested,
// so that a threaded run (a Worker) and a single-threaded one (the page's
// main thread, or Node with threads: 1) can be compared byte for byte.
import type * as SW from "../../src/index.js";

function digest(a: SW.NDArray): string {
  const t = a.toTypedArray() as ArrayBufferView;
  const b = new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return `${a.dtype}${JSON.stringify(a.shape)}:${(h >>> 0).toString(16)}`;
}

/** Digests of a transpose copy, a row copy, casts, a compaction, a row gather and a column mean of one 2048 x 1024 float32 array. */
export function threadedDigests(sw: typeof SW): Record<string, string> {
  return sw.tidy(() => {
    const a = sw.arange(2048 * 1024, { dtype: "float32" }).reshape([2048, 1024]).mul(0.37).sub(300000);
    const ids = sw.array(Array.from({ length: 1500 }, (_, i) => (i * 7919) % 2048), { dtype: "int64" });
    return {
      "a.T.copy()": digest(a.T.copy()),
      'a.get(":, :300").copy()': digest(a.get(":, :300").copy()),
      'a.astype("float16")': digest(a.astype("float16")),
      'a.astype("float64")': digest(a.astype("float64")),
      "a[a > 0]": digest(a.get(sw.greater(a, 0))),
      "a[ids]": digest(a.get(ids)),
      "a.mean(0)": digest(a.mean(0)),
    };
  });
}
