import { describe, expect, it } from "vitest";
import { errorCode, isCredentialsError, safeMessage, toCallError } from "../../src/aws/errors.js";

describe("AWS error normalisation", () => {
  it("takes the AWS error code from SDK errors", () => {
    expect(errorCode(Object.assign(new Error("x"), { name: "AccessDenied", $metadata: { httpStatusCode: 403 } }))).toBe("AccessDenied");
    expect(errorCode({ Code: "NoSuchBucketPolicy" })).toBe("NoSuchBucketPolicy");
  });
  it("names unparseable answers by their HTTP status, or MalformedResponse", () => {
    expect(errorCode(Object.assign(new SyntaxError("Unexpected token <"), { $metadata: { httpStatusCode: 403 } }))).toBe("HTTP403");
    expect(errorCode(Object.assign(new SyntaxError("Unexpected end of JSON"), { $metadata: { httpStatusCode: 200 } }))).toBe(
      "MalformedResponse",
    );
    expect(errorCode(new SyntaxError("bad"))).toBe("MalformedResponse");
  });
  it("falls back to the HTTP status or UnknownError", () => {
    expect(errorCode(Object.assign(new Error("x"), { $metadata: { httpStatusCode: 503 } }))).toBe("HTTP503");
    expect(errorCode("weird")).toBe("UnknownError");
    expect(errorCode(null)).toBe("UnknownError");
  });
  it("redacts signatures, tokens and access key ids from messages", () => {
    const msg = safeMessage(new Error("X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr&Signature=abcdef123 key AKIAIOSFODNN7EXAMPLE"));
    expect(msg).not.toContain("IQoJb3JpZ2luX2VjEJr");
    expect(msg).not.toContain("abcdef123");
    expect(msg).not.toContain("AKIAIOSFODNN7EXAMPLE");
  });
  it("builds CallErrors with the resource when there is one", () => {
    expect(toCallError(Object.assign(new Error("denied"), { name: "AccessDenied" }), "s3", "eu-west-1", "GetBucketAcl", "b")).toEqual({
      service: "s3",
      region: "eu-west-1",
      operation: "GetBucketAcl",
      code: "AccessDenied",
      message: "denied",
      resource: "b",
    });
  });
  it("recognises credential failures", () => {
    expect(isCredentialsError({ name: "ExpiredToken" })).toBe(true);
    expect(isCredentialsError({ name: "CredentialsProviderError" })).toBe(true);
    expect(isCredentialsError({ name: "AccessDenied" })).toBe(false);
  });
});
