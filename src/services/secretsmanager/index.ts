import { GetResourcePolicyCommand, paginateListSecrets, SecretsManagerClient, type SecretListEntry } from "@aws-sdk/client-secrets-manager";
import { secretsManagerChecks } from "../../../checks/secretsmanager/index.js";
import { allPages, opt, tagsOf } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, itemSlices, topSlices } from "../define.js";
import { secretResource, type Secret, type SecretsManagerRegionInventory } from "./inventory.js";

/** ListSecrets allows 1 to 100. */
const PAGE = 100;

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

export function toSecret(s: SecretListEntry, scope: { partition: string; region: string; accountId: string }): Secret {
  const name = s.Name ?? "";
  const r = s.RotationRules;
  const rules = r
    ? {
        ...opt("automaticallyAfterDays", r.AutomaticallyAfterDays),
        ...opt("scheduleExpression", r.ScheduleExpression),
        ...opt("duration", r.Duration),
      }
    : undefined;
  return {
    name,
    arn: s.ARN ?? `arn:${scope.partition}:secretsmanager:${scope.region}:${scope.accountId}:secret:${name}`,
    ...opt("description", s.Description),
    ...opt("kmsKeyId", s.KmsKeyId),
    rotationEnabled: s.RotationEnabled === true,
    ...opt("rotationLambdaArn", s.RotationLambdaARN),
    ...(rules && Object.keys(rules).length ? { rotationRules: rules } : {}),
    ...opt("lastRotatedDate", iso(s.LastRotatedDate)),
    ...opt("nextRotationDate", iso(s.NextRotationDate)),
    ...opt("lastChangedDate", iso(s.LastChangedDate)),
    ...opt("lastAccessedDate", iso(s.LastAccessedDate)),
    ...opt("createdDate", iso(s.CreatedDate)),
    ...opt("owningService", s.OwningService),
    ...opt("primaryRegion", s.PrimaryRegion),
    ...tagsOf(s.Tags),
  };
}

const region = topSlices<SecretsManagerRegionInventory>();

const secrets = region("secrets", {
  id: "secretsmanager.secrets",
  description: "secrets and their rotation settings and dates (ListSecrets; never their values)",
  operations: [op("secretsmanager", "ListSecrets")],
  read: (ctx) =>
    allPages(paginateListSecrets({ client: ctx.client(SecretsManagerClient), pageSize: PAGE }, {}), (page) =>
      page.SecretList?.map((s) => toSecret(s, ctx)),
    ),
  items: { resource: secretResource, name: (s) => s.arn },
});

const resourcePolicy = itemSlices(secrets)("resourcePolicy", {
  id: "secretsmanager.resourcePolicy",
  description: "each secret's resource policy",
  operations: [op("secretsmanager", "GetResourcePolicy")],
  // Deleted between the listing and this call.
  absent: ["ResourceNotFoundException"],
  read: async (ctx, secret) =>
    (await ctx.client(SecretsManagerClient).send(new GetResourcePolicyCommand({ SecretId: secret.arn }))).ResourcePolicy ?? null,
});

export default defineService({
  id: "secretsmanager",
  title: "AWS Secrets Manager",
  scope: "regional",
  model: "abstracted",
  clients: { secretsmanager: SecretsManagerClient },
  schemaType: "SecretsManagerInventory",
  slices: [secrets, resourcePolicy],
  checks: secretsManagerChecks,
  tags: {
    of: (data) =>
      Object.values(data.regions).flatMap((r) =>
        r.secrets?.ok ? r.secrets.value.flatMap((s) => (s.tags ? [[s.arn, s.tags] as const] : [])) : [],
      ),
  },
});
