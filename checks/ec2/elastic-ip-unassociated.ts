import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Outcome, ResourceRef } from "../../src/results.js";
import type { ElasticIp } from "../../src/services/ec2/inventory.js";

const addressResource = (a: ElasticIp): ResourceRef => ({ arn: a.arn, id: a.allocationId ?? a.publicIp, type: "AWS::EC2::EIP" });

export default defineCheck({
  id: "ec2-elastic-ip-unassociated",
  title: "Elastic IP addresses are associated with an instance or network interface",
  service: "ec2",
  layer: "network",
  severity: "low",
  needs: ["ec2.addresses"],
  rationale:
    "An Elastic IP that nothing uses is a forgotten public address: it costs money, may still sit in DNS records, allow " +
    "lists and partners' firewalls, and whoever next associates it inherits that trust. Hygiene, low. An address passes " +
    "when DescribeAddresses reports an association (an instance or a network interface).",
  remediation: {
    text: "Release the address once no DNS record or allow list refers to it (or associate it with what should use it).",
    cli: "aws ec2 release-address --allocation-id <allocation-id>",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/working-with-eips.html#using-instance-addressing-eips-releasing",
    fill: { "allocation-id": "evidence.allocationId" },
  },
  compliance: { [FRAMEWORKS.securityHub]: ["EC2.12"] },
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const addresses = read("ec2.addresses", region);
      if (!addresses.ok) return [addresses.outcome];
      return addresses.value.map((a) => {
        const evidence = {
          publicIp: a.publicIp,
          allocationId: a.allocationId ?? null,
          associationId: a.associationId ?? null,
          instanceId: a.instanceId ?? null,
          networkInterfaceId: a.networkInterfaceId ?? null,
        };
        const associated = a.associationId !== undefined || a.instanceId !== undefined || a.networkInterfaceId !== undefined;
        return associated
          ? pass(
              addressResource(a),
              region,
              `Elastic IP ${a.publicIp} is associated with ${a.instanceId ?? a.networkInterfaceId ?? a.associationId}.`,
              evidence,
            )
          : fail(
              addressResource(a),
              region,
              `Elastic IP ${a.publicIp}${a.allocationId ? ` (${a.allocationId})` : ""} is not associated with anything.`,
              evidence,
            );
      });
    }),
});
