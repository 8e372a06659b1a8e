/** Exit codes, as documented in README and --help. */
export const EXIT = {
  ok: 0,
  failing: 1,
  usage: 2,
  incomplete: 3,
  /** A bug in yourside: the message asks for a report. */
  internal: 4,
  /** Interrupted (Ctrl-C, SIGTERM): nothing half-written, the previous reports intact. */
  interrupted: 130,
} as const;

/** A problem with what the user asked for (flags, files, credentials): one clear line, exit 2, nothing scanned. */
export class UsageError extends Error {
  override name = "UsageError";
}
