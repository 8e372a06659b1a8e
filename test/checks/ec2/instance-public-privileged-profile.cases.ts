import { expect } from "vitest";
import check from "../../../checks/ec2/instance-public-privileged-profile.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { IamAuthorizationDetails, IamRole } from "../../../src/services/iam/inventory.js";
import type { Fetched } from "../../../src/inventory/index.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok } from "../../support/fixtures/index.js";
import { groupsRegion, instance, perm, regional, sg } from "../../support/fixtures/ec2.js";
import { allow, awsManaged, customerManaged, details, doc, role, trustService } from "../../support/fixtures/iam.js";
import type { Instance, SecurityGroup } from "../../../src/services/ec2/inventory.js";

const profileArn = (name: string) => `arn:aws:iam::${ACCOUNT}:instance-profile/${name}`;
const withProfile = (r: IamRole, profile: string): IamRole => ({ ...r, instanceProfiles: [profileArn(profile)] });

const admin = awsManaged("AdministratorAccess");
const s3All = customerManaged("s3-all", doc(allow("s3:*")));
/** What AmazonSSMManagedInstanceCore looks like: explicit actions on "*", no wildcard. */
const ssmCore = customerManaged(
  "ssm-core",
  doc(allow(["ssm:UpdateInstanceInformation", "ssmmessages:CreateControlChannel", "ec2messages:SendReply"])),
);

const roles = details({
  roles: [
    withProfile(role("admin-role", trustService("ec2.amazonaws.com"), { attached: [admin] }), "admin"),
    withProfile(role("s3-role", trustService("ec2.amazonaws.com"), { attached: [s3All] }), "s3"),
    withProfile(role("ssm-role", trustService("ec2.amazonaws.com"), { attached: [ssmCore] }), "ssm"),
    withProfile(role("gone-role", trustService("ec2.amazonaws.com"), { attached: [customerManaged("gone", doc(allow("s3:*")))] }), "gone"),
  ],
  policies: [admin, s3All, ssmCore],
});

const open = sg("sg-open", [perm("tcp", 443, 443, ["0.0.0.0/0"])]);
const closed = sg("sg-closed", [perm("tcp", 443, 443, ["10.0.0.0/8"])]);

function account(
  instances: Instance[],
  iam: Fetched<IamAuthorizationDetails> = ok(roles),
  groups: SecurityGroup[] = [open, closed],
): Inventory {
  return { ...regional({ ec2: { "us-east-1": groupsRegion(groups, { instances: ok(instances) }) } }), iam: { authorizationDetails: iam } };
}

const publicWith = (id: string, profile: string | null, groups: string[] = ["sg-closed"]) =>
  instance(id, { publicIp: "54.1.2.3", groups, iamInstanceProfileArn: profile === null ? null : profileArn(profile) });

export default checkCases(check, {
  pass: [
    {
      name: "private, public without a profile, public with explicitly listed actions; terminated instances are not judged",
      inventory: account([
        instance("i-private", { iamInstanceProfileArn: profileArn("admin") }),
        publicWith("i-bare", null),
        publicWith("i-ssm", "ssm", ["sg-open"]),
        { ...publicWith("i-dead", "admin"), state: "terminated" },
      ]),
      findings: [
        { resource: { id: "i-private", type: "AWS::EC2::Instance" }, status: "PASS", message: "Instance i-private has no public address." },
        { resource: { id: "i-bare" }, status: "PASS", message: "Instance i-bare is reachable at 54.1.2.3 but has no instance profile." },
        {
          resource: { id: "i-ssm" },
          status: "PASS",
          message: "Instance i-ssm is reachable at 54.1.2.3; role ssm-role holds no administrative or service-wide write permissions.",
        },
      ],
    },
  ],
  fail: [
    {
      name: "administrator: critical behind an open group, high otherwise; service-wide write: high and medium",
      inventory: account([
        publicWith("i-admin-open", "admin", ["sg-open"]),
        publicWith("i-admin", "admin"),
        publicWith("i-s3-open", "s3", ["sg-open"]),
        publicWith("i-s3", "s3"),
      ]),
      findings: [
        {
          resource: { id: "i-admin-open" },
          status: "FAIL",
          severity: "critical",
          evidence: { permissions: { administrative: "full-admin" } },
        },
        { resource: { id: "i-admin" }, status: "FAIL", severity: "high", evidence: { internetIngress: [] } },
        { resource: { id: "i-s3-open" }, status: "FAIL", severity: "high" },
        {
          resource: { id: "i-s3" },
          status: "FAIL",
          severity: "medium",
          evidence: { permissions: { serviceWideWrite: [{ service: "s3", grantedBy: ["s3:*"] }] } },
        },
      ],
      assert: ([adminOpen, , , s3]) => {
        expect(adminOpen!.message).toBe(
          "Instance i-admin-open is reachable at 54.1.2.3 (its security groups admit tcp 443 from 0.0.0.0/0) and its role admin-role holds full administrator access.",
        );
        expect(s3!.message).toMatch(
          /^Instance i-s3 is reachable at 54\.1\.2\.3 \(no security group of it admits 0\.0\.0\.0\/0 or ::\/0\) and its role s3-role holds service-wide write in s3 \(/,
        );
        expect(adminOpen!.responsibility.layer).toBe("identity");
      },
    },
    {
      name: "the security groups could not be read: still a FAIL, at the lower severity, saying so",
      inventory: {
        ...account([publicWith("i-admin", "admin", ["sg-open"])]),
        ec2: {
          regions: {
            "us-east-1": { instances: ok([publicWith("i-admin", "admin", ["sg-open"])]), securityGroups: denied("ec2.securityGroups") },
          },
        },
      },
      findings: [{ status: "FAIL", severity: "high", evidence: { internetIngress: "unknown" } }],
      assert: ([f]) => expect(f!.message).toContain("(its security groups could not be read)"),
    },
  ],
  error: [
    {
      name: "the roles could not be read: ERROR on public instances with a profile only",
      inventory: account(
        [instance("i-private", { iamInstanceProfileArn: profileArn("admin") }), publicWith("i-admin", "admin")],
        denied("iam.authorizationDetails"),
      ),
      findings: [
        { resource: { id: "i-private" }, status: "PASS" },
        { resource: { id: "i-admin" }, status: "ERROR", region: "us-east-1", error: { operation: "GetAccountAuthorizationDetails" } },
      ],
    },
    {
      name: "a role policy that cannot be resolved",
      inventory: account([publicWith("i-gone", "gone")]),
      findings: [{ status: "ERROR", error: { code: "PolicyUnreadable" } }],
    },
    {
      name: "a snapshot from before instance profiles were recorded",
      inventory: account([instance("i-old", { publicIp: "54.1.2.3" })]),
      findings: [{ status: "ERROR", error: { code: "NotCollected", operation: "DescribeInstances" } }],
    },
    {
      name: "DescribeInstances denied",
      inventory: { ...account([]), ec2: { regions: { "us-east-1": { instances: denied("ec2.instances") } } } },
      findings: [{ status: "ERROR", error: { operation: "DescribeInstances" } }],
    },
  ],
});
