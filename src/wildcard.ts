/** Wildcard match as IAM does it, and the mutelist too (`*` any run, `?` one character). Case-insensitive when `ignoreCase`. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  return wildcardRegExp(pattern, ignoreCase).test(value);
}

/** The compiled form of an IAM wildcard pattern, for matching one pattern against many values. */
export function wildcardRegExp(pattern: string, ignoreCase = false): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, ignoreCase ? "is" : "s");
}
