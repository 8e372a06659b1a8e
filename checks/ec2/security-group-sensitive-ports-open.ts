import { defineCheck, FRAMEWORKS } from "../../src/check.js";
import { internetRulesOpening } from "../../src/network/rules.js";
import { evaluateInternetIngress } from "./lib/internet-ingress.js";
import { sensitivePortIndex } from "./lib/ports.js";

/** [21, 20, 3306] → ["FTP (20, 21)", "MySQL/Aurora (3306)"], in the order the services first appear. */
function byService(ports: readonly number[], index: Map<number, string[]>): string[] {
  const grouped = new Map<string, number[]>();
  for (const port of [...ports].sort((a, b) => a - b)) {
    for (const service of index.get(port) ?? [`port ${port}`]) grouped.set(service, [...(grouped.get(service) ?? []), port]);
  }
  return [...grouped].map(([service, list]) => `${service} (${list.join(", ")})`);
}

export default defineCheck({
  id: "ec2-security-group-sensitive-ports-open",
  title: "Security groups do not allow ingress from the internet to data and service ports",
  service: "ec2",
  layer: "network",
  severity: "high",
  risk: { exposure: "public" },
  needs: ["ec2.securityGroups", "ec2.networkInterfaces", "ec2.instances"],
  rationale:
    "Databases, caches, search engines, message brokers, file sharing, FTP and Telnet are not meant to face the internet; " +
    "open to 0.0.0.0/0 or ::/0 they are found and attacked within hours. The port list is configurable " +
    "(settings.sensitivePorts); HTTP and HTTPS are not on it. " +
    "A group attached to a running instance with a public address is reported one severity higher; an unattached group one lower.",
  remediation: {
    text: "Remove the rule, or restrict its source to the networks and security groups of the clients that need the service.",
    cli: "aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions '<ip-permissions>'",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19",
    fill: { "ip-permissions": "evidence.ipPermissions" },
    fix: "Remove internet ingress from security group <group-id>",
  },
  // CIS 6.1.2 (CIFS) is ec2-security-group-cifs-open's: it must not depend on the configurable port list.
  compliance: { [FRAMEWORKS.fsbp]: ["EC2.19"] },
  evaluate: (inv, { read, settings }) => {
    const index = sensitivePortIndex(settings.sensitivePorts);
    const ports = [...index.keys()].sort((a, b) => a - b);
    return evaluateInternetIngress(inv, read, {
      severity: "high",
      subject: "the configured data and service ports",
      offending: (group) =>
        internetRulesOpening(group, ports).map(({ rule, ports: opened }) => ({ rule, opens: byService(opened, index) })),
    });
  },
});
