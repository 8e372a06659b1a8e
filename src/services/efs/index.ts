import { DescribeFileSystemPolicyCommand, EFSClient, paginateDescribeFileSystems } from "@aws-sdk/client-efs";
import { efsChecks } from "../../../checks/efs/index.js";
import { allPages, opt } from "../../collect/sdk.js";
import { op } from "../../inventory/common.js";
import { defineService, itemSlices, topSlices } from "../define.js";
import { fileSystemResource, type EfsRegionInventory, type FileSystem } from "./inventory.js";

const region = topSlices<EfsRegionInventory>();

// The IAM prefix and signing name of Amazon EFS is elasticfilesystem.
const fileSystems = region("fileSystems", {
  id: "efs.fileSystems",
  description: "file systems: encryption at rest, KMS key, mount targets",
  operations: [op("elasticfilesystem", "DescribeFileSystems")],
  read: async (ctx) => {
    const client = ctx.client(EFSClient);
    // 100 is the page DescribeFileSystems uses whatever is asked (its documented maximum).
    const listed = await allPages(paginateDescribeFileSystems({ client, pageSize: 100 }, {}), (page) => page.FileSystems);
    return listed.map((f): FileSystem => {
      const id = f.FileSystemId ?? "";
      return {
        id,
        arn: f.FileSystemArn ?? `arn:${ctx.partition}:elasticfilesystem:${ctx.region}:${f.OwnerId ?? ctx.accountId}:file-system/${id}`,
        ...opt("name", f.Name),
        encrypted: f.Encrypted === true,
        ...opt("kmsKeyId", f.KmsKeyId),
        lifeCycleState: f.LifeCycleState ?? "unknown",
        ...opt("createdAt", f.CreationTime?.toISOString()),
        ...opt("performanceMode", f.PerformanceMode),
        ...opt("throughputMode", f.ThroughputMode),
        numberOfMountTargets: f.NumberOfMountTargets ?? 0,
        ...opt("availabilityZoneName", f.AvailabilityZoneName),
      };
    });
  },
  items: { resource: fileSystemResource, name: (f) => f.id },
});

const fileSystem = itemSlices(fileSystems);

const fileSystemPolicy = fileSystem("policy", {
  id: "efs.fileSystemPolicy",
  description: "each file system's resource policy (none: EFS's default policy applies)",
  operations: [op("elasticfilesystem", "DescribeFileSystemPolicy")],
  // AWS and moto answer PolicyNotFound for a file system without a policy.
  absent: ["PolicyNotFound"],
  read: async (ctx, f) => (await ctx.client(EFSClient).send(new DescribeFileSystemPolicyCommand({ FileSystemId: f.id }))).Policy ?? null,
});

export default defineService({
  id: "efs",
  title: "Amazon EFS",
  scope: "regional",
  model: "abstracted",
  clients: { elasticfilesystem: EFSClient },
  schemaType: "EfsInventory",
  slices: [fileSystems, fileSystemPolicy],
  checks: efsChecks,
});
