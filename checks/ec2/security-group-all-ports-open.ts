import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { internetRulesOpeningAllPorts } from "../../src/network/rules.js";
import { evaluateInternetIngress } from "./lib/internet-ingress.js";

export default defineCheck({
  id: "ec2-security-group-all-ports-open",
  title: "Security groups do not allow ingress from the internet to all ports",
  service: "ec2",
  layer: "network",
  severity: "high",
  risk: { exposure: "public" },
  needs: ["ec2.securityGroups", "ec2.networkInterfaces", "ec2.instances"],
  rationale:
    "A rule admitting every port (protocol -1, or tcp/udp 0-65535) from 0.0.0.0/0 or ::/0 exposes every service the " +
    "attached hosts run, including ones nobody meant to publish. " +
    "A group attached to a running instance with a public address is reported one severity higher; an unattached group one lower.",
  remediation: {
    text: "Replace the rule with rules for the specific ports the workload serves, from the sources that need them.",
    cli: "aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions '<ip-permissions>'",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18",
    fill: { "ip-permissions": "evidence.ipPermissions" },
    fix: "Remove internet ingress from security group <group-id>",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["EC2.18"] },
  evaluate: (inv, { read }) =>
    evaluateInternetIngress(inv, read, {
      severity: "high",
      subject: "all ports",
      offending: (group) => internetRulesOpeningAllPorts(group).map((rule) => ({ rule, opens: ["all ports"] })),
    }),
});
