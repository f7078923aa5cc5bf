// Float16Array interop. Node 20 has no Float16Array: there float16 data
// comes and goes as Uint16Array bit patterns. Where the runtime has one
// (Node 24, Chrome 135, Firefox 129, Safari 18.2), `array(new
// Float16Array(…))` infers float16 and `toTypedArray()` returns one; the
// Chromium test checks the real one, this test a stand-in with the same
// memory layout (it stores the bit patterns, as a Float16Array does).
import { afterEach, describe, expect, it } from "vitest";
import { array, arange } from "../src/index.js";

class StandIn extends Uint16Array {}
const g = globalThis as { Float16Array?: unknown };
const had = "Float16Array" in g;
const original = g.Float16Array;

afterEach(() => {
  if (had) g.Float16Array = original;
  else delete g.Float16Array;
});

describe("Float16Array interop", () => {
  it("keeps Uint16Array bit patterns where the runtime has no Float16Array", () => {
    if (had) delete g.Float16Array;
    const h = arange(4, { dtype: "float16" });
    const t = h.toTypedArray();
    expect(t).toBeInstanceOf(Uint16Array);
    expect([...t]).toEqual([0x0000, 0x3c00, 0x4000, 0x4200]); // 0, 1, 2, 3 as float16
    expect(array(new Uint16Array([0x3c00])).dtype).toBe("uint16");
  });

  it("infers float16 from a Float16Array and gives one back", () => {
    g.Float16Array = StandIn;
    const bits = new StandIn([0x3c00, 0xc000, 0x7c00, 0x3555]); // 1, -2, inf, 0.333
    const a = array(bits);
    expect(a.dtype).toBe("float16");
    expect(a.toArray()).toEqual([1, -2, Infinity, 0.333251953125]);
    const back = a.toTypedArray();
    expect(back).toBeInstanceOf(StandIn);
    expect([...back]).toEqual([...bits]);
    // A strided float16 view comes back as a fresh C-order Float16Array too.
    const r = a.get("::-2").toTypedArray();
    expect(r).toBeInstanceOf(StandIn);
    expect([...r]).toEqual([0x3555, 0xc000]);
    // With another dtype asked for, the values convert.
    expect(array(bits, { dtype: "float32" }).toArray()).toEqual([1, -2, Infinity, 0.333251953125]);
    // A bfloat16 array stays bit patterns: Float16Array is not its type.
    expect(a.astype("bfloat16").toTypedArray()).not.toBeInstanceOf(StandIn);
  });
});
