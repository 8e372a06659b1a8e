import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/engine.js";
import type { Check } from "../../../src/check.js";
import { s3Checks } from "../../../checks/s3/index.js";
import accountBpa from "../../../checks/s3/account-block-public-access.js";
import publicPolicy from "../../../checks/s3/bucket-public-policy.js";
import publicAcl from "../../../checks/s3/bucket-public-acl.js";
import aclsDisabled from "../../../checks/s3/bucket-acls-disabled.js";
import encryption from "../../../checks/s3/bucket-default-encryption.js";
import tlsOnly from "../../../checks/s3/bucket-tls-only.js";
import logging from "../../../checks/s3/bucket-access-logging.js";
import versioning from "../../../checks/s3/bucket-versioning.js";
import { bucket, denied, inventory, ok, policy, s3Inventory } from "../../support/inventory.js";
import type { PublicAccessBlock } from "../../../src/inventory/s3.js";

const ALL_ON: PublicAccessBlock = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const run = (check: Check, inv = s3Inventory([])) => evaluate(inv, [check]);
const publicRead = policy({ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" });
const publicWrite = policy({
  Sid: "PublicWrite",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: ["s3:GetObject", "s3:PutObject"],
  Resource: "arn:aws:s3:::b/*",
});
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

describe("catalogue metadata", () => {
  it.each(s3Checks.map((c) => [c.id, c]))("%s carries complete metadata", (_id, check) => {
    expect(check.id).toMatch(/^s3-[a-z0-9-]+$/);
    expect(check.title.length).toBeGreaterThan(10);
    expect(check.rationale.length).toBeGreaterThan(40);
    expect(check.remediation.text.length).toBeGreaterThan(10);
    expect(check.remediation.cli).toMatch(/^aws s3(api|control) /);
    expect(Object.keys(check.compliance).length).toBeGreaterThan(0);
    expect(check.needs.length).toBeGreaterThan(0);
  });
});

describe("s3-account-block-public-access", () => {
  it("passes with all four settings on", () => {
    const [f] = run(accountBpa, s3Inventory([], ok(ALL_ON)));
    expect(f).toMatchObject({
      status: "PASS",
      resource: { arn: "arn:aws:s3::123456789012:account" },
      responsibility: { layer: "data", awsModel: "Customer data", serviceModel: "abstracted", owner: "customer" },
    });
  });
  it("fails naming the settings that are off", () => {
    const [f] = run(accountBpa, s3Inventory([], ok({ ...ALL_ON, RestrictPublicBuckets: false, IgnorePublicAcls: false })));
    expect(f!.status).toBe("FAIL");
    expect(f!.message).toContain("IgnorePublicAcls, RestrictPublicBuckets");
    expect(f!.evidence.settingsOff).toEqual(["IgnorePublicAcls", "RestrictPublicBuckets"]);
  });
  it("fails when not configured at all", () => {
    expect(run(accountBpa, s3Inventory([], ok(null)))[0]!.status).toBe("FAIL");
  });
  it("is ERROR, naming the operation, when the setting could not be read", () => {
    const [f] = run(accountBpa, s3Inventory([], denied("GetPublicAccessBlock", "s3-control")));
    expect(f).toMatchObject({ status: "ERROR", error: { operation: "GetPublicAccessBlock", code: "AccessDenied" } });
    expect(f!.message).toContain("GetPublicAccessBlock failed with AccessDenied");
  });
});

describe("s3-bucket-public-policy", () => {
  it("passes a bucket without a policy and a bucket with a restricted policy", () => {
    const restricted = policy({
      Effect: "Allow",
      Principal: "*",
      Action: "s3:GetObject",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } },
    });
    const findings = run(publicPolicy, s3Inventory([bucket("none"), bucket("vpce", { policy: ok(restricted) })]));
    expect(findings.map((f) => f.status)).toEqual(["PASS", "PASS"]);
  });
  it("fails public read as high and public write as critical", () => {
    const findings = run(
      publicPolicy,
      s3Inventory([bucket("reader", { policy: ok(publicRead) }), bucket("writer", { policy: ok(publicWrite) })]),
    );
    expect(findings.map((f) => [f.resource.id, f.status, f.severity])).toEqual([
      ["reader", "FAIL", "high"],
      ["writer", "FAIL", "critical"],
    ]);
    expect(findings[1]!.message).toContain('Sid "PublicWrite"');
    expect(findings[1]!.message).toContain("write or delete");
    expect(findings[1]!.evidence.publicStatements).toEqual([
      { statement: 'Sid "PublicWrite"', actions: ["s3:GetObject", "s3:PutObject"], access: "write" },
    ]);
  });
  it("is neutralised by RestrictPublicBuckets on the bucket or the account", () => {
    const onBucket = run(
      publicPolicy,
      s3Inventory([bucket("b", { policy: ok(publicRead), publicAccessBlock: ok({ ...ALL_ON, BlockPublicAcls: false }) })]),
    );
    expect(onBucket[0]).toMatchObject({ status: "PASS", evidence: { neutralisedBy: "RestrictPublicBuckets (bucket)" } });
    const onAccount = run(publicPolicy, s3Inventory([bucket("b", { policy: ok(publicRead) })], ok(ALL_ON)));
    expect(onAccount[0]).toMatchObject({ status: "PASS", evidence: { neutralisedBy: "RestrictPublicBuckets (account)" } });
  });
  it("is ERROR when the policy is public but Block Public Access could not be read", () => {
    const [f] = run(
      publicPolicy,
      s3Inventory([bucket("b", { policy: ok(publicRead), publicAccessBlock: denied("GetPublicAccessBlock") })]),
    );
    expect(f).toMatchObject({ status: "ERROR", error: { operation: "GetPublicAccessBlock" } });
  });
  it("does not need Block Public Access when the policy is private", () => {
    const [f] = run(
      publicPolicy,
      s3Inventory([bucket("b", { publicAccessBlock: denied("GetPublicAccessBlock") })], denied("GetPublicAccessBlock", "s3-control")),
    );
    expect(f!.status).toBe("PASS");
  });
  it("is ERROR when the policy could not be read, never PASS", () => {
    const [f] = run(publicPolicy, s3Inventory([bucket("b", { policy: denied("GetBucketPolicy", "s3", "us-east-1", "b") })]));
    expect(f).toMatchObject({ status: "ERROR", error: { operation: "GetBucketPolicy", code: "AccessDenied" } });
  });
  it("is ERROR for a malformed policy document", () => {
    const [f] = run(publicPolicy, s3Inventory([bucket("b", { policy: ok("{not json") })]));
    expect(f).toMatchObject({ status: "ERROR", error: { code: "MalformedPolicy" } });
  });
  it("uses GetBucketPolicyStatus as a second signal", () => {
    const [f] = run(
      publicPolicy,
      s3Inventory([
        bucket("b", {
          policy: ok(policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "s3:*", Resource: "*" })),
          policyStatusIsPublic: ok(true),
        }),
      ]),
    );
    expect(f).toMatchObject({ status: "FAIL", severity: "high", evidence: { awsPolicyStatusIsPublic: true } });
  });
  it("one unreadable bucket does not hide the others", () => {
    const findings = run(
      publicPolicy,
      s3Inventory([bucket("a", { policy: denied("GetBucketPolicy") }), bucket("b", { policy: ok(publicRead) }), bucket("c")]),
    );
    expect(findings.map((f) => f.status)).toEqual(["ERROR", "FAIL", "PASS"]);
  });
  it("is one account-level ERROR when ListBuckets failed", () => {
    const inv = inventory({ s3: { buckets: denied("ListBuckets"), accountPublicAccessBlock: ok(null) } });
    const findings = run(publicPolicy, inv);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ status: "ERROR", error: { operation: "ListBuckets" } });
  });
  it("is ERROR when S3 is not in the inventory at all", () => {
    expect(run(publicPolicy, inventory())[0]).toMatchObject({ status: "ERROR", error: { code: "NotCollected" } });
  });
  it("reports each bucket in its own region", () => {
    const [f] = run(publicPolicy, s3Inventory([bucket("eu", { region: ok("eu-west-1"), policy: ok(publicRead) })]));
    expect(f!.region).toBe("eu-west-1");
  });
});

describe("s3-bucket-public-acl", () => {
  const grant = (uri: string, permission: string) => ok({ grants: [{ granteeType: "Group", granteeUri: uri, permission }] });
  it("fails AllUsers READ as high and AuthenticatedUsers WRITE as critical", () => {
    const findings = run(
      publicAcl,
      s3Inventory([
        bucket("r", { acl: grant(ALL_USERS, "READ") }),
        bucket("w", { acl: grant("http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "WRITE") }),
      ]),
    );
    expect(findings.map((f) => [f.status, f.severity])).toEqual([
      ["FAIL", "high"],
      ["FAIL", "critical"],
    ]);
    expect(findings[0]!.message).toContain("READ to AllUsers");
  });
  it("passes private ACLs and log-delivery grants", () => {
    const findings = run(
      publicAcl,
      s3Inventory([bucket("p"), bucket("logs", { acl: grant("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE") })]),
    );
    expect(findings.map((f) => f.status)).toEqual(["PASS", "PASS"]);
  });
  it("is neutralised by IgnorePublicAcls", () => {
    const [f] = run(
      publicAcl,
      s3Inventory([bucket("r", { acl: grant(ALL_USERS, "READ") })], ok({ ...ALL_ON, RestrictPublicBuckets: false })),
    );
    expect(f).toMatchObject({ status: "PASS", evidence: { neutralisedBy: "IgnorePublicAcls (account)" } });
  });
  it("is ERROR when the ACL could not be read", () => {
    expect(run(publicAcl, s3Inventory([bucket("x", { acl: denied("GetBucketAcl") })]))[0]!.status).toBe("ERROR");
  });
});

describe("s3-bucket-acls-disabled", () => {
  it("passes BucketOwnerEnforced, fails others and absent controls, errors on unread", () => {
    const findings = run(
      aclsDisabled,
      s3Inventory([
        bucket("a", { ownership: ok("BucketOwnerEnforced") }),
        bucket("b", { ownership: ok("ObjectWriter") }),
        bucket("c", { ownership: ok(null) }),
        bucket("d", { ownership: denied("GetBucketOwnershipControls") }),
        bucket("e", { ownership: undefined }),
      ]),
    );
    expect(findings.map((f) => f.status)).toEqual(["PASS", "FAIL", "FAIL", "ERROR", "ERROR"]);
    expect(findings[0]!.responsibility.layer).toBe("application");
    expect(findings[4]!.error).toMatchObject({ code: "NotCollected", operation: "GetBucketOwnershipControls" });
  });
});

describe("s3-bucket-default-encryption", () => {
  it("distinguishes SSE-KMS, SSE-S3, none and unread", () => {
    const findings = run(
      encryption,
      s3Inventory([
        bucket("kms", { encryption: ok([{ algorithm: "aws:kms", kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" }]) }),
        bucket("s3", { encryption: ok([{ algorithm: "AES256" }]) }),
        bucket("none", { encryption: ok(null) }),
        bucket("x", { encryption: denied("GetBucketEncryption") }),
      ]),
    );
    expect(findings.map((f) => f.status)).toEqual(["PASS", "PASS", "FAIL", "ERROR"]);
    expect(findings[0]!.evidence.strength).toBe("SSE-KMS");
    expect(findings[1]!.message).toContain("SSE-KMS would add");
    expect(findings[0]!.responsibility).toMatchObject({
      layer: "encryption",
      awsModel: "Server-side encryption (file system and/or data)",
    });
  });
});

describe("s3-bucket-tls-only", () => {
  const tls = policy({
    Sid: "TLS",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  });
  it("passes with a TLS deny, fails without policy or without the statement, errors when unread", () => {
    const findings = run(
      tlsOnly,
      s3Inventory([
        bucket("tls", { policy: ok(tls) }),
        bucket("none"),
        bucket("read", { policy: ok(publicRead) }),
        bucket("x", { policy: denied("GetBucketPolicy") }),
      ]),
    );
    expect(findings.map((f) => f.status)).toEqual(["PASS", "FAIL", "FAIL", "ERROR"]);
    expect(findings[0]!.responsibility.awsModel).toBe("Networking traffic protection (encryption, integrity, identity)");
  });
});

describe("s3-bucket-access-logging and s3-bucket-versioning", () => {
  it("logging: pass, fail, error", () => {
    const findings = run(
      logging,
      s3Inventory([
        bucket("l", { logging: ok({ targetBucket: "logs", targetPrefix: "l/" }) }),
        bucket("n"),
        bucket("x", { logging: denied("GetBucketLogging") }),
      ]),
    );
    expect(findings.map((f) => f.status)).toEqual(["PASS", "FAIL", "ERROR"]);
    expect(findings[0]!.message).toContain("s3://logs/l/");
    expect(findings[0]!.responsibility.layer).toBe("monitoring");
  });
  it("versioning: enabled passes, suspended and never fail", () => {
    const findings = run(
      versioning,
      s3Inventory([
        bucket("on", { versioning: ok({ status: "Enabled", mfaDelete: null }) }),
        bucket("sus", { versioning: ok({ status: "Suspended", mfaDelete: null }) }),
        bucket("never"),
      ]),
    );
    expect(findings.map((f) => f.status)).toEqual(["PASS", "FAIL", "FAIL"]);
    expect(findings[1]!.message).toContain("suspended");
  });
});

describe("finding ids", () => {
  it("are stable for the same check and resource and differ otherwise", () => {
    const inv = s3Inventory([bucket("a"), bucket("b")]);
    const first = evaluate(inv, s3Checks).map((f) => f.id);
    const second = evaluate(inv, s3Checks).map((f) => f.id);
    expect(first).toEqual(second);
    expect(new Set(first).size).toBe(first.length);
  });
});
