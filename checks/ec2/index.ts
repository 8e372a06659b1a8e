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
import ebsSnapshotBlockPublicAccess from "./ebs-snapshot-block-public-access.js";
import amiBlockPublicAccess from "./ami-block-public-access.js";
import instanceMetadataDefaults from "./instance-metadata-defaults.js";
import instancePublicPrivilegedProfile from "./instance-public-privileged-profile.js";
import securityGroupBroadPublicIngress from "./security-group-broad-public-ingress.js";
import securityGroupHighRiskPorts from "./security-group-high-risk-ports-open.js";
import networkAclAllPorts from "./network-acl-all-ports-open.js";
import securityGroupUnused from "./security-group-unused.js";
import elasticIpUnassociated from "./elastic-ip-unassociated.js";
import subnetAutoAssignPublicIp from "./subnet-auto-assign-public-ip.js";
import vpcPeeringRoutesLeastAccess from "./vpc-peering-routes-least-access.js";

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
  ebsSnapshotBlockPublicAccess,
  amiBlockPublicAccess,
  instanceMetadataDefaults,
  instancePublicPrivilegedProfile,
  securityGroupBroadPublicIngress,
  securityGroupHighRiskPorts,
  networkAclAllPorts,
  securityGroupUnused,
  elasticIpUnassociated,
  subnetAutoAssignPublicIp,
  vpcPeeringRoutesLeastAccess,
];
