import type { Fetched } from "../../inventory/common.js";
import type { ResourceRef } from "../../results.js";

/** An EFS file system, as DescribeFileSystems gives it. */
export interface FileSystem {
  id: string;
  arn: string;
  /** The value of its Name tag. */
  name?: string;
  encrypted: boolean;
  /** The KMS key that encrypts it at rest (AWS's aws/elasticfilesystem key unless another was chosen). */
  kmsKeyId?: string;
  /** creating | available | updating | deleting | deleted | error */
  lifeCycleState: string;
  createdAt?: string;
  /** generalPurpose | maxIO */
  performanceMode?: string;
  /** bursting | provisioned | elastic */
  throughputMode?: string;
  numberOfMountTargets: number;
  /** Set for One Zone file systems. */
  availabilityZoneName?: string;
  /**
   * DescribeFileSystemPolicy: the policy document's text; `null` when the file system has none
   * (PolicyNotFound: EFS's default policy is in force). Absent when not collected.
   */
  policy?: Fetched<string | null>;
}

/** Everything EFS read in one region. */
export interface EfsRegionInventory {
  fileSystems?: Fetched<FileSystem[]>;
}

export interface EfsInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, EfsRegionInventory>;
}

export const fileSystemResource = (fs: Pick<FileSystem, "arn" | "id">): ResourceRef => ({
  arn: fs.arn,
  id: fs.id,
  type: "AWS::EFS::FileSystem",
});
