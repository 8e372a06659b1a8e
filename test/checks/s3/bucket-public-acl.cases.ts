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
    {
      // What a planned collection leaves: with ACLs disabled the ACL is not read at all.
      name: "ACLs disabled (BucketOwnerEnforced): passes without the ACL",
      inventory: s3Inventory([bucket("enforced", { ownership: ok("BucketOwnerEnforced"), acl: undefined })]),
      findings: [{ status: "PASS", evidence: { objectOwnership: "BucketOwnerEnforced" } }],
      assert: ([f]) => expect(f!.message).toContain("ACLs disabled"),
    },
    {
      name: "Object Ownership unreadable: the ACL decides",
      inventory: s3Inventory([bucket("unknown", { ownership: denied("s3.bucketOwnership") })]),
      findings: [{ status: "PASS" }],
      assert: ([f]) => expect(f!.message).toContain("grants nothing to AllUsers"),
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
    {
      name: "a public ACL with Object Ownership unreadable or ObjectWriter still fails",
      inventory: s3Inventory([
        bucket("a", { ownership: denied("s3.bucketOwnership"), acl: grant(ALL_USERS, "READ") }),
        bucket("b", { ownership: ok("ObjectWriter"), acl: grant(ALL_USERS, "READ") }),
      ]),
      findings: [
        { status: "FAIL", severity: "high" },
        { status: "FAIL", severity: "high" },
      ],
    },
  ],
  error: [{ name: "the ACL could not be read", inventory: s3Inventory([bucket("x", { acl: denied("s3.bucketAcl") })]) }],
});
