/** Wildcard match as IAM does it, and the mutelist too (`*` any run, `?` one character). Case-insensitive when `ignoreCase`. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  // A pattern without wildcards matches itself only: no expression to build.
  if (!ignoreCase && !pattern.includes("*") && !pattern.includes("?")) return pattern === value;
  return wildcardRegExp(pattern, ignoreCase).test(value);
}

/** Compiled patterns, shared: the same few patterns are matched against every resource of an account. */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 10_000;

/** The compiled form of an IAM wildcard pattern, for matching one pattern against many values. */
export function wildcardRegExp(pattern: string, ignoreCase = false): RegExp {
  const key = `${ignoreCase ? "i" : "s"}${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    const escaped = pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    // Without the g or y flag a RegExp keeps no state between tests, so one object serves every caller.
    re = new RegExp(`^${escaped}$`, ignoreCase ? "is" : "s");
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}
