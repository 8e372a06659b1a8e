import { defineCheck } from "../../src/check.js";
import { admitsAllPorts, admittedPorts } from "../../src/network/ports.js";
import { broadPublicIngressRules } from "../../src/network/rules.js";
import { evaluateInternetIngress, type OffendingRule } from "./lib/internet-ingress.js";
import { byService, guardedPortIndex } from "./lib/ports.js";

export default defineCheck({
  id: "ec2-security-group-broad-public-ingress",
  title: "Security groups do not open guarded ports to broad public address ranges",
  service: "ec2",
  layer: "network",
  severity: "high",
  needs: ["ec2.securityGroups", "ec2.networkInterfaces", "ec2.instances"],
  rationale:
    "A source such as 0.0.0.0/1 plus 128.0.0.0/1, or a provider's whole /8, is the internet in all but name, and the " +
    "checks that look for 0.0.0.0/0 and ::/0 do not see it. A broad public range is a source CIDR that holds routable " +
    "addresses (not entirely RFC 1918, carrier-grade NAT, loopback, link-local or unique-local space) with a prefix of at " +
    "least 1 and at most settings.broadPublicPrefix (/8 for IPv4 and /32 for IPv6 by default: an IPv4 /8 is 16.7 million " +
    "addresses, an IPv6 /32 a whole ISP allocation). A group fails when a rule from such a range admits every port or a " +
    "port the per-port checks guard (settings.adminPorts, sensitivePorts and highRiskPorts). /0 itself is those checks'. " +
    "A group attached to a running instance with a public address is reported one severity higher; an unattached group one lower.",
  remediation: {
    text: "Replace the broad range with the specific networks that need access (office, VPN or partner ranges, or security group references).",
    cli: "aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions '<ip-permissions>'",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    fill: { "ip-permissions": "evidence.ipPermissions" },
  },
  compliance: {},
  noComplianceBecause:
    "CIS v6.0 (6.3, 6.4) and FSBP (EC2.18, EC2.19) name 0.0.0.0/0 and ::/0 only; no recommendation or control covers other broad public ranges.",
  evaluate: (inv, { read, settings }) => {
    const index = guardedPortIndex(settings);
    const ports = [...index.keys()].sort((a, b) => a - b);
    const prefixes = settings.broadPublicPrefix;
    return evaluateInternetIngress(inv, read, {
      severity: "high",
      subject: "all ports or the guarded ports",
      sources: `broad public ranges (IPv4 /1-/${prefixes.ipv4}, IPv6 /1-/${prefixes.ipv6})`,
      sourceRules: (group) => broadPublicIngressRules(group, prefixes),
      offending: (group) =>
        broadPublicIngressRules(group, prefixes).flatMap((rule): OffendingRule[] => {
          if (admitsAllPorts(rule.protocol, rule.fromPort, rule.toPort)) return [{ rule, opens: ["all ports"] }];
          const opened = admittedPorts(rule.protocol, rule.fromPort, rule.toPort, ports);
          return opened.length ? [{ rule, opens: byService(opened, index) }] : [];
        }),
    });
  },
});
