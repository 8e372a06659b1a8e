import type { AwsSession } from "../aws/session.js";
import { errorCode, toCallError } from "../aws/errors.js";
import type { CallError, Fetched, OperationSpec, SliceId } from "../inventory/index.js";

export interface CollectScope {
  accountId: string;
  partition: string;
  regions: readonly string[];
  wanted: ReadonlySet<SliceId>;
  /** Read what the plan would skip too (`--collect-all`). */
  collectAll: boolean;
}

/** A failure a read attributes to one of its operations (its slice names another one first). */
export class OperationFailed extends Error {
  constructor(
    readonly operation: OperationSpec,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * A shared read's failure (see `shared`): one failed call, recorded once however many reads shared
 * it, and without the resource of whichever read happened to see it first.
 */
class SharedFailure extends Error {
  recorded: CallError | undefined;
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export interface ReadOptions {
  /** Error codes that mean "not configured": the value is `null`. */
  absent?: readonly string[];
  /** What the call was about (bucket name, snapshot id), kept with a failure. */
  resource?: string;
}

/** What collection shares: the session (clients, concurrency, call recording) and every failed call, as data. */
export class CollectContext {
  readonly errors: CallError[] = [];
  readonly #shared = new Map<string, Promise<unknown>>();

  constructor(
    readonly session: AwsSession,
    readonly scope: CollectScope,
    private readonly onProgress: (message: string) => void = () => {},
  ) {}

  /** A call the plan did not make, counted in `scan.stats.skipped`. */
  skipped(operation: OperationSpec): void {
    this.session.recorder.skip(operation.service, operation.operation);
  }

  progress(message: string): void {
    this.onProgress(message);
  }

  /** `fn`'s answer, made once per `key` for the whole collection and shared by every read that asks for it. */
  shared<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let answer = this.#shared.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = fn().catch((err: unknown) => {
        throw new SharedFailure(err);
      });
      this.#shared.set(key, answer);
    }
    return answer;
  }

  /**
   * The one way collection reads AWS: runs `fn` and returns its value, `null` for an error code
   * that means "not configured", or the failure — recorded, and returned as data, never thrown.
   */
  async read<T>(operation: OperationSpec, region: string, fn: () => Promise<T>, options: ReadOptions = {}): Promise<Fetched<T>> {
    try {
      return { ok: true, value: await fn() };
    } catch (thrown) {
      if (thrown instanceof SharedFailure) {
        if (!thrown.recorded) {
          thrown.recorded = toCallError(thrown.cause, operation.service, region, operation.operation);
          this.errors.push(thrown.recorded);
        }
        return { ok: false, error: thrown.recorded };
      }
      const failedAt = thrown instanceof OperationFailed ? thrown.operation : operation;
      const err = thrown instanceof OperationFailed ? thrown.cause : thrown;
      if (failedAt === operation && options.absent?.includes(errorCode(err))) return { ok: true, value: null as T };
      const error = toCallError(err, failedAt.service, region, failedAt.operation, options.resource);
      this.errors.push(error);
      return { ok: false, error };
    }
  }
}
