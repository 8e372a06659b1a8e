import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  CreateServiceLinkedRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UploadServerCertificateCommand,
} from "@aws-sdk/client-iam";

export const OTHER_ACCOUNT = "210987654321";
export const aws = (name: string) => `arn:aws:iam::aws:policy/${name}`;
export const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
export const assume = (principal: unknown, extra: object = {}) =>
  doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra });

/**
 * Users, groups, roles and policies with one failing and one passing case per check moto
 * can express. Returns carol's first access key, to use it once (moto records key use).
 */
export async function seedIamScenario(iam: IAMClient): Promise<{ carolKey: { id: string; secret: string } }> {
  const send = iam.send.bind(iam);

  // Groups holding AWS-managed policies: the customer's decision is the attachment.
  await send(new CreateGroupCommand({ GroupName: "admins" }));
  await send(new AttachGroupPolicyCommand({ GroupName: "admins", PolicyArn: aws("AdministratorAccess") }));
  await send(new CreateGroupCommand({ GroupName: "readers" }));
  await send(new AttachGroupPolicyCommand({ GroupName: "readers", PolicyArn: aws("ReadOnlyAccess") }));
  // ... and CloudShell with file transfer for everyone who reads (CIS 2.21 / IAM.27).
  await send(new AttachGroupPolicyCommand({ GroupName: "readers", PolicyArn: aws("AWSCloudShellFullAccess") }));

  // alice: console password without MFA, administrator through her group.
  await send(new CreateUserCommand({ UserName: "alice" }));
  await send(new CreateLoginProfileCommand({ UserName: "alice", Password: "Correct-Horse-Battery-9" }));
  await send(new AddUserToGroupCommand({ GroupName: "admins", UserName: "alice" }));

  // bob: console password with MFA, read-only through his group.
  await send(new CreateUserCommand({ UserName: "bob" }));
  await send(new CreateLoginProfileCommand({ UserName: "bob", Password: "Correct-Horse-Battery-9" }));
  await send(new AddUserToGroupCommand({ GroupName: "readers", UserName: "bob" }));
  const mfa = await send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "bob" }));
  await send(
    new EnableMFADeviceCommand({
      UserName: "bob",
      SerialNumber: mfa.VirtualMFADevice?.SerialNumber,
      AuthenticationCode1: "123456",
      AuthenticationCode2: "654321",
    }),
  );

  // carol: two active keys, an inline policy that passes any role to EC2.
  await send(new CreateUserCommand({ UserName: "carol" }));
  const key = await send(new CreateAccessKeyCommand({ UserName: "carol" }));
  await send(new CreateAccessKeyCommand({ UserName: "carol" }));
  await send(
    new PutUserPolicyCommand({
      UserName: "carol",
      PolicyName: "launch-anything",
      PolicyDocument: doc({ Sid: "PassAndRun", Effect: "Allow", Action: ["iam:PassRole", "ec2:RunInstances"], Resource: "*" }),
    }),
  );

  // dave: one key, made with the user and never used, then a console password with MFA (CIS 2.10);
  // a customer-managed policy that passes only lambda-* roles.
  await send(new CreateUserCommand({ UserName: "dave" }));
  await send(new CreateAccessKeyCommand({ UserName: "dave" }));
  await send(new CreateLoginProfileCommand({ UserName: "dave", Password: "Correct-Horse-Battery-9" }));
  const daveMfa = await send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "dave" }));
  await send(
    new EnableMFADeviceCommand({
      UserName: "dave",
      SerialNumber: daveMfa.VirtualMFADevice?.SerialNumber,
      AuthenticationCode1: "123456",
      AuthenticationCode2: "654321",
    }),
  );
  const scoped = await send(
    new CreatePolicyCommand({
      PolicyName: "ScopedPassRole",
      PolicyDocument: doc(
        { Effect: "Allow", Action: "iam:PassRole", Resource: `arn:aws:iam::${TEST_ACCOUNT}:role/lambda-*` },
        { Effect: "Allow", Action: ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource: "*" },
      ),
    }),
  );
  await send(new AttachUserPolicyCommand({ UserName: "dave", PolicyArn: scoped.Policy?.Arn }));

  // erin: may write inline policies on anyone.
  await send(new CreateUserCommand({ UserName: "erin" }));
  await send(
    new PutUserPolicyCommand({
      UserName: "erin",
      PolicyName: "policy-writer",
      PolicyDocument: doc({ Effect: "Allow", Action: "iam:Put*Policy", Resource: "*" }),
    }),
  );

  // Roles: trust to anyone, to the organization, to a vendor with and without ExternalId.
  await send(new CreateRoleCommand({ RoleName: "public-role", AssumeRolePolicyDocument: assume({ AWS: "*" }) }));
  await send(
    new CreateRoleCommand({
      RoleName: "org-role",
      AssumeRolePolicyDocument: assume({ AWS: "*" }, { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }),
    }),
  );
  await send(
    new CreateRoleCommand({ RoleName: "vendor-role", AssumeRolePolicyDocument: assume({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }) }),
  );
  await send(
    new CreateRoleCommand({
      RoleName: "vendor-ext-role",
      AssumeRolePolicyDocument: assume({ AWS: OTHER_ACCOUNT }, { Condition: { StringEquals: { "sts:ExternalId": "vendor-42" } } }),
    }),
  );
  await send(
    new CreateRoleCommand({ RoleName: "support-role", AssumeRolePolicyDocument: assume({ AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` }) }),
  );
  await send(new AttachRolePolicyCommand({ RoleName: "support-role", PolicyArn: aws("AWSSupportAccess") }));

  // deploy-role: a customer-managed policy granting * on *.
  await send(new CreateRoleCommand({ RoleName: "deploy-role", AssumeRolePolicyDocument: assume({ Service: "codebuild.amazonaws.com" }) }));
  const deployAdmin = await send(
    new CreatePolicyCommand({
      PolicyName: "DeployAdmin",
      PolicyDocument: doc({ Sid: "Everything", Effect: "Allow", Action: "*", Resource: "*" }),
    }),
  );
  await send(new AttachRolePolicyCommand({ RoleName: "deploy-role", PolicyArn: deployAdmin.Policy?.Arn }));

  // versioned-role: its policy was admin in v1; v2, the default, is narrow.
  await send(new CreateRoleCommand({ RoleName: "versioned-role", AssumeRolePolicyDocument: assume({ Service: "lambda.amazonaws.com" }) }));
  const versioned = await send(
    new CreatePolicyCommand({ PolicyName: "Versioned", PolicyDocument: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }),
  );
  await send(
    new CreatePolicyVersionCommand({
      PolicyArn: versioned.Policy?.Arn,
      PolicyDocument: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" }),
      SetAsDefault: true,
    }),
  );
  await send(new AttachRolePolicyCommand({ RoleName: "versioned-role", PolicyArn: versioned.Policy?.Arn }));

  // bounded-role: AdministratorAccess, limited by a read-only permissions boundary.
  await send(
    new CreateRoleCommand({
      RoleName: "bounded-role",
      AssumeRolePolicyDocument: assume({ Service: "ec2.amazonaws.com" }),
      PermissionsBoundary: aws("ReadOnlyAccess"),
    }),
  );
  await send(new AttachRolePolicyCommand({ RoleName: "bounded-role", PolicyArn: aws("AdministratorAccess") }));
  await send(
    new PutRolePolicyCommand({
      RoleName: "bounded-role",
      PolicyName: "tags",
      PolicyDocument: doc({ Effect: "Allow", Action: "ec2:CreateTags", Resource: "*" }),
    }),
  );

  // DataLakeAdmin: every S3 action on one bucket, attached to no one (FSBP IAM.21 judges it all the same).
  await send(
    new CreatePolicyCommand({
      PolicyName: "DataLakeAdmin",
      PolicyDocument: doc({
        Sid: "AllOfS3",
        Effect: "Allow",
        Action: "s3:*",
        Resource: ["arn:aws:s3:::data-lake", "arn:aws:s3:::data-lake/*"],
      }),
    }),
  );

  // A server certificate left in IAM: moto reports every certificate as expiring on 2012-05-08 (CIS 2.18 / IAM.26).
  await send(
    new UploadServerCertificateCommand({
      ServerCertificateName: "legacy-www",
      Path: "/cloudfront/",
      // moto parses neither: placeholders, no key material.
      CertificateBody: "placeholder certificate body",
      PrivateKey: "placeholder private key",
    }),
  );

  // vendor-ext-role also reads everything: the other account gets a copy of the data.
  await send(new AttachRolePolicyCommand({ RoleName: "vendor-ext-role", PolicyArn: aws("ReadOnlyAccess") }));
  // events-role: a service trust pinned to this account (no confused deputy), unlike deploy-role's and versioned-role's.
  await send(
    new CreateRoleCommand({
      RoleName: "events-role",
      AssumeRolePolicyDocument: assume(
        { Service: "events.amazonaws.com" },
        { Condition: { StringEquals: { "aws:SourceAccount": TEST_ACCOUNT } } },
      ),
    }),
  );
  // Federation: a SAML provider (as IAM Identity Center creates) and GitHub's OIDC provider; carol's and dave's keys are long-lived.
  await send(
    new CreateSAMLProviderCommand({
      Name: "AWSSSO_0123456789abcdef_DO_NOT_DELETE",
      // moto stores the metadata without parsing it.
      SAMLMetadataDocument: `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://portal.sso.example/saml">${" ".repeat(1000)}</EntityDescriptor>`,
    }),
  );
  await send(
    new CreateOpenIDConnectProviderCommand({
      Url: "https://token.actions.githubusercontent.com",
      ClientIDList: ["sts.amazonaws.com"],
      ThumbprintList: ["6938fd4d98bab03faadb97b34396831e3780aea1"],
    }),
  );

  // A service-linked role: AWS's, never reported.
  await send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "elasticbeanstalk.amazonaws.com" }));

  return { carolKey: { id: key.AccessKey?.AccessKeyId ?? "", secret: key.AccessKey?.SecretAccessKey ?? "" } };
}

export const USERS = ["alice", "bob", "carol", "dave", "erin"];
export const GROUPS = ["admins", "readers"];
export const ROLES = [
  "public-role",
  "org-role",
  "vendor-role",
  "vendor-ext-role",
  "support-role",
  "deploy-role",
  "versioned-role",
  "bounded-role",
  "events-role",
];
export const CUSTOMER_POLICIES = ["ScopedPassRole", "DeployAdmin", "Versioned", "DataLakeAdmin"];

/** The scenario the sample account (`yourside demo`) is made of. */
export async function seed(moto: MotoServer): Promise<void> {
  const iam = new IAMClient(moto.clientConfig());
  try {
    await seedIamScenario(iam);
  } finally {
    iam.destroy();
  }
}
