/** One AWS call that failed, kept as data so checks can report ERROR instead of guessing. */
export interface CallError {
  service: string;
  region: string;
  operation: string;
  code: string;
  message: string;
  /** The resource the call was about (bucket name, policy ARN, …), when there was one. */
  resource?: string;
}

/**
 * The outcome of reading one piece of configuration.
 * `value: null` is a fact ("not configured"), never a failure; a failure is `ok: false`.
 */
export type Fetched<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** An AWS API operation and the IAM action that authorizes it (they differ, e.g. ListBuckets → s3:ListAllMyBuckets). */
export interface OperationSpec {
  service: string;
  operation: string;
  action: string;
}

export const op = (service: string, operation: string, action = `${service}:${operation}`): OperationSpec => ({
  service,
  operation,
  action,
});
