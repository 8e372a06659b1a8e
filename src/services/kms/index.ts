import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
  type KeyMetadata,
} from "@aws-sdk/client-kms";
import { kmsChecks } from "../../../checks/kms/index.js";
import { allPages, opt } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, itemSlices, topSlices } from "../define.js";
import { keyResource, pendingDeletion, rotationApplies, type KmsKey, type KmsKeyMetadata, type KmsRegionInventory } from "./inventory.js";

/** Page sizes: the largest each listing allows (ListKeys 1–1000, ListAliases 1–100). */
const PAGE = { keys: 1000, aliases: 100 };

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

export const toKeyMetadata = (m: KeyMetadata): KmsKeyMetadata => ({
  keyManager: m.KeyManager ?? "",
  keySpec: m.KeySpec ?? m.CustomerMasterKeySpec ?? "",
  keyUsage: m.KeyUsage ?? "",
  origin: m.Origin ?? "",
  keyState: m.KeyState ?? "",
  enabled: m.Enabled === true,
  ...opt("description", m.Description),
  ...opt("createdAt", iso(m.CreationDate)),
  ...opt("deletionDate", iso(m.DeletionDate)),
  ...opt("pendingDeletionWindowInDays", m.PendingDeletionWindowInDays),
  ...opt("customKeyStoreId", m.CustomKeyStoreId),
  multiRegion: m.MultiRegion === true,
  ...opt("multiRegionKeyType", m.MultiRegionConfiguration?.MultiRegionKeyType),
});

const describeKey = op("kms", "DescribeKey");

const region = topSlices<KmsRegionInventory>();

const keys = region("keys", {
  id: "kms.keys",
  description: "KMS keys and what DescribeKey says of each: manager, key spec, origin, state, deletion date",
  operations: [op("kms", "ListKeys"), describeKey],
  read: async (ctx) => {
    const client = ctx.client(KMSClient);
    const listed = await allPages(paginateListKeys({ client, pageSize: PAGE.keys }, {}), (page) => page.Keys);
    return Promise.all(
      listed.map(async (k): Promise<KmsKey> => {
        const keyId = k.KeyId ?? "";
        const arn = k.KeyArn ?? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`;
        // A key policy can deny DescribeKey to the scanner: that is this key's failure, not the listing's.
        const metadata = await ctx.attempt(
          describeKey,
          async () => {
            const out = await client.send(new DescribeKeyCommand({ KeyId: arn }));
            if (!out.KeyMetadata) throw Object.assign(new Error("DescribeKey returned no KeyMetadata"), { name: "NoKeyMetadata" });
            return toKeyMetadata(out.KeyMetadata);
          },
          arn,
        );
        return { keyId, arn, metadata };
      }),
    );
  },
  items: { resource: keyResource, name: (k) => k.arn },
});

const key = itemSlices(keys);

/**
 * Rotation status only for keys it can apply to: a key DescribeKey shows to be AWS managed (AWS
 * rotates those yearly, and nobody can change it), not symmetric with AWS_KMS material, in a custom
 * key store, or pending deletion is not asked about (null). A key whose DescribeKey failed is asked:
 * nothing says it does not apply.
 */
const keyRotation = key("rotation", {
  id: "kms.keyRotation",
  description: "whether automatic key rotation is on, for customer managed symmetric keys that can rotate",
  operations: [op("kms", "GetKeyRotationStatus")],
  absent: ["UnsupportedOperationException"],
  read: async (ctx, k) => {
    if (k.metadata.ok && (!rotationApplies(k.metadata.value) || pendingDeletion(k.metadata.value))) return null;
    const out = await ctx.client(KMSClient).send(new GetKeyRotationStatusCommand({ KeyId: k.arn }));
    return {
      enabled: out.KeyRotationEnabled === true,
      ...opt("rotationPeriodInDays", out.RotationPeriodInDays),
      ...opt("nextRotationDate", iso(out.NextRotationDate)),
      ...opt("onDemandRotationStartDate", iso(out.OnDemandRotationStartDate)),
    };
  },
});

/** The key policy of every key but those DescribeKey shows to be AWS managed (null: AWS writes those, pinned to the account). */
const keyPolicy = key("policy", {
  id: "kms.keyPolicy",
  description: "each customer managed key's key policy",
  operations: [op("kms", "GetKeyPolicy")],
  read: async (ctx, k) => {
    if (k.metadata.ok && k.metadata.value.keyManager === "AWS") return null;
    return (await ctx.client(KMSClient).send(new GetKeyPolicyCommand({ KeyId: k.arn, PolicyName: "default" }))).Policy ?? null;
  },
});

const aliases = region("aliases", {
  id: "kms.aliases",
  description: "aliases, to name keys in messages",
  operations: [op("kms", "ListAliases")],
  read: async (ctx) =>
    (await allPages(paginateListAliases({ client: ctx.client(KMSClient), pageSize: PAGE.aliases }, {}), (page) => page.Aliases)).map(
      (a) => ({ name: a.AliasName ?? "", ...opt("arn", a.AliasArn), ...opt("targetKeyId", a.TargetKeyId) }),
    ),
});

export default defineService({
  id: "kms",
  title: "AWS Key Management Service (KMS)",
  scope: "regional",
  model: "abstracted",
  clients: { kms: KMSClient },
  schemaType: "KmsInventory",
  slices: [keys, keyRotation, keyPolicy, aliases],
  checks: kmsChecks,
});
