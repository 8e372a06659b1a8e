import { expect } from "vitest";
import check from "../../../checks/efs/policy-not-public.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok } from "../../support/fixtures/index.js";
import { CLIENT_ACTIONS, EU, fileSystem, fileSystemsInventory, policyText, US } from "../../services/efs/fixtures.js";

const FS = "fs-0a1b2c3d";
const ARN = `arn:aws:elasticfilesystem:${US}:${ACCOUNT}:file-system/${FS}`;
const withPolicy = (policy: ReturnType<typeof policyText>, region = US, id = FS) => fileSystem(id, region, { policy });
const one = (policy: ReturnType<typeof policyText>) => fileSystemsInventory({ [US]: [withPolicy(policy)] });

const everyone = (extra: object = {}) => ({
  Sid: "Everyone",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: CLIENT_ACTIONS,
  Resource: ARN,
  ...extra,
});

export default checkCases(check, {
  pass: [
    {
      name: "a policy that names its principal (one role of the account)",
      inventory: one(
        policyText({
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` },
          Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
          Resource: ARN,
        }),
      ),
      findings: [
        {
          status: "PASS",
          region: US,
          resource: { arn: ARN, id: FS, type: "AWS::EFS::FileSystem" },
          message: `File system ${FS}'s policy grants nothing to everyone without a pinning condition.`,
          responsibility: { layer: "data", serviceModel: "abstracted" },
        },
      ],
    },
    {
      name: 'Principal "*" pinned to the VPC, or to the organization: not public',
      inventory: fileSystemsInventory({
        [US]: [withPolicy(policyText(everyone({ Condition: { StringEquals: { "aws:SourceVpc": "vpc-0a1b2c3d4e5f" } } })))],
        [EU]: [
          withPolicy(policyText(everyone({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } })), EU, "fs-9e8d7c6b"),
        ],
      }),
      findings: [
        { status: "PASS", region: US },
        { status: "PASS", region: EU, resource: { id: "fs-9e8d7c6b" } },
      ],
    },
    {
      name: "an unconditional Deny for everyone takes back what the public Allow gave",
      inventory: one(
        policyText(everyone({ Action: "elasticfilesystem:ClientMount" }), {
          Effect: "Deny",
          Principal: "*",
          Action: "elasticfilesystem:*",
          Resource: ARN,
        }),
      ),
    },
  ],
  fail: [
    {
      name: 'Principal {"AWS": "*"} with every client action and no condition: root access for everyone, high',
      inventory: one(policyText(everyone())),
      findings: [
        {
          status: "FAIL",
          severity: "high",
          message: `File system ${FS}'s policy Sid "Everyone" gives everyone root access (elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite, elasticfilesystem:ClientRootAccess) without a condition pinning the caller.`,
          evidence: { publicStatements: [{ statement: 'Sid "Everyone"', access: "root" }] },
        },
      ],
    },
    {
      name: "conditions that do not say who the caller is do not pin: TLS only, via a mount target (the console's 'prevent anonymous access')",
      inventory: one(
        policyText(
          everyone({
            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
            Condition: { Bool: { "aws:SecureTransport": "true", "elasticfilesystem:AccessedViaMountTarget": "true" } },
          }),
        ),
      ),
      findings: [{ status: "FAIL", severity: "high", message: expect.stringContaining("gives everyone write access") }],
    },
    {
      name: 'Principal "*" with read only (ClientMount, or a wildcard that a Deny narrows to it): medium',
      inventory: fileSystemsInventory({
        [US]: [withPolicy(policyText({ Effect: "Allow", Principal: "*", Action: "elasticfilesystem:ClientMount", Resource: ARN }))],
        [EU]: [
          withPolicy(
            policyText(
              { Sid: "All", Effect: "Allow", Principal: "*", Action: "elasticfilesystem:Client*", Resource: "*" },
              {
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: ["elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"],
                Resource: "*",
              },
            ),
            EU,
            "fs-9e8d7c6b",
          ),
        ],
      }),
      findings: [
        {
          status: "FAIL",
          region: US,
          severity: "medium",
          message: `File system ${FS}'s policy statement #1 gives everyone read access (elasticfilesystem:ClientMount) without a condition pinning the caller.`,
        },
        {
          status: "FAIL",
          region: EU,
          severity: "medium",
          evidence: { publicStatements: [{ statement: 'Sid "All"', actions: ["elasticfilesystem:ClientMount"] }] },
        },
      ],
    },
    {
      name: "a pinning condition that is negated or IfExists does not pin; NotPrincipal grants everyone else",
      inventory: fileSystemsInventory({
        [US]: [withPolicy(policyText(everyone({ Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } })))],
        [EU]: [
          withPolicy(
            policyText({
              Effect: "Allow",
              NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:role/blocked` },
              Action: "elasticfilesystem:ClientWrite",
              Resource: "*",
              Condition: { StringEqualsIfExists: { "aws:SourceVpc": "vpc-0a1b2c3d4e5f" } },
            }),
            EU,
            "fs-9e8d7c6b",
          ),
        ],
      }),
      findings: [
        { status: "FAIL", region: US, severity: "high" },
        {
          status: "FAIL",
          region: EU,
          severity: "high",
          message: expect.stringContaining("gives everyone write access (elasticfilesystem:ClientWrite)"),
        },
      ],
    },
    {
      name: "no file system policy: EFS's default gives everyone who reaches a mount target full access",
      inventory: fileSystemsInventory({ [EU]: [fileSystem("fs-9e8d7c6b", EU, { name: "scratch", policy: ok(null) })] }),
      findings: [
        {
          status: "FAIL",
          severity: "high",
          message:
            "File system fs-9e8d7c6b (scratch) has no file system policy: EFS's default gives every client that reaches a mount target full access, root included, without IAM authorization.",
          evidence: { policy: null },
        },
      ],
    },
  ],
  error: [
    {
      name: "DescribeFileSystemPolicy denied: ERROR for that file system only",
      inventory: fileSystemsInventory({
        [US]: [
          withPolicy(denied("efs.fileSystemPolicy", { resource: FS, code: "AccessDeniedException" })),
          fileSystem("fs-22222222", US, { policy: policyText(everyone()) }),
        ],
      }),
      findings: [
        {
          status: "ERROR",
          resource: { id: FS, type: "AWS::EFS::FileSystem" },
          error: { service: "elasticfilesystem", operation: "DescribeFileSystemPolicy", code: "AccessDeniedException", resource: FS },
        },
        { status: "FAIL", resource: { id: "fs-22222222" } },
      ],
    },
    {
      name: "a policy that is not a policy document: ERROR (MalformedPolicy), never a verdict",
      inventory: one(ok('{"Statement": [{"Effect": "Maybe", "Principal": "*"}]}')),
      findings: [
        {
          status: "ERROR",
          resource: { id: FS },
          error: { operation: "DescribeFileSystemPolicy", code: "MalformedPolicy", resource: FS },
        },
      ],
    },
    {
      name: "the file systems of a region could not be listed",
      inventory: fileSystemsInventory({ [EU]: denied("efs.fileSystems", { region: EU, code: "AccessDeniedException" }) }),
      findings: [{ status: "ERROR", region: EU, error: { operation: "DescribeFileSystems" } }],
    },
  ],
});
