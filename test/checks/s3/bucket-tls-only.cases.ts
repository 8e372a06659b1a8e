import { expect } from "vitest";
import check from "../../../checks/s3/bucket-tls-only.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { bucket, policy, s3Inventory } from "../../support/fixtures/s3.js";
import { publicRead } from "./bucket-public-policy.cases.js";

const tls = policy({
  Sid: "TLS",
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
});

export default checkCases(check, {
  pass: [
    {
      name: "a TLS deny",
      inventory: s3Inventory([bucket("tls", { policy: ok(tls) })]),
      assert: ([f]) => expect(f!.responsibility.awsModel).toBe("Networking traffic protection (encryption, integrity, identity)"),
    },
  ],
  fail: [
    { name: "no policy", inventory: s3Inventory([bucket("none")]) },
    { name: "a policy without the statement", inventory: s3Inventory([bucket("read", { policy: ok(publicRead) })]) },
  ],
  error: [
    { name: "unread", inventory: s3Inventory([bucket("x", { policy: denied("s3.bucketPolicy") })]) },
    {
      name: "a malformed policy",
      inventory: s3Inventory([bucket("m", { policy: ok("[1]") })]),
      findings: [{ status: "ERROR", error: { operation: "GetBucketPolicy", code: "MalformedPolicy", resource: "m" } }],
    },
  ],
});
