// The kernel ABI: one argument shape for every family.
//
//   family(selectors…, dst, sources…, counts…, t, k)
//
// - selectors: codes from ./codes.ts, operation first, then dtypes in
//   operand order (destination dtype, then source dtype). One export per
//   family switches on them once per call and runs a generic instance, so
//   the cost of the code is one br_table per call, nothing per element:
//   binary(Binary.add, DType.float32, …), cast(DType.float16, DType.float64, …).
// - dst: the address written (the output, the array scattered into, the
//   state of a generator is a source: it comes after dst).
// - sources: the addresses read, in operand order (a, b; values; mask;
//   indices). A scalar operand is an address too (the façade stores it in
//   the scratch area in the loop dtype), so no export takes a typed value
//   that would vary with the dtype.
// - counts: element counts, row counts, row bytes, bounds.
// - strides: last. Either one byte stride per operand for 1-d kernels
//   (dst first, like the operands), or the stride table (t, k) below.
//
// The stride table. A loop nest of k >= 1 axes lives at `t` (the scratch
// area) as i32 rows of k entries, axes outer to inner:
//
//   shape[k], dst strides[k], source 0 strides[k], source 1 strides[k]…, counters[k]
//
// Strides are bytes and are added modulo 2^32 like the addresses, so any
// sign and any address in a 4 GiB heap works. The counters belong to the
// kernel (it zeroes them). The innermost axis is the kernel's inner loop,
// where it takes SIMD paths for contiguous (and broadcast) operands.
//
// Kernels check nothing (the façade validated), never allocate and never
// build strings; they return void, a count, or a status code (0 = fine).

/** Entry j of row `row` of a stride table of k axes at t. */
@inline export function tab(t: usize, row: i32, k: i32, j: i32): i32 {
  return load<i32>(t + ((<usize>(row * k + j)) << 2));
}

/** Zeroes the counters (row `row`) of a table of k axes. (A loop: memory.fill is a call out of wasm in V8.) */
@inline export function clearCounters(t: usize, row: i32, k: i32): void {
  const c = t + ((<usize>(row * k)) << 2);
  for (let j = 0; j < k; j++) store<i32>(c + ((<usize>j) << 2), 0);
}

/**
 * Steps the odometer over axes [0, m) (usually m = k - 1: all but the
 * inner one) of a table of k axes whose operands (dst included) take `ops`
 * stride rows, so the counters are row 1 + ops. Returns the axis that moved
 * on (the axes inside it, below m, wrapped to 0), or -1 when every position
 * has been visited.
 */
@inline export function advance(t: usize, k: i32, ops: i32, m: i32): i32 {
  const ctr = t + ((<usize>((1 + ops) * k)) << 2);
  for (let j = m - 1; j >= 0; j--) {
    const c = ctr + ((<usize>j) << 2);
    const i = load<i32>(c) + 1;
    if (i < tab(t, 0, k, j)) {
      store<i32>(c, i);
      return j;
    }
    store<i32>(c, 0);
  }
  return -1;
}

/**
 * How far the address of operand `row` (1 = dst, 2 = first source, …)
 * moves when `advance(…, m)` returned axis j: one step along j, back to
 * the start of every axis inside it below m.
 */
@inline export function delta(t: usize, k: i32, row: i32, j: i32, m: i32): usize {
  let d = <usize>tab(t, row, k, j);
  for (let i = j + 1; i < m; i++) d -= <usize>tab(t, row, k, i) * <usize>(tab(t, 0, k, i) - 1);
  return d;
}
