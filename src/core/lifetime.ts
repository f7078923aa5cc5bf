// Scoped lifetime: `tidy(fn)` frees every array created inside `fn` except
// what `fn` returns, as TensorFlow.js users know it. Tracking costs one
// null check per array created when no scope is open.

/**
 * What a scope tracks: anything that can be disposed (NDArray is the one
 * kind; typed structurally so that the descriptor can import this module).
 */
interface Scoped {
  dispose(): void;
}

let scope: Scoped[] | null = null;
const kept = new WeakSet<Scoped>();

/** @internal Called by the NDArray constructor. */
export function trackCreated(a: Scoped): void {
  if (scope !== null) scope.push(a);
}

/**
 * Runs `fn` and disposes every array created inside it except those it
 * returns (an array, or arrays inside a returned plain object, JS array or
 * Map) and those passed to `keep`. Scopes nest: what an inner scope returns
 * belongs to the outer one. If `fn` throws, everything it created is
 * disposed and the error passes through. `fn` must be synchronous.
 * @example
 * const norms = tidy(() => {
 *   const t = E.get(":, :2").copy(); // freed when tidy returns
 *   return t.copy();                  // kept
 * });
 */
export function tidy<T>(fn: () => T): T {
  const outer = scope;
  const mine: Scoped[] = [];
  scope = mine;
  let result: T;
  try {
    result = fn();
  } catch (e) {
    scope = outer;
    for (const a of mine) if (!kept.has(a)) a.dispose();
    throw e;
  }
  scope = outer;
  if (result instanceof Promise) {
    for (const a of mine) if (!kept.has(a)) a.dispose();
    throw new TypeError("tidy: fn must be synchronous; it returned a Promise");
  }
  const returned = new Set<Scoped>();
  collect(result, returned, 0);
  for (const a of mine) {
    if (returned.has(a) || kept.has(a)) {
      outer?.push(a);
    } else {
      a.dispose();
    }
  }
  return result;
}

/**
 * Exempts an array from the `tidy` scopes it was created in; returns it.
 * @example tidy(() => { cache = keep(E.get(0).copy()); });
 */
export function keep<T extends Scoped>(a: T): T {
  kept.add(a);
  return a;
}

function collect(v: unknown, out: Set<Scoped>, depth: number): void {
  if (v === null || typeof v !== "object" || depth > 8) return;
  if (typeof (v as Scoped).dispose === "function" && "strides" in (v as object)) {
    out.add(v as Scoped);
  } else if (Array.isArray(v)) {
    for (const x of v) collect(x, out, depth + 1);
  } else if (v instanceof Map) {
    for (const x of v.values()) collect(x, out, depth + 1);
  } else if (Object.getPrototypeOf(v) === Object.prototype) {
    for (const x of Object.values(v)) collect(x, out, depth + 1);
  }
}
