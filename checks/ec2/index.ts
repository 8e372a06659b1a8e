import type { Check } from "../../src/check.js";
import amiPublic from "./ami-public.js";
import defaultSecurityGroup from "./default-security-group-restricts-all.js";
import ebsDefaultEncryption from "./ebs-default-encryption.js";
import ebsSnapshotEncrypted from "./ebs-snapshot-encrypted.js";
import ebsSnapshotPublic from "./ebs-snapshot-public.js";
import ebsVolumeEncrypted from "./ebs-volume-encrypted.js";
import instanceImdsv2 from "./instance-imdsv2-required.js";
import instanceProfileAttached from "./instance-profile-attached.js";
import instanceUserDataSecrets from "./instance-user-data-secrets.js";
import launchTemplateImdsv2 from "./launch-template-imdsv2-required.js";
import launchTemplatePublicIp from "./launch-template-public-ip.js";
import launchTemplateUserDataSecrets from "./launch-template-user-data-secrets.js";
import networkAclAdminPorts from "./network-acl-admin-ports-open.js";
import securityGroupAdminPorts from "./security-group-admin-ports-open.js";
import securityGroupAllPorts from "./security-group-all-ports-open.js";
import securityGroupCifs from "./security-group-cifs-open.js";
import securityGroupSensitivePorts from "./security-group-sensitive-ports-open.js";
import vpcFlowLogs from "./vpc-flow-logs-enabled.js";

export const ec2Checks: readonly Check[] = [
  securityGroupAdminPorts,
  securityGroupAllPorts,
  securityGroupSensitivePorts,
  securityGroupCifs,
  defaultSecurityGroup,
  networkAclAdminPorts,
  instanceImdsv2,
  instanceProfileAttached,
  ebsDefaultEncryption,
  ebsVolumeEncrypted,
  ebsSnapshotEncrypted,
  ebsSnapshotPublic,
  amiPublic,
  vpcFlowLogs,
  instanceUserDataSecrets,
  launchTemplateUserDataSecrets,
  launchTemplateImdsv2,
  launchTemplatePublicIp,
];
