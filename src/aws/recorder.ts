/** What a scan's collection did: AWS calls per `service:Operation`, and the calls its plan found needless. */
export interface CallStats {
  calls: Record<string, number>;
  skipped: Record<string, number>;
}

const sorted = (counts: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));

/** Counts every AWS operation a scan invokes, and every one its plan skips, per `service:Operation`. */
export class CallRecorder {
  readonly #calls = new Map<string, number>();
  readonly #skipped = new Map<string, number>();

  record(service: string, operation: string): void {
    const key = `${service}:${operation}`;
    this.#calls.set(key, (this.#calls.get(key) ?? 0) + 1);
  }

  skip(service: string, operation: string): void {
    const key = `${service}:${operation}`;
    this.#skipped.set(key, (this.#skipped.get(key) ?? 0) + 1);
  }

  /** Sorted by key, so reports are stable. */
  stats(): CallStats {
    return { calls: sorted(this.#calls), skipped: sorted(this.#skipped) };
  }
}
