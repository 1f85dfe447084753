import fc from "fast-check";

type Json = unknown;
type Path = readonly (string | number)[];

/** Every path to a value inside a JSON body (the root excluded). */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [
      [...prefix, k],
      ...pathsOf(v, [...prefix, k]),
    ]);
  }
  return [];
}

/** A copy of `value` with the value at `path` replaced, or removed when `next` is `REMOVE`. */
export const REMOVE = Symbol("remove");
export function updateAt(value: Json, path: Path, next: Json | typeof REMOVE): Json {
  if (path.length === 0) return next === REMOVE ? undefined : next;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === "number") {
    const copy = [...value];
    if (rest.length === 0 && next === REMOVE) copy.splice(head, 1);
    else copy[head] = updateAt(copy[head], rest, next);
    return copy;
  }
  if (value && typeof value === "object" && typeof head === "string") {
    const copy: Record<string, Json> = { ...(value as Record<string, Json>) };
    if (rest.length === 0 && next === REMOVE) delete copy[head];
    else copy[head] = updateAt(copy[head], rest, next);
    return copy;
  }
  return value;
}

function nested(inner: Json, depth: number, asArray: boolean): Json {
  let value = inner;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

const anyJson = fc.jsonValue({ maxDepth: 4 });

/**
 * Bodies a route should refuse: arbitrary JSON, arbitrary objects, and mutations of a valid body
 * (a field dropped, a value of the wrong type, an unknown field, a huge string, deep nesting).
 * Callers filter out the few that still satisfy the route's schema.
 */
export function invalidBodies(valid: Json): fc.Arbitrary<Json> {
  const generic: fc.Arbitrary<Json>[] = [
    anyJson,
    fc.dictionary(fc.string({ maxLength: 20 }), anyJson, { maxKeys: 8 }),
  ];
  const paths = pathsOf(valid);
  if (paths.length === 0) return fc.oneof(...generic);
  const path = fc.constantFrom(...paths);
  const mutations: fc.Arbitrary<Json>[] = [
    path.map((p) => updateAt(valid, p, REMOVE)),
    fc.tuple(path, anyJson).map(([p, v]) => updateAt(valid, p, v)),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 30 }), anyJson)
      .map(([k, v]) => ({ ...(valid as Record<string, Json>), [`x-${k}`]: v })),
    fc
      .tuple(path, fc.integer({ min: 5_000, max: 300_000 }), fc.constantFrom("x", "字", "\u0000"))
      .map(([p, n, ch]) => updateAt(valid, p, ch.repeat(n))),
    fc
      .tuple(path, fc.integer({ min: 20, max: 3_000 }), fc.boolean())
      .map(([p, depth, asArray]) => updateAt(valid, p, nested(1, depth, asArray))),
  ];
  return fc.oneof(...generic, ...mutations, ...mutations);
}
