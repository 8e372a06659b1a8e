/** Exit codes, as documented in README and --help. */
export const EXIT = {
  ok: 0,
  failing: 1,
  usage: 2,
  incomplete: 3,
} as const;

/** A problem with what the user asked for (flags, files, credentials): one clear line, exit 2, nothing scanned. */
export class UsageError extends Error {
  override name = "UsageError";
}
