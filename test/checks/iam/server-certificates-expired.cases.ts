import { expect } from "vitest";
import check from "../../../checks/iam/server-certificates-expired.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, daysBefore, NOW, ok } from "../../support/fixtures/index.js";
import { iamInventory, serverCertificate, unreadIamCases } from "../../support/fixtures/iam.js";

const certificates = (...list: ReturnType<typeof serverCertificate>[]) => iamInventory({ serverCertificates: ok(list) });
const inAYear = new Date(Date.parse(NOW) + 365 * 86_400_000).toISOString();

export default checkCases(check, {
  pass: [
    {
      name: "a certificate valid until next year",
      inventory: certificates(serverCertificate("www", inAYear)),
      findings: [
        {
          resource: { id: "www", arn: `arn:aws:iam::${ACCOUNT}:server-certificate/www`, type: "AWS::IAM::ServerCertificate" },
          status: "PASS",
          region: "global",
          message: `Server certificate www is valid until ${inAYear}.`,
          evidence: { expiresAt: inAYear, serverCertificateId: "ASCAWWW" },
        },
      ],
    },
    {
      name: "no server certificates at all: one PASS on the account",
      inventory: certificates(),
      findings: [
        { resource: { id: ACCOUNT, type: "AWS::::Account" }, status: "PASS", message: "No server certificates are stored in IAM." },
      ],
    },
    {
      name: "a certificate that expired 40 days before NOW passes in an inventory collected 41 days before NOW",
      inventory: iamInventory({ serverCertificates: ok([serverCertificate("old", daysBefore(40))]) }, daysBefore(41)),
      findings: [{ resource: { id: "old" }, status: "PASS" }],
    },
  ],
  fail: [
    {
      name: "expired before the scan, or exactly at collection time, judged against the inventory's collectedAt",
      inventory: certificates(
        serverCertificate("old", daysBefore(40), { path: "/cloudfront/" }),
        serverCertificate("just-now", NOW),
        serverCertificate("www", inAYear),
      ),
      findings: [
        {
          resource: { id: "old" },
          status: "FAIL",
          severity: "medium",
          message: `Server certificate old expired on ${daysBefore(40)} (40 day(s) before the scan) and is still stored in IAM.`,
          evidence: { path: "/cloudfront/", expiresAt: daysBefore(40) },
          responsibility: { layer: "identity", serviceModel: "abstracted" },
        },
        { resource: { id: "just-now" }, status: "FAIL" },
        { resource: { id: "www" }, status: "PASS" },
      ],
      assert: ([old]) => expect(old!.compliance).toEqual({ "cis-aws-foundations-6.0": ["2.18"], "aws-security-hub": ["IAM.26"] }),
    },
  ],
  error: [
    ...unreadIamCases(),
    {
      name: "a certificate listed without an expiration date: ERROR for it, not a guess",
      inventory: certificates(serverCertificate("undated", undefined), serverCertificate("old", daysBefore(1))),
      findings: [
        {
          resource: { id: "undated" },
          status: "ERROR",
          error: {
            operation: "ListServerCertificates",
            code: "ExpirationMissing",
            resource: `arn:aws:iam::${ACCOUNT}:server-certificate/undated`,
          },
        },
        { resource: { id: "old" }, status: "FAIL" },
      ],
    },
  ],
});
