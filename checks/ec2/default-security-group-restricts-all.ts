import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { SecurityGroupPermission } from "../../src/services/ec2/inventory.js";
import { describeProtocolPorts, portRangeText } from "../../src/network/ports.js";
import type { Outcome } from "../../src/results.js";
import { groupLabel, groupResource } from "./lib/internet-ingress.js";
import { listSome } from "../../src/wording.js";

const sourcesOf = (p: SecurityGroupPermission, selfId: string): string[] => [
  ...p.ipv4Ranges.map((r) => r.cidr),
  ...p.ipv6Ranges.map((r) => r.cidr),
  ...p.prefixListIds,
  ...p.referencedGroupIds.map((id) => (id === selfId ? `${id} (itself)` : id)),
];

const describe = (p: SecurityGroupPermission, selfId: string, direction: "from" | "to"): string =>
  `${describeProtocolPorts(p.protocol, p.fromPort, p.toPort)} ${direction} ${sourcesOf(p, selfId).join(", ") || "(no peers)"}`;

const asEvidence = (p: SecurityGroupPermission, selfId: string) => ({
  protocol: p.protocol,
  ports: portRangeText(p.protocol, p.fromPort, p.toPort),
  peers: sourcesOf(p, selfId),
});

export default defineCheck({
  id: "ec2-default-security-group-restricts-all",
  title: "The default security group of every VPC restricts all traffic",
  service: "ec2",
  layer: "network",
  severity: "high",
  needs: ["ec2.securityGroups"],
  rationale:
    "Resources launched without an explicit security group land in the VPC's default group. With no inbound or outbound " +
    "rules it isolates them until someone chooses their access deliberately; with AWS's default rules it lets every member talk " +
    "to every other and anywhere outbound.",
  remediation: {
    text: "Remove all inbound and outbound rules from the default security group and move resources that rely on it to purpose-built groups.",
    cli: "aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions \"$(aws ec2 describe-security-groups --group-ids <group-id> --query 'SecurityGroups[0].IpPermissions')\" && aws ec2 revoke-security-group-egress --group-id <group-id> --ip-permissions \"$(aws ec2 describe-security-groups --group-ids <group-id> --query 'SecurityGroups[0].IpPermissionsEgress')\"",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2",
  },
  compliance: { [FRAMEWORKS.cis]: ["6.5"], [FRAMEWORKS.fsbp]: ["EC2.2"] },
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const groups = read("ec2.securityGroups", region);
      if (!groups.ok) return [groups.outcome];
      return groups.value
        .filter((g) => g.groupName === "default" && g.vpcId)
        .map((g) => {
          const evidence = {
            groupId: g.groupId,
            vpcId: g.vpcId,
            ingress: g.ingress.map((p) => asEvidence(p, g.groupId)),
            egress: g.egress.map((p) => asEvidence(p, g.groupId)),
          };
          if (g.ingress.length === 0 && g.egress.length === 0) {
            return pass(
              groupResource(g),
              region,
              `${groupLabel(g)} is the VPC's default group and has no inbound or outbound rules.`,
              evidence,
            );
          }
          const rules = [
            ...g.ingress.map((p) => `inbound ${describe(p, g.groupId, "from")}`),
            ...g.egress.map((p) => `outbound ${describe(p, g.groupId, "to")}`),
          ];
          return fail(groupResource(g), region, `${groupLabel(g)} is the VPC's default group and allows ${listSome(rules, 4)}.`, evidence);
        });
    }),
});
