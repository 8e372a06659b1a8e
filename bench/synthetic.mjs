// Synthetic inventory snapshots of a large account, made from the bundled sample account
// (src/demo/sample-account.snapshot.json) by replicating its resources to N in all:
//
//   S3 buckets 40%, IAM users 20%, IAM roles 10%, EC2 security groups 15% (the mix of issue 13),
//   and the remaining 15% spread over every other kind of resource in proportion to how many the
//   sample account has of it: IAM groups and managed policies, EC2 network interfaces, network
//   ACLs, instances, volumes, snapshots, AMIs, VPCs, KMS keys, RDS instances, clusters and their
//   snapshots, EFS file systems.
//
// A kind keeps its originals and gets copies round-robin until it has its share; a copy is its
// original with a distinct identity (`<name or id>-r<n>` in its identifying fields and ARN, the
// ARN also rewritten where the item's own documents name it, e.g. a bucket policy's Resource), so
// it yields the same verdicts as its original under another finding id (except a copied VPC,
// which has no flow log). Regional kinds keep the sample's spread over regions. A copied IAM user
// gets its credential report row and MFA device too. Account-level data (password policy, trails,
// recorders, hubs, ...) and the kinds not listed in KINDS below (log groups, secrets, launch
// templates, subnets, Elastic IPs, access points, ...) stay as the sample has them.
//
// The snapshot is written as compact JSON one item per write, never as one string.
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DEMO_SNAPSHOT = fileURLToPath(new URL("../src/demo/sample-account.snapshot.json", import.meta.url));

/** The mix: the four main kinds' shares of N; the rest share 15% by their counts in the sample. */
export const SHARES = { "s3.buckets": 0.4, "iam.users": 0.2, "iam.roles": 0.1, "ec2.securityGroups": 0.15 };
export const REST_SHARE = 0.15;

// kind -> where its items are, and the fields that make an item's identity.
const KINDS = {
  "s3.buckets": { list: (inv) => [inv.s3?.buckets], keys: ["name"] },
  "iam.users": { list: (inv) => [inv.iam?.authorizationDetails], field: "users", keys: ["name", "id"] },
  "iam.roles": { list: (inv) => [inv.iam?.authorizationDetails], field: "roles", keys: ["name", "id"] },
  "iam.groups": { list: (inv) => [inv.iam?.authorizationDetails], field: "groups", keys: ["name", "id"] },
  "iam.policies": { list: (inv) => [inv.iam?.authorizationDetails], field: "policies", keys: ["name"] },
  "ec2.securityGroups": { regional: "ec2", keys: ["groupId"] },
  "ec2.networkInterfaces": { regional: "ec2", keys: ["networkInterfaceId"] },
  "ec2.networkAcls": { regional: "ec2", keys: ["networkAclId"] },
  "ec2.instances": { regional: "ec2", keys: ["instanceId"] },
  "ec2.volumes": { regional: "ec2", keys: ["volumeId"] },
  "ec2.snapshots": { regional: "ec2", keys: ["snapshotId"] },
  "ec2.images": { regional: "ec2", keys: ["imageId", "name"] },
  "ec2.vpcs": { regional: "ec2", keys: ["vpcId"] },
  "kms.keys": { regional: "kms", keys: ["keyId"] },
  "rds.instances": { regional: "rds", keys: ["id"] },
  "rds.clusters": { regional: "rds", keys: ["id"] },
  "rds.snapshots": { regional: "rds", keys: ["id"] },
  "rds.clusterSnapshots": { regional: "rds", keys: ["id"] },
  "efs.fileSystems": { regional: "efs", keys: ["id", "name"] },
};

/** The arrays (one per region for regional kinds) holding a kind's items, where collected. */
function arraysOf(inv, kind) {
  const spec = KINDS[kind];
  if (spec.regional) {
    const [service, slice] = kind.split(".");
    return Object.values(inv[service]?.regions ?? {})
      .map((r) => r[slice])
      .filter((f) => f?.ok)
      .map((f) => f.value);
  }
  return spec
    .list(inv)
    .filter((f) => f?.ok)
    .map((f) => (spec.field ? f.value[spec.field] : f.value));
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A copy of `item` under a new identity: `-r<n>` on each identifying field, in its ARN and wherever the item names its ARN. */
function copyOf(item, keys, n) {
  const suffix = `-r${n}`;
  let arn = item.arn;
  for (const key of keys) {
    const old = item[key];
    if (typeof old !== "string" || old === "" || old === "default") continue;
    if (typeof arn === "string") {
      const at = arn.lastIndexOf(old);
      if (at >= 0) arn = arn.slice(0, at) + old + suffix + arn.slice(at + old.length);
    }
  }
  let text = JSON.stringify(item);
  if (typeof item.arn === "string" && arn !== item.arn) {
    // The old ARN as a whole name (not the prefix of a longer one), also inside escaped JSON documents.
    text = text.replace(new RegExp(`${escapeRegExp(item.arn)}(?![A-Za-z0-9_.-])`, "g"), arn);
  }
  const copy = JSON.parse(text);
  for (const key of keys) {
    if (typeof item[key] === "string" && item[key] !== "" && item[key] !== "default") copy[key] = item[key] + suffix;
  }
  return copy;
}

/** How many of each kind the sample has, and how many the synthetic account gets for `total` resources. */
export function plan(inv, total) {
  const counts = Object.fromEntries(Object.keys(KINDS).map((k) => [k, arraysOf(inv, k).reduce((n, a) => n + a.length, 0)]));
  const rest = Object.keys(KINDS).filter((k) => !(k in SHARES));
  const restCount = rest.reduce((n, k) => n + counts[k], 0);
  const targets = {};
  for (const k of Object.keys(KINDS)) {
    const share = k in SHARES ? SHARES[k] : (REST_SHARE * counts[k]) / restCount;
    targets[k] = Math.max(counts[k], Math.round(share * total));
  }
  return { counts, targets };
}

/** The sample inventory grown to about `total` resources (see the header). */
export function syntheticInventory(total, demoPath = DEMO_SNAPSHOT) {
  const inv = JSON.parse(readFileSync(demoPath, "utf8"));
  const { targets } = plan(inv, total);
  const report = inv.iam?.credentialReport?.ok ? inv.iam.credentialReport.value.entries : undefined;
  const mfa = inv.iam?.virtualMfaDevices?.ok ? inv.iam.virtualMfaDevices.value : undefined;
  for (const [kind, target] of Object.entries(targets)) {
    const arrays = arraysOf(inv, kind).filter((a) => a.length > 0);
    const originals = arrays.flatMap((array) => array.map((item) => ({ array, item })));
    for (let n = 1, made = originals.length; made < target; n++) {
      for (const { array, item } of originals) {
        if (made >= target) break;
        const copy = copyOf(item, KINDS[kind].keys, n);
        array.push(copy);
        made++;
        if (kind === "iam.users") {
          const row = report?.find((e) => e.arn === item.arn);
          if (row) report.push({ ...row, user: copy.name, arn: copy.arn });
          const device = mfa?.find((d) => d.userArn === item.arn);
          if (device) mfa.push({ ...device, serialNumber: `${device.serialNumber}-r${n}`, userArn: copy.arn, userName: copy.name });
        }
      }
    }
  }
  return inv;
}

/** Resources in an inventory, counted as the plan counts them. */
export const resourceCount = (inv) => Object.keys(KINDS).reduce((n, k) => n + arraysOf(inv, k).reduce((m, a) => m + a.length, 0), 0);

/** Compact JSON in pieces: arrays item by item, so no single string holds the whole snapshot. */
function* pieces(value, depth = 0) {
  if (Array.isArray(value) && depth < 6) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ",";
      yield* pieces(value[i], depth + 1);
    }
    yield "]";
  } else if (value && typeof value === "object" && !Array.isArray(value) && depth < 6) {
    yield "{";
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      yield `${first ? "" : ","}${JSON.stringify(k)}:`;
      first = false;
      yield* pieces(v, depth + 1);
    }
    yield "}";
  } else yield JSON.stringify(value);
}

/** Writes the inventory as a snapshot file, in pieces of about a MiB. */
export function writeSnapshotFile(path, inv) {
  const fd = openSync(path, "w");
  try {
    let buffered = [];
    let size = 0;
    for (const piece of pieces(inv)) {
      buffered.push(piece);
      size += piece.length;
      if (size >= 1 << 20) {
        writeSync(fd, buffered.join(""));
        buffered = [];
        size = 0;
      }
    }
    writeSync(fd, `${buffered.join("")}\n`);
  } finally {
    closeSync(fd);
  }
}

/** A synthetic snapshot of about `total` resources at `path`; returns the resource count. */
export function writeSyntheticSnapshot(path, total) {
  const inv = syntheticInventory(total);
  writeSnapshotFile(path, inv);
  return resourceCount(inv);
}
