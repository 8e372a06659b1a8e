import type { Inventory } from "../../src/inventory/index.js";
import { SERVICES } from "../../src/services/index.js";
import type { Analyzer } from "../../src/services/accessanalyzer/inventory.js";
import type { Ec2RegionInventory } from "../../src/services/ec2/inventory.js";
import type { CredentialReportEntry } from "../../src/services/iam/inventory.js";
import type { KmsRegionInventory } from "../../src/services/kms/inventory.js";
import type { MotoServer } from "./moto.js";

interface ScenarioModule {
  seed(moto: MotoServer): Promise<unknown>;
}

/** The sample account behind `yourside demo`: every service's scenario (`test/services/<id>/scenario.ts`) in registry order. */
export async function seedDemoAccount(moto: MotoServer): Promise<void> {
  for (const service of SERVICES) {
    const scenario = (await import(`../services/${service.id}/scenario.ts`)) as ScenarioModule;
    await scenario.seed(moto);
  }
}

const DAY_MS = 86_400_000;

/**
 * moto's credential report has no `<root_account>` row, which AWS always includes (the scanner
 * rightly reports its absence as ERROR). The sample account gets the row a real account would
 * show: root without MFA, signed in three days before the scan, no access keys.
 */
export function withSampleRootRow(inventory: Inventory): Inventory {
  const report = inventory.iam?.credentialReport;
  if (!report?.ok || report.value.entries.some((e) => e.isRoot)) return inventory;
  const at = (daysBefore: number) => new Date(Date.parse(inventory.collectedAt) - daysBefore * DAY_MS).toISOString();
  const noKey = (slot: number) => ({ slot, active: false, lastRotated: null, lastUsed: null, lastUsedRegion: null, lastUsedService: null });
  const root: CredentialReportEntry = {
    user: "<root_account>",
    arn: `arn:${inventory.partition}:iam::${inventory.accountId}:root`,
    isRoot: true,
    createdAt: at(900),
    passwordEnabled: null,
    passwordLastUsed: at(3),
    passwordLastChanged: null,
    mfaActive: false,
    accessKeys: [noKey(1), noKey(2)],
    certificates: [
      { slot: 1, active: false, lastRotated: null },
      { slot: 2, active: false, lastRotated: null },
    ],
  };
  return {
    ...inventory,
    iam: { ...inventory.iam, credentialReport: { ok: true, value: { ...report.value, entries: [root, ...report.value.entries] } } },
  };
}

/**
 * moto makes every KMS key customer managed, even the one it creates as `alias/aws/ebs` for EBS
 * default encryption, which AWS would make (and report as) an AWS managed key. Customers cannot
 * create `alias/aws/` aliases, so the sample account shows each such key as a real account would:
 * KeyManager AWS, and neither its rotation status nor its policy asked for.
 */
export function withAwsManagedKeys(inventory: Inventory): Inventory {
  const kms = inventory.kms;
  if (!kms) return inventory;
  const regions = Object.fromEntries(
    Object.entries(kms.regions).map(([region, data]): [string, KmsRegionInventory] => {
      const { keys, aliases } = data;
      if (!keys?.ok || !aliases?.ok) return [region, data];
      const awsOwned = new Set(
        aliases.value.filter((a) => a.name.startsWith("alias/aws/")).flatMap((a) => (a.targetKeyId ? [a.targetKeyId] : [])),
      );
      const value = keys.value.map((key) =>
        awsOwned.has(key.keyId) && key.metadata.ok
          ? {
              ...key,
              metadata: { ok: true as const, value: { ...key.metadata.value, keyManager: "AWS" } },
              ...(key.rotation ? { rotation: { ok: true as const, value: null } } : {}),
              ...(key.policy ? { policy: { ok: true as const, value: null } } : {}),
            }
          : key,
      );
      return [region, { ...data, keys: { ok: true, value } }];
    }),
  );
  return { ...inventory, kms: { regions } };
}

/** What the sample account shows for IAM Access Analyzer in each region moto could not answer for. */
const SAMPLE_ANALYZERS: Record<string, (inv: Inventory, region: string) => Analyzer[]> = {
  // An active external access analyzer: accessanalyzer-enabled passes here.
  "us-east-1": (inv, region) => [
    {
      name: "external-access",
      arn: `arn:${inv.partition}:access-analyzer:${region}:${inv.accountId}:analyzer/external-access`,
      type: "ACCOUNT",
      status: "ACTIVE",
      createdAt: new Date(Date.parse(inv.collectedAt) - 400 * DAY_MS).toISOString(),
    },
  ],
  // Only an unused-access analyzer, which does not look for external access: it fails here.
  "eu-west-1": (inv, region) => [
    {
      name: "unused-access",
      arn: `arn:${inv.partition}:access-analyzer:${region}:${inv.accountId}:analyzer/unused-access`,
      type: "ACCOUNT_UNUSED_ACCESS",
      status: "ACTIVE",
      createdAt: new Date(Date.parse(inv.collectedAt) - 30 * DAY_MS).toISOString(),
    },
  ],
};

/**
 * moto 5.2.5 does not implement IAM Access Analyzer: it answers every ListAnalyzers with HTTP 500
 * and an HTML page (test/services/accessanalyzer/scenario.ts), so a scan of moto reports
 * accessanalyzer-enabled as ERROR in every region and is incomplete (exit 3). The sample account gets,
 * in each region where ListAnalyzers failed with HTTP500, the analyzers a real account might list
 * (SAMPLE_ANALYZERS), and those failed calls leave the inventory's error list. A region whose
 * ListAnalyzers succeeded, or failed in any other way, is left as it was read.
 */
export function withSampleAccessAnalyzer(inventory: Inventory): Inventory {
  const regions = inventory.accessanalyzer?.regions;
  if (!regions) return inventory;
  const patched = new Set<string>();
  const next = Object.fromEntries(
    Object.entries(regions).map(([region, data]) => {
      const read = data.analyzers;
      const sample = SAMPLE_ANALYZERS[region];
      if (!sample || !read || read.ok || read.error.code !== "HTTP500") return [region, data];
      patched.add(region);
      return [region, { ...data, analyzers: { ok: true as const, value: sample(inventory, region) } }];
    }),
  );
  return {
    ...inventory,
    errors: inventory.errors.filter(
      (e) => !(e.service === "access-analyzer" && e.operation === "ListAnalyzers" && e.code === "HTTP500" && patched.has(e.region)),
    ),
    accessanalyzer: { ...inventory.accessanalyzer, regions: next },
  };
}

/** The EC2 account-level defaults moto 5.2.5 does not implement, as the sample account shows them. */
const SAMPLE_EC2_DEFAULTS: Record<
  string,
  Required<Pick<Ec2RegionInventory, "snapshotBlockPublicAccess" | "imageBlockPublicAccess" | "instanceMetadataDefaults">>
> = {
  // The home region is hardened: every setting on.
  "us-east-1": {
    snapshotBlockPublicAccess: { ok: true, value: { state: "block-all-sharing", managedBy: "account" } },
    imageBlockPublicAccess: { ok: true, value: { state: "block-new-sharing", managedBy: "account" } },
    instanceMetadataDefaults: { ok: true, value: { httpTokens: "required", httpPutResponseHopLimit: 2, managedBy: "account" } },
  },
  // The other region was never looked at: nothing set.
  "eu-west-1": {
    snapshotBlockPublicAccess: { ok: true, value: { state: "unblocked", managedBy: "account" } },
    imageBlockPublicAccess: { ok: true, value: { state: "unblocked", managedBy: "account" } },
    instanceMetadataDefaults: { ok: true, value: {} },
  },
};

const EC2_DEFAULT_OPERATIONS: Record<keyof (typeof SAMPLE_EC2_DEFAULTS)[string], string> = {
  snapshotBlockPublicAccess: "GetSnapshotBlockPublicAccessState",
  imageBlockPublicAccess: "GetImageBlockPublicAccessState",
  instanceMetadataDefaults: "GetInstanceMetadataDefaults",
};

/**
 * moto 5.2.5 answers GetSnapshotBlockPublicAccessState, GetImageBlockPublicAccessState and
 * GetInstanceMetadataDefaults with HTTP 500 (test/services/ec2/e2e.test.ts). The sample account gets,
 * where one of them failed with HTTP500, the setting a real account might have (SAMPLE_EC2_DEFAULTS),
 * and that failed call leaves the inventory's error list; any other answer is left as it was read.
 */
export function withSampleEc2AccountDefaults(inventory: Inventory): Inventory {
  const regions = inventory.ec2?.regions;
  if (!regions) return inventory;
  const patched = new Set<string>();
  const next = Object.fromEntries(
    Object.entries(regions).map(([region, data]) => {
      const sample = SAMPLE_EC2_DEFAULTS[region];
      if (!sample) return [region, data];
      const out: Ec2RegionInventory = { ...data };
      for (const field of Object.keys(EC2_DEFAULT_OPERATIONS) as (keyof typeof EC2_DEFAULT_OPERATIONS)[]) {
        const read = data[field];
        if (!read || read.ok || read.error.code !== "HTTP500") continue;
        Object.assign(out, { [field]: sample[field] });
        patched.add(`${region} ${EC2_DEFAULT_OPERATIONS[field]}`);
      }
      return [region, out];
    }),
  );
  return {
    ...inventory,
    errors: inventory.errors.filter((e) => !(e.service === "ec2" && e.code === "HTTP500" && patched.has(`${e.region} ${e.operation}`))),
    ec2: { ...inventory.ec2, regions: next },
  };
}
