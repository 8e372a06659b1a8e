import type { CallError } from "../inventory/index.js";
import { oneLine } from "../one-line.js";

interface SdkErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

/** JavaScript error names that mean "the answer could not be parsed", not an AWS error code. */
const PARSE_ERRORS = new Set(["SyntaxError", "TypeError", "RangeError"]);

/** Connection failures the SDK files under `TimeoutError` although nothing timed out. */
const CONNECTION_ERRNOS = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** The AWS error code of an SDK error (`AccessDenied`, `NoSuchBucketPolicy`, `TimeoutError`, `ECONNRESET`, …). */
export function errorCode(err: unknown): string {
  if (typeof err !== "object" || err === null) return "UnknownError";
  const e = err as SdkErrorShape;
  if (!e.Code && e.code && CONNECTION_ERRNOS.has(e.code)) return e.code;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const code = e.Code ?? e.name ?? e.code;
  if (code && PARSE_ERRORS.has(code)) return status && status >= 400 ? `HTTP${status}` : "MalformedResponse";
  // "Unknown" is the SDK's name for an error answer whose code it could not find: the status says more.
  if (code && code !== "Error" && code !== "Unknown") return code;
  // A plain Error on a success status: the answer's body could not be parsed (e.g. cut-off XML).
  if (status && status >= 200 && status < 300) return "MalformedResponse";
  return status ? `HTTP${status}` : "UnknownError";
}

const knownSecrets = new Set<string>();

/** The credentials in use: any message that quotes them gets them replaced, however it quotes them. */
export function registerSecrets(...values: (string | undefined)[]): void {
  for (const v of values) {
    if (v && v.length >= 8) {
      knownSecrets.add(v);
      knownSecrets.add(encodeURIComponent(v));
    }
  }
}

/** Keeps messages short and free of anything that looks like a secret or signature. */
export function safeMessage(err: unknown): string {
  let raw = err instanceof Error ? err.message : typeof err === "string" ? err : "";
  for (const secret of knownSecrets) raw = raw.split(secret).join("[redacted]");
  const redacted = raw
    // Query (`X-Amz-Security-Token=…`) and header (`X-Amz-Security-Token: …`) spellings alike.
    .replace(/(Signature|Credential|X-Amz-Security-Token|SessionToken)(\s*[=:]\s*)[^&\s,;]+/gi, "$1$2[redacted]")
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, "[redacted-key-id]");
  // One line: SDK messages append hints on new lines; reports and the terminal show one line.
  return oneLine(redacted, 500);
}

export function toCallError(err: unknown, service: string, region: string, operation: string, resource?: string): CallError {
  return {
    service,
    region,
    operation,
    code: errorCode(err),
    message: safeMessage(err),
    ...(resource !== undefined ? { resource } : {}),
  };
}

/** Errors that mean "no credentials / bad credentials": the scan cannot start at all. */
export function isCredentialsError(err: unknown): boolean {
  const code = errorCode(err);
  return [
    "CredentialsProviderError",
    "InvalidClientTokenId",
    "ExpiredToken",
    "ExpiredTokenException",
    "UnrecognizedClientException",
    "SignatureDoesNotMatch",
    "InvalidAccessKeyId",
    "AuthFailure",
    "TokenRefreshRequired",
  ].includes(code);
}
