import type { CallError } from "../inventory/index.js";

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

/** The AWS error code of an SDK error (`AccessDenied`, `NoSuchBucketPolicy`, `TimeoutError`, …). */
export function errorCode(err: unknown): string {
  if (typeof err !== "object" || err === null) return "UnknownError";
  const e = err as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const code = e.Code ?? e.name ?? e.code;
  if (code && PARSE_ERRORS.has(code)) return status && status >= 400 ? `HTTP${status}` : "MalformedResponse";
  if (code && code !== "Error") return code;
  return status ? `HTTP${status}` : "UnknownError";
}

/** Keeps messages short and free of anything that looks like a secret or signature. */
export function safeMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : typeof err === "string" ? err : "";
  return raw
    .replace(/(Signature|Credential|X-Amz-Security-Token|SessionToken)=[^&\s,]+/gi, "$1=[redacted]")
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, "[redacted-key-id]")
    .slice(0, 500);
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
