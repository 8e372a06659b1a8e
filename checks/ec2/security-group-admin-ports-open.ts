import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { internetRulesOpening } from "../../src/network/rules.js";
import { evaluateInternetIngress } from "./lib/internet-ingress.js";
import { adminPortName } from "./lib/ports.js";

export default defineCheck({
  id: "ec2-security-group-admin-ports-open",
  title: "Security groups do not allow ingress from the internet to remote administration ports",
  service: "ec2",
  layer: "network",
  severity: "high",
  risk: { exposure: "public" },
  needs: ["ec2.securityGroups", "ec2.networkInterfaces", "ec2.instances"],
  rationale:
    "SSH and RDP reachable from 0.0.0.0/0 or ::/0 invite brute-force and exploit attempts from the whole internet. " +
    "Rules with port ranges or protocol -1 that cover these ports open them just the same. " +
    "A group attached to a running instance with a public address is reported one severity higher; an unattached group one lower.",
  remediation: {
    text: "Remove the rule, or narrow its source to the address ranges that need administrative access; prefer Session Manager or a bastion over open SSH/RDP.",
    cli: "aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions '<ip-permissions>'",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13",
    fill: { "ip-permissions": "evidence.ipPermissions" },
    fix: "Remove internet ingress from security group <group-id>",
  },
  compliance: {
    [FRAMEWORKS.cis]: ["6.3", "6.4"],
    [FRAMEWORKS.fsbp]: ["EC2.19"],
    [FRAMEWORKS.securityHub]: ["EC2.13", "EC2.14", "EC2.53", "EC2.54"],
  },
  evaluate: (inv, { read, settings }) =>
    evaluateInternetIngress(inv, read, {
      severity: "high",
      subject: `remote administration ports (${settings.adminPorts.map(adminPortName).join(", ")})`,
      offending: (group) =>
        internetRulesOpening(group, settings.adminPorts).map(({ rule, ports }) => ({ rule, opens: ports.map(adminPortName) })),
    }),
});
