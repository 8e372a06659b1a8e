import type { Check } from "../../src/check.js";
import amiPublic from "./ami-public.js";
import defaultSecurityGroup from "./default-security-group.js";
import ebsDefaultEncryption from "./ebs-default-encryption.js";
import ebsSnapshotEncrypted from "./ebs-snapshot-encrypted.js";
import ebsSnapshotPublic from "./ebs-snapshot-public.js";
import ebsVolumeEncrypted from "./ebs-volume-encrypted.js";
import instanceImdsv2 from "./instance-imdsv2.js";
import networkAclAdminPorts from "./network-acl-admin-ports.js";
import securityGroupAdminPorts from "./security-group-admin-ports.js";
import securityGroupAllPorts from "./security-group-all-ports.js";
import securityGroupSensitivePorts from "./security-group-sensitive-ports.js";
import vpcFlowLogs from "./vpc-flow-logs.js";

export const ec2Checks: readonly Check[] = [
  securityGroupAdminPorts,
  securityGroupAllPorts,
  securityGroupSensitivePorts,
  defaultSecurityGroup,
  networkAclAdminPorts,
  instanceImdsv2,
  ebsDefaultEncryption,
  ebsVolumeEncrypted,
  ebsSnapshotEncrypted,
  ebsSnapshotPublic,
  amiPublic,
  vpcFlowLogs,
];
