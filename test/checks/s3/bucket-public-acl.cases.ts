import { expect } from "vitest";
import check from "../../../checks/s3/bucket-public-acl.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { ALL_ON, bucket, s3Inventory } from "../../support/fixtures/s3.js";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const grant = (uri: string, permission: string) => ok({ grants: [{ granteeType: "Group", granteeUri: uri, permission }] });

export default checkCases(check, {
  pass: [
    {
      name: "private ACLs and log-delivery grants",
      inventory: s3Inventory([bucket("p"), bucket("logs", { acl: grant("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE") })]),
    },
    {
      name: "neutralised by IgnorePublicAcls",
      inventory: s3Inventory([bucket("r", { acl: grant(ALL_USERS, "READ") })], ok({ ...ALL_ON, RestrictPublicBuckets: false })),
      findings: [{ status: "PASS", evidence: { neutralisedBy: "IgnorePublicAcls (account)" } }],
    },
  ],
  fail: [
    {
      name: "AllUsers READ is high, AuthenticatedUsers WRITE critical",
      inventory: s3Inventory([
        bucket("r", { acl: grant(ALL_USERS, "READ") }),
        bucket("w", { acl: grant("http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "WRITE") }),
      ]),
      findings: [
        { status: "FAIL", severity: "high" },
        { status: "FAIL", severity: "critical" },
      ],
      assert: ([r]) => expect(r!.message).toContain("READ to AllUsers"),
    },
  ],
  error: [{ name: "the ACL could not be read", inventory: s3Inventory([bucket("x", { acl: denied("s3.bucketAcl") })]) }],
});
