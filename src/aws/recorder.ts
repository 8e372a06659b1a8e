/** Counts every AWS operation a scan invokes, per `service:Operation`. */
export class CallRecorder {
  readonly #counts = new Map<string, number>();

  record(service: string, operation: string): void {
    const key = `${service}:${operation}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /** Calls per operation, sorted by key so reports are stable. */
  stats(): Record<string, number> {
    return Object.fromEntries([...this.#counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
