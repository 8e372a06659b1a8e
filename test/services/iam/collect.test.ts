import { readFileSync } from "node:fs";
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  IAMServiceException,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  ListServerCertificatesCommand,
  ListVirtualMFADevicesCommand,
  NoSuchEntityException,
} from "@aws-sdk/client-iam";
import { DescribeOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { AwsSession } from "../../../src/aws/session.js";
import type { CollectContext } from "../../../src/collect/context.js";
import type { SliceId } from "../../../src/inventory/index.js";
import iamService, { credentialReportSlice } from "../../../src/services/iam/index.js";
import type { IamInventory } from "../../../src/services/iam/inventory.js";
import { parseCredentialReport } from "../../../src/services/iam/shapes.js";
import { allSlicesOf, awsError, collect, testContext } from "../../support/collect.js";

const iam = mockClient(IAMClient);
const organizations = mockClient(OrganizationsClient);
const ACCOUNT = "123456789012";
const REPORT_CSV = readFileSync(new URL("./credential-report.csv", import.meta.url), "utf8");
const enc = (o: unknown) => encodeURIComponent(JSON.stringify(o));
const ADMIN_DOC = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

const session = new AwsSession({
  credentials: () => Promise.resolve({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }),
  homeRegion: "us-east-1",
});
afterAll(() => session.destroy());

const context = (slices: readonly SliceId[] = allSlicesOf(iamService)): CollectContext => testContext(slices, ["us-east-1"], session);
/** The IAM service with the credential report polled without waiting. */
const quickIam = {
  ...iamService,
  slices: iamService.slices.map((s) => (s.id === "iam.credentialReport" ? credentialReportSlice([0, 0, 0]) : s)),
};
const collector = { collect: (ctx: CollectContext): Promise<IamInventory> => collect(quickIam, ctx) };
const accessDenied = (op: string) =>
  new IAMServiceException({
    name: "AccessDenied",
    $fault: "client",
    $metadata: { httpStatusCode: 403 },
    message: `not authorized to perform: iam:${op}`,
  });

function happyPath(): void {
  iam.on(GetAccountAuthorizationDetailsCommand, { Marker: undefined }).resolves({
    IsTruncated: true,
    Marker: "page-2",
    UserDetailList: [
      {
        UserName: "alice",
        UserId: "AIDA1",
        Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
        Path: "/",
        CreateDate: new Date("2024-01-02T03:04:05Z"),
        GroupList: ["admins"],
        UserPolicyList: [
          {
            PolicyName: "inl",
            PolicyDocument: enc({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }),
          },
        ],
        AttachedManagedPolicies: [],
        PermissionsBoundary: {
          PermissionsBoundaryType: "PermissionsBoundaryPolicy",
          PermissionsBoundaryArn: "arn:aws:iam::aws:policy/PowerUserAccess",
        },
      },
    ],
    GroupDetailList: [
      {
        GroupName: "admins",
        GroupId: "AGPA1",
        Arn: `arn:aws:iam::${ACCOUNT}:group/admins`,
        Path: "/",
        GroupPolicyList: [],
        AttachedManagedPolicies: [{ PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }],
      },
    ],
    Policies: [
      // As moto sends them: no PolicyName / PolicyId, every AWS-managed policy listed.
      {
        Arn: "arn:aws:iam::aws:policy/AdministratorAccess",
        Path: "/",
        DefaultVersionId: "v2",
        AttachmentCount: 1,
        PolicyVersionList: [
          { VersionId: "v1", IsDefaultVersion: false, Document: enc({ Statement: [] }) },
          { VersionId: "v2", IsDefaultVersion: true, Document: enc(ADMIN_DOC) },
        ],
      },
      {
        Arn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
        Path: "/",
        DefaultVersionId: "v1",
        AttachmentCount: 0,
        PolicyVersionList: [{ VersionId: "v1", IsDefaultVersion: true, Document: enc(ADMIN_DOC) }],
      },
      {
        Arn: "arn:aws:iam::aws:policy/PowerUserAccess",
        Path: "/",
        DefaultVersionId: "v1",
        AttachmentCount: 0,
        PolicyVersionList: [{ VersionId: "v1", IsDefaultVersion: true, Document: enc(ADMIN_DOC) }],
      },
    ],
  });
  iam.on(GetAccountAuthorizationDetailsCommand, { Marker: "page-2" }).resolves({
    IsTruncated: false,
    RoleDetailList: [
      {
        RoleName: "deploy",
        RoleId: "AROA1",
        Arn: `arn:aws:iam::${ACCOUNT}:role/deploy`,
        Path: "/",
        // moto sends the trust policy as plain JSON (AWS URL-encodes it).
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }],
        }),
        RolePolicyList: [],
        AttachedManagedPolicies: [{ PolicyName: "deploy", PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/deploy` }],
        InstanceProfileList: [
          {
            InstanceProfileName: "deploy",
            InstanceProfileId: "AIPA1",
            Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/deploy`,
            Path: "/",
            Roles: [],
            CreateDate: new Date(),
          },
        ],
        RoleLastUsed: { LastUsedDate: new Date("2026-01-01T00:00:00Z"), Region: "eu-west-1" },
      },
    ],
    Policies: [
      {
        PolicyName: "deploy",
        PolicyId: "ANPA1",
        Arn: `arn:aws:iam::${ACCOUNT}:policy/deploy`,
        Path: "/",
        DefaultVersionId: "v2",
        AttachmentCount: 1,
        PolicyVersionList: [
          { VersionId: "v1", IsDefaultVersion: false, Document: enc(ADMIN_DOC) },
          {
            VersionId: "v2",
            IsDefaultVersion: true,
            Document: enc({ Statement: [{ Effect: "Allow", Action: "ec2:Describe*", Resource: "*" }] }),
          },
        ],
      },
    ],
  });
  iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 1 } });
  iam
    .on(GetAccountPasswordPolicyCommand)
    .resolves({ PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true, ExpirePasswords: false } });
  iam
    .on(GenerateCredentialReportCommand)
    .resolvesOnce({ State: "STARTED" })
    .resolvesOnce({ State: "INPROGRESS" })
    .resolves({ State: "COMPLETE" });
  iam
    .on(GetCredentialReportCommand)
    .resolves({ Content: new TextEncoder().encode(REPORT_CSV), ReportFormat: "text/csv", GeneratedTime: new Date("2026-06-30T10:00:00Z") });
  iam.on(ListVirtualMFADevicesCommand, { AssignmentStatus: "Any", MaxItems: 1000 }).resolves({
    IsTruncated: true,
    Marker: "m2",
    VirtualMFADevices: [
      {
        SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`,
        User: { Arn: `arn:aws:iam::${ACCOUNT}:root`, UserName: "", UserId: ACCOUNT, Path: "/", CreateDate: new Date() },
        EnableDate: new Date("2025-01-01T00:00:00Z"),
      },
    ],
  });
  iam.on(ListVirtualMFADevicesCommand, { AssignmentStatus: "Any", MaxItems: 1000, Marker: "m2" }).resolves({
    IsTruncated: false,
    VirtualMFADevices: [{ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/spare` }],
  });
  iam.on(ListServerCertificatesCommand, { MaxItems: 1000 }).resolves({
    IsTruncated: true,
    Marker: "c2",
    ServerCertificateMetadataList: [
      {
        ServerCertificateName: "www",
        ServerCertificateId: "ASCAWWW",
        Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/www`,
        Path: "/",
        UploadDate: new Date("2025-01-01T00:00:00Z"),
        Expiration: new Date("2026-01-01T00:00:00Z"),
      },
    ],
  });
  iam.on(ListServerCertificatesCommand, { MaxItems: 1000, Marker: "c2" }).resolves({
    IsTruncated: false,
    ServerCertificateMetadataList: [
      {
        ServerCertificateName: "cdn",
        ServerCertificateId: "ASCACDN",
        Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/cloudfront/cdn`,
        Path: "/cloudfront/",
      },
    ],
  });
  iam.on(ListSAMLProvidersCommand).resolves({
    SAMLProviderList: [
      {
        Arn: `arn:aws:iam::${ACCOUNT}:saml-provider/AWSSSO_abc_DO_NOT_DELETE`,
        CreateDate: new Date("2025-01-01T00:00:00Z"),
        ValidUntil: new Date("2125-01-01T00:00:00Z"),
      },
    ],
  });
  iam.on(ListOpenIDConnectProvidersCommand).resolves({
    OpenIDConnectProviderList: [{ Arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` }],
  });
  organizations.on(DescribeOrganizationCommand).rejects(awsError("AWSOrganizationsNotInUseException"));
}

const calls = (command: Parameters<typeof iam.commandCalls>[0]) => iam.commandCalls(command).length;

beforeEach(() => {
  iam.reset();
  organizations.reset();
});

describe("iam collector", () => {
  it("collects every slice in a fixed number of calls", async () => {
    happyPath();
    const ctx = context();
    const inv: IamInventory = await collector.collect(ctx);
    expect(ctx.errors).toEqual([]);
    expect({
      details: calls(GetAccountAuthorizationDetailsCommand),
      summary: calls(GetAccountSummaryCommand),
      passwordPolicy: calls(GetAccountPasswordPolicyCommand),
      generate: calls(GenerateCredentialReportCommand),
      report: calls(GetCredentialReportCommand),
      mfa: calls(ListVirtualMFADevicesCommand),
      saml: calls(ListSAMLProvidersCommand),
      oidc: calls(ListOpenIDConnectProvidersCommand),
      organization: organizations.commandCalls(DescribeOrganizationCommand).length,
    }).toEqual({ details: 2, summary: 1, passwordPolicy: 1, generate: 3, report: 1, mfa: 2, saml: 1, oidc: 1, organization: 1 });
    expect(iam.commandCalls(GetAccountAuthorizationDetailsCommand)[0]?.args[0].input).toMatchObject({ MaxItems: 1000 });

    expect(inv.accountSummary).toEqual({ ok: true, value: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 1 } });
    expect(inv.passwordPolicy).toEqual({
      ok: true,
      value: {
        minimumLength: 14,
        reusePrevention: 24,
        requireSymbols: true,
        requireNumbers: false,
        requireUppercase: false,
        requireLowercase: false,
        allowUsersToChange: false,
        expirePasswords: false,
      },
    });
    expect(inv.virtualMfaDevices).toEqual({
      ok: true,
      value: [
        {
          serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`,
          userArn: `arn:aws:iam::${ACCOUNT}:root`,
          enabledAt: "2025-01-01T00:00:00.000Z",
        },
        { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/spare` },
      ],
    });
    expect(inv.samlProviders).toEqual({
      ok: true,
      value: [
        {
          arn: `arn:aws:iam::${ACCOUNT}:saml-provider/AWSSSO_abc_DO_NOT_DELETE`,
          name: "AWSSSO_abc_DO_NOT_DELETE",
          createdAt: "2025-01-01T00:00:00.000Z",
          validUntil: "2125-01-01T00:00:00.000Z",
        },
      ],
    });
    expect(inv.oidcProviders).toEqual({
      ok: true,
      value: [
        { arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`, url: "token.actions.githubusercontent.com" },
      ],
    });
    // Not in an organization: a fact, not an error.
    expect(inv.organization).toEqual({ ok: true, value: null });
  });

  it("reads the organization the account belongs to", async () => {
    organizations.on(DescribeOrganizationCommand).resolves({
      Organization: {
        Id: "o-abc123",
        Arn: "arn:aws:organizations::111111111111:organization/o-abc123",
        MasterAccountId: "111111111111",
        FeatureSet: "ALL",
      },
    });
    const ctx = context(["iam.organization"]);
    const inv = await collector.collect(ctx);
    expect(inv.organization).toEqual({
      ok: true,
      value: {
        id: "o-abc123",
        arn: "arn:aws:organizations::111111111111:organization/o-abc123",
        managementAccountId: "111111111111",
        featureSet: "ALL",
      },
    });
    expect(calls(ListSAMLProvidersCommand)).toBe(0);
    expect(ctx.errors).toEqual([]);
  });

  it("lists server certificates over every page, keeping their expiry", async () => {
    happyPath();
    const inv = await collector.collect(context(["iam.serverCertificates"]));
    expect(calls(ListServerCertificatesCommand)).toBe(2);
    expect(inv.serverCertificates).toEqual({
      ok: true,
      value: [
        {
          name: "www",
          id: "ASCAWWW",
          arn: `arn:aws:iam::${ACCOUNT}:server-certificate/www`,
          path: "/",
          uploadedAt: "2025-01-01T00:00:00.000Z",
          expiresAt: "2026-01-01T00:00:00.000Z",
        },
        // No dates given: none invented.
        { name: "cdn", id: "ASCACDN", arn: `arn:aws:iam::${ACCOUNT}:server-certificate/cloudfront/cdn`, path: "/cloudfront/" },
      ],
    });
  });

  it("merges authorization-details pages and decodes every document once", async () => {
    happyPath();
    const inv = await collector.collect(context(["iam.authorizationDetails"]));
    if (!inv.authorizationDetails?.ok) throw new Error("authorization details not read");
    const d = inv.authorizationDetails.value;
    expect(d.users.map((u) => u.name)).toEqual(["alice"]);
    expect(d.roles.map((r) => r.name)).toEqual(["deploy"]);
    expect(d.users[0]).toMatchObject({
      createdAt: "2024-01-02T03:04:05.000Z",
      groups: ["admins"],
      inlinePolicies: [
        { name: "inl", document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' },
      ],
      permissionsBoundaryArn: "arn:aws:iam::aws:policy/PowerUserAccess",
    });
    expect(d.groups[0]?.attachedPolicies).toEqual([{ arn: "arn:aws:iam::aws:policy/AdministratorAccess", name: "AdministratorAccess" }]);
    expect(JSON.parse(d.roles[0]!.trustPolicy!)).toMatchObject({ Statement: [{ Principal: { AWS: "*" } }] });
    expect(d.roles[0]).toMatchObject({
      lastUsedAt: "2026-01-01T00:00:00.000Z",
      lastUsedRegion: "eu-west-1",
      instanceProfiles: [`arn:aws:iam::${ACCOUNT}:instance-profile/deploy`],
    });
  });

  it("keeps customer-managed policies whole, AWS-managed ones only when used, and names policies from their ARN", async () => {
    happyPath();
    const inv = await collector.collect(context(["iam.authorizationDetails"]));
    if (!inv.authorizationDetails?.ok) throw new Error("authorization details not read");
    const policies = inv.authorizationDetails.value.policies;
    expect(policies.map((p) => [p.name, p.awsManaged, p.versions.map((v) => v.versionId)])).toEqual([
      ["AdministratorAccess", true, ["v2"]],
      ["PowerUserAccess", true, ["v1"]], // a permissions boundary counts as use
      ["deploy", false, ["v1", "v2"]],
    ]);
    expect(JSON.parse(policies[0]!.versions[0]!.document)).toEqual(ADMIN_DOC);
  });

  it("reads no password policy (NoSuchEntity) as a fact, not an error", async () => {
    iam
      .on(GetAccountPasswordPolicyCommand)
      .rejects(new NoSuchEntityException({ message: "The Password Policy with domain name 123456789012 cannot be found.", $metadata: {} }));
    const ctx = context(["iam.passwordPolicy"]);
    const inv = await collector.collect(ctx);
    expect(inv.passwordPolicy).toEqual({ ok: true, value: null });
    expect(ctx.errors).toEqual([]);
  });

  it("records AccessDenied as data and keeps collecting the rest", async () => {
    happyPath();
    iam.on(GetAccountSummaryCommand).rejects(accessDenied("GetAccountSummary"));
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(accessDenied("GetAccountAuthorizationDetails"));
    const ctx = context();
    const inv = await collector.collect(ctx);
    expect(inv.accountSummary).toMatchObject({
      ok: false,
      error: { service: "iam", region: "us-east-1", operation: "GetAccountSummary", code: "AccessDenied" },
    });
    expect(inv.authorizationDetails).toMatchObject({
      ok: false,
      error: { operation: "GetAccountAuthorizationDetails", code: "AccessDenied" },
    });
    expect(ctx.errors.map((e) => `${e.operation}:${e.code}`).sort()).toEqual([
      "GetAccountAuthorizationDetails:AccessDenied",
      "GetAccountSummary:AccessDenied",
    ]);
    expect(inv.passwordPolicy?.ok).toBe(true);
    expect(inv.credentialReport?.ok).toBe(true);
  });

  it("gives up on a credential report that never completes, after a bounded number of polls", async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: "INPROGRESS" });
    const ctx = context(["iam.credentialReport"]);
    const inv = await collector.collect(ctx);
    expect(calls(GenerateCredentialReportCommand)).toBe(4); // 1 + one per configured delay
    expect(calls(GetCredentialReportCommand)).toBe(0);
    expect(inv.credentialReport).toMatchObject({
      ok: false,
      error: { operation: "GenerateCredentialReport", code: "CredentialReportNotReady" },
    });
    expect(ctx.errors).toHaveLength(1);
  });

  it("records a malformed credential report as a failed read", async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: "COMPLETE" });
    iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode("something,else\n1,2\n") });
    const ctx = context(["iam.credentialReport"]);
    const inv = await collector.collect(ctx);
    expect(inv.credentialReport).toMatchObject({
      ok: false,
      error: { operation: "GetCredentialReport", code: "CredentialReportFormatError" },
    });
  });

  it("reads only the slices the checks need", async () => {
    happyPath();
    const inv = await collector.collect(context(["iam.accountSummary"]));
    expect(Object.keys(inv)).toEqual(["accountSummary"]);
    expect(iam.calls().map((c) => c.args[0].constructor.name)).toEqual(["GetAccountSummaryCommand"]);
  });
});

describe("credential report parsing", () => {
  const entries = parseCredentialReport(REPORT_CSV);

  it("keeps the <root_account> row", () => {
    expect(entries[0]).toEqual({
      user: "<root_account>",
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      isRoot: true,
      createdAt: "2019-05-01T10:00:00.000Z",
      passwordEnabled: null,
      passwordLastUsed: "2026-06-20T08:15:00.000Z",
      passwordLastChanged: null,
      mfaActive: true,
      accessKeys: [
        { slot: 1, active: false, lastRotated: null, lastUsed: null, lastUsedRegion: null, lastUsedService: null },
        { slot: 2, active: false, lastRotated: null, lastUsed: null, lastUsedRegion: null, lastUsedService: null },
      ],
      certificates: [
        { slot: 1, active: false, lastRotated: null },
        { slot: 2, active: false, lastRotated: null },
      ],
    });
  });

  it("reads users' passwords, MFA and keys, turning N/A and no_information into null", () => {
    const alice = entries.find((e) => e.user === "alice")!;
    expect(alice).toMatchObject({
      isRoot: false,
      passwordEnabled: true,
      passwordLastUsed: null,
      passwordLastChanged: "2026-01-10T09:00:00.000Z",
      mfaActive: false,
    });
    expect(alice.accessKeys[0]).toEqual({
      slot: 1,
      active: true,
      lastRotated: "2025-11-01T12:00:00.000Z",
      lastUsed: "2026-06-29T07:00:00.000Z",
      lastUsedRegion: "us-east-1",
      lastUsedService: "s3",
    });
    const bob = entries.find((e) => e.user === "bob")!;
    expect(bob).toMatchObject({ passwordEnabled: false, mfaActive: false });
    expect(bob.accessKeys.map((k) => k.active)).toEqual([true, true]);
  });
});
