// The kernels never allocate: the façade owns every byte above __heap_base
// (see src/heap.ts). This is the one fact the façade needs from the module.

/** First byte of linear memory that the module's static data does not use. */
export function heap_base(): usize {
  return __heap_base;
}
