import fc from "fast-check";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonPath = (string | number)[];

/** Cases run per property, printed by each fuzz file for the closing note. */
export const FUZZ_COUNTS: Record<string, number> = {};
export const countRuns = (name: string): void => {
  FUZZ_COUNTS[name] = (FUZZ_COUNTS[name] ?? 0) + 1;
};

/** Every path to a value inside `value`, the root included. */
export function jsonPaths(value: Json, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...jsonPaths(v, [...prefix, i])));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...jsonPaths(v, [...prefix, k]));
  return out;
}

export type Mutation = { kind: "replace"; value: Json } | { kind: "remove" } | { kind: "add-key"; key: string; value: Json };

/** Values of the wrong type or size that break careless readers. */
const awkward = fc.constantFrom<Json>(
  null,
  "",
  0,
  -1,
  1e308,
  true,
  [],
  {},
  "x".repeat(10_000),
  [null],
  { ok: true },
  { ok: false },
  { ok: true, value: null },
);

export const mutation = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant("replace" as const), value: fc.oneof(awkward, fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>) }),
    fc.constant({ kind: "remove" as const }),
    fc.record({
      kind: fc.constant("add-key" as const),
      key: fc.string({ minLength: 1, maxLength: 12 }),
      value: fc.oneof(awkward, fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>),
    }),
  );

/** A copy of `root` with `change` applied at `path`. */
export function mutate(root: Json, path: JsonPath, change: Mutation): Json {
  const copy = structuredClone(root);
  if (path.length === 0) {
    if (change.kind === "replace") return change.value;
    if (change.kind === "remove") return null;
  }
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, copy);
  const last = path.at(-1);
  const target = last === undefined ? copy : (parent as Record<string | number, Json>)[last]!;
  if (change.kind === "add-key") {
    if (Array.isArray(target)) target.push(change.value);
    else if (target !== null && typeof target === "object") target[change.key] = change.value;
    else (parent as Record<string | number, Json>)[last!] = { [change.key]: change.value };
    return copy;
  }
  if (change.kind === "replace") (parent as Record<string | number, Json>)[last!] = change.value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete (parent as Record<string, Json>)[last as string];
  return copy;
}
