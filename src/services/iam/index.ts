import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListServerCertificates,
  paginateListVirtualMFADevices,
  type GetAccountAuthorizationDetailsResponse,
} from "@aws-sdk/client-iam";
import { DescribeOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { iamChecks } from "../../../checks/iam/index.js";
import { op } from "../../inventory/common.js";
import { defineService, topSlices } from "../define.js";
import type { IamInventory, IamServerCertificate, IamVirtualMfaDevice } from "./inventory.js";
import { opt } from "../../collect/sdk.js";
import { iso, parseCredentialReport, toAuthorizationDetails, toPasswordPolicy } from "./shapes.js";

export class CredentialReportNotReadyError extends Error {
  override name = "CredentialReportNotReady";
}

/** About 30 s in all: AWS usually finishes a report within seconds. */
export const DEFAULT_REPORT_POLL_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 2000, 3000, 3000, 3000, 5000, 5000, 5000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// IAM in a fixed number of calls: nothing is fetched per user, group, role or policy.
const account = topSlices<IamInventory>();

const authorizationDetails = account("authorizationDetails", {
  id: "iam.authorizationDetails",
  description: "users, groups, roles, managed policies with their documents, inline policies and trust policies",
  operations: [op("iam", "GetAccountAuthorizationDetails")],
  read: async (ctx) => {
    const pages: GetAccountAuthorizationDetailsResponse[] = [];
    // 1000 is the API's largest page: the call count grows with the account only by whole pages.
    for await (const page of paginateGetAccountAuthorizationDetails({ client: ctx.client(IAMClient), pageSize: 1000 }, {}))
      pages.push(page);
    return toAuthorizationDetails(pages);
  },
});

const accountSummary = account("accountSummary", {
  id: "iam.accountSummary",
  description: "account summary: root MFA and root access keys",
  operations: [op("iam", "GetAccountSummary")],
  read: async (ctx) => {
    const map = (await ctx.client(IAMClient).send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
    return Object.fromEntries(Object.entries(map).filter((e): e is [string, number] => typeof e[1] === "number"));
  },
});

const passwordPolicy = account("passwordPolicy", {
  id: "iam.passwordPolicy",
  description: "account password policy",
  operations: [op("iam", "GetAccountPasswordPolicy")],
  absent: ["NoSuchEntity", "NoSuchEntityException"],
  read: async (ctx) => {
    const policy = (await ctx.client(IAMClient).send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
    return policy ? toPasswordPolicy(policy) : null;
  },
});

const generateCredentialReport = op("iam", "GenerateCredentialReport");

/** The credential report slice, polling GenerateCredentialReport with these waits (their number bounds the polls). */
export const credentialReportSlice = (delays: readonly number[]) =>
  account("credentialReport", {
    id: "iam.credentialReport",
    description: "credential report: passwords, MFA and access keys of every user and the root user",
    operations: [op("iam", "GetCredentialReport"), generateCredentialReport],
    read: async (ctx) => {
      const client = ctx.client(IAMClient);
      // Each poll is one call: waiting between polls holds no concurrency slot.
      for (let attempt = 0; ; attempt++) {
        const state = await ctx.calling(
          generateCredentialReport,
          async () => (await client.send(new GenerateCredentialReportCommand({}))).State,
        );
        if (state === "COMPLETE") break;
        const delay = delays[attempt];
        if (delay === undefined) {
          const notReady = `the credential report was still ${state ?? "not ready"} after ${attempt + 1} polls`;
          return ctx.calling(generateCredentialReport, () => Promise.reject(new CredentialReportNotReadyError(notReady)));
        }
        await sleep(delay);
      }
      const out = await client.send(new GetCredentialReportCommand({}));
      const csv = out.Content ? Buffer.from(out.Content).toString("utf8") : "";
      return { generatedAt: iso(out.GeneratedTime) ?? null, entries: parseCredentialReport(csv) };
    },
  });

const virtualMfaDevices = account("virtualMfaDevices", {
  id: "iam.virtualMfaDevices",
  description: "virtual MFA devices (tells virtual from hardware root MFA)",
  operations: [op("iam", "ListVirtualMFADevices")],
  read: async (ctx) => {
    const devices: IamVirtualMfaDevice[] = [];
    for await (const page of paginateListVirtualMFADevices(
      { client: ctx.client(IAMClient), pageSize: 1000 },
      { AssignmentStatus: "Any" },
    )) {
      for (const d of page.VirtualMFADevices ?? []) {
        devices.push({
          serialNumber: d.SerialNumber ?? "",
          ...opt("userArn", d.User?.Arn),
          ...opt("userName", d.User?.UserName || undefined),
          ...opt("enabledAt", iso(d.EnableDate)),
        });
      }
    }
    return devices;
  },
});

const serverCertificates = account("serverCertificates", {
  id: "iam.serverCertificates",
  description: "server certificates stored in IAM, with their expiry",
  operations: [op("iam", "ListServerCertificates")],
  read: async (ctx) => {
    const certificates: IamServerCertificate[] = [];
    // 1000 is the API's largest page (MaxItems).
    for await (const page of paginateListServerCertificates({ client: ctx.client(IAMClient), pageSize: 1000 }, {})) {
      for (const c of page.ServerCertificateMetadataList ?? []) {
        certificates.push({
          name: c.ServerCertificateName ?? "",
          id: c.ServerCertificateId ?? "",
          arn: c.Arn ?? "",
          path: c.Path ?? "/",
          ...opt("uploadedAt", iso(c.UploadDate)),
          ...opt("expiresAt", iso(c.Expiration)),
        });
      }
    }
    return certificates;
  },
});

// ---- federation and the organization ------------------------------------------------------------

const samlProviders = account("samlProviders", {
  id: "iam.samlProviders",
  description: "SAML identity providers",
  operations: [op("iam", "ListSAMLProviders")],
  read: async (ctx) =>
    ((await ctx.client(IAMClient).send(new ListSAMLProvidersCommand({}))).SAMLProviderList ?? []).map((p) => {
      const arn = p.Arn ?? "";
      return {
        arn,
        name: arn.slice(arn.lastIndexOf("/") + 1),
        ...opt("createdAt", iso(p.CreateDate)),
        ...opt("validUntil", iso(p.ValidUntil)),
      };
    }),
});

const oidcProviders = account("oidcProviders", {
  id: "iam.oidcProviders",
  description: "OpenID Connect identity providers",
  operations: [op("iam", "ListOpenIDConnectProviders")],
  read: async (ctx) =>
    ((await ctx.client(IAMClient).send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []).map((p) => {
      const arn = p.Arn ?? "";
      const marker = ":oidc-provider/";
      return { arn, url: arn.includes(marker) ? arn.slice(arn.indexOf(marker) + marker.length) : arn };
    }),
});

const organization = account("organization", {
  id: "iam.organization",
  description: "the AWS Organizations organization the account belongs to (its id and management account)",
  operations: [op("organizations", "DescribeOrganization")],
  absent: ["AWSOrganizationsNotInUseException"],
  read: async (ctx) => {
    const org = (await ctx.client(OrganizationsClient).send(new DescribeOrganizationCommand({}))).Organization;
    if (!org?.Id) return null;
    return {
      id: org.Id,
      ...opt("arn", org.Arn),
      ...opt("managementAccountId", org.MasterAccountId),
      ...opt("featureSet", org.FeatureSet),
    };
  },
});

export default defineService({
  id: "iam",
  title: "AWS Identity and Access Management",
  scope: "global",
  model: "abstracted",
  clients: { iam: IAMClient, organizations: OrganizationsClient },
  schemaType: "IamInventory",
  slices: [
    authorizationDetails,
    accountSummary,
    passwordPolicy,
    credentialReportSlice(DEFAULT_REPORT_POLL_DELAYS_MS),
    virtualMfaDevices,
    serverCertificates,
    samlProviders,
    oidcProviders,
    organization,
  ],
  checks: iamChecks,
  tags: {
    of: (data) =>
      data.authorizationDetails?.ok
        ? [...data.authorizationDetails.value.users, ...data.authorizationDetails.value.roles].flatMap((p) =>
            p.tags ? [[p.arn, p.tags] as const] : [],
          )
        : [],
  },
});
