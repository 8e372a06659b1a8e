import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { Outcome, ResourceRef } from "../../src/results.js";
import type { Subnet } from "../../src/services/ec2/inventory.js";

const subnetResource = (s: Subnet): ResourceRef => ({ arn: s.arn, id: s.subnetId, type: "AWS::EC2::Subnet" });

export default defineCheck({
  id: "ec2-subnet-auto-assign-public-ip",
  title: "Subnets do not assign public IP addresses automatically",
  service: "ec2",
  layer: "network",
  severity: "medium",
  needs: ["ec2.subnets"],
  rationale:
    "A subnet that maps a public IPv4 address on launch (or assigns IPv6 addresses, which are globally routable) puts " +
    "every instance launched into it on the internet unless someone opts out, and only its security groups stand in the " +
    "way. Public addresses should be a decision per workload (a load balancer in front, an Elastic IP where needed). A " +
    "subnet passes when DescribeSubnets reports MapPublicIpOnLaunch and AssignIpv6AddressOnCreation false. Default " +
    "subnets map public IPv4 addresses, so they fail too.",
  remediation: {
    text: "Turn off automatic public addressing on the subnet (instances that need a public address then ask for one explicitly).",
    cli: "aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch && aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-assign-ipv6-address-on-creation",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html",
    fill: { "subnet-id": "evidence.subnetId" },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["EC2.15"] },
  evaluate: (inv, { read }) =>
    inv.regions.flatMap((region): Outcome[] => {
      const subnets = read("ec2.subnets", region);
      if (!subnets.ok) return [subnets.outcome];
      return subnets.value.map((s) => {
        const label = `Subnet ${s.subnetId}${s.name ? ` (${s.name})` : ""}${s.defaultForAz ? " (default)" : ""}${s.vpcId ? ` in ${s.vpcId}` : ""}`;
        const evidence = {
          subnetId: s.subnetId,
          vpcId: s.vpcId ?? null,
          cidrBlock: s.cidrBlock ?? null,
          defaultForAz: s.defaultForAz,
          mapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
          assignIpv6AddressOnCreation: s.assignIpv6AddressOnCreation,
        };
        const what = [s.mapPublicIpOnLaunch ? "public IPv4 addresses" : "", s.assignIpv6AddressOnCreation ? "IPv6 addresses" : ""].filter(
          Boolean,
        );
        return what.length
          ? fail(subnetResource(s), region, `${label} assigns ${what.join(" and ")} automatically to what is launched in it.`, evidence)
          : pass(subnetResource(s), region, `${label} assigns no public address automatically.`, evidence);
      });
    }),
});
