import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { cidrContains, parseCidr } from "../../src/network/cidr.js";
import type { Outcome, ResourceRef } from "../../src/results.js";
import type { PeeringVpcInfo, Route, RouteTable, VpcPeeringConnection } from "../../src/services/ec2/inventory.js";
import { listSome } from "../../src/wording.js";

const tableResource = (t: RouteTable): ResourceRef => ({ arn: t.arn, id: t.routeTableId, type: "AWS::EC2::RouteTable" });

type RouteVerdict =
  | { kind: "within"; route: Route; peer: PeeringVpcInfo }
  | { kind: "wider"; route: Route; peer: PeeringVpcInfo }
  | { kind: "unjudged"; route: Route; why: string };

function judge(table: RouteTable, route: Route, peering: VpcPeeringConnection | undefined): RouteVerdict {
  if (!peering) return { kind: "unjudged", route, why: `peering connection ${route.vpcPeeringConnectionId} is not listed in the region` };
  const peer =
    peering.requester.vpcId === table.vpcId ? peering.accepter : peering.accepter.vpcId === table.vpcId ? peering.requester : undefined;
  if (!peer)
    return {
      kind: "unjudged",
      route,
      why: `neither side of ${peering.vpcPeeringConnectionId} is the table's VPC ${table.vpcId ?? "(unknown)"}`,
    };
  if (route.destinationType === "prefix-list")
    return { kind: "unjudged", route, why: `the destination is prefix list ${route.destination}` };
  const destination = parseCidr(route.destination);
  if (!destination) return { kind: "unjudged", route, why: `the destination ${route.destination} is not a CIDR` };
  if (peer.cidrBlocks.length === 0)
    return { kind: "unjudged", route, why: `${peering.vpcPeeringConnectionId} reports no CIDR block for the peer VPC` };
  const within = peer.cidrBlocks.some((c) => {
    const block = parseCidr(c);
    return block !== undefined && cidrContains(block, destination);
  });
  return { kind: within ? "within" : "wider", route, peer };
}

export default defineCheck({
  id: "ec2-vpc-peering-routes-least-access",
  title: "Routes to VPC peering connections are no wider than the peer VPC",
  service: "ec2",
  layer: "network",
  severity: "medium",
  needs: ["ec2.routeTables", "ec2.vpcPeeringConnections"],
  rationale:
    "A route through a peering connection sends the listed destinations to the peer VPC. A route wider than the peer's " +
    "own CIDR blocks (0.0.0.0/0 or 10.0.0.0/8 to a peer that is 10.20.0.0/16) sends traffic meant elsewhere to the peer, " +
    "and makes it the path to networks it should never see. CIS 6.6 asks for least-access peering routes (a manual " +
    "recommendation); this checks the part the API shows. Every route table with a route to a peering connection passes " +
    "when each such route's destination lies inside one of the peer VPC's CIDR blocks (as DescribeVpcPeeringConnections " +
    "reports them, IPv4 and IPv6); narrower routes, down to single subnets, are better still. A route whose peer cannot be " +
    "determined (connection not listed, a prefix-list destination) makes the table's PASS an ERROR, never a guess.",
  remediation: {
    text: "Replace the wide route with routes for the peer's CIDR blocks (or just the subnets that must be reached).",
    cli:
      "aws ec2 delete-route --route-table-id <rtb-id> --destination-cidr-block <wide-cidr> && " +
      "aws ec2 create-route --route-table-id <rtb-id> --destination-cidr-block <peer-subnet-cidr> --vpc-peering-connection-id <pcx-id> && " +
      "aws ec2 delete-route --route-table-id <rtb-id> --destination-ipv6-cidr-block <wide-ipv6-cidr> && " +
      "aws ec2 create-route --route-table-id <rtb-id> --destination-ipv6-cidr-block <peer-subnet-ipv6-cidr> --vpc-peering-connection-id <ipv6-pcx-id>",
    url: "https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html",
    // One delete and one create per wider route, IPv4 and IPv6 apart (each takes its own option).
    fill: {
      "rtb-id": "evidence.routeTableId",
      "wide-cidr": "evidence.widerRoutes.ipv4[].destination",
      "pcx-id": "evidence.widerRoutes.ipv4[].vpcPeeringConnectionId",
      "wide-ipv6-cidr": "evidence.widerRoutes.ipv6[].destination",
      "ipv6-pcx-id": "evidence.widerRoutes.ipv6[].vpcPeeringConnectionId",
    },
  },
  compliance: { [FRAMEWORKS.cis]: ["6.6"] },
  evaluate: (inv, ctx) =>
    inv.regions.flatMap((region): Outcome[] => {
      const tables = ctx.read("ec2.routeTables", region);
      if (!tables.ok) return [tables.outcome];
      const peered = tables.value.filter((t) => t.routes.some((r) => r.vpcPeeringConnectionId));
      if (peered.length === 0) return [];
      const peerings = ctx.read("ec2.vpcPeeringConnections", region);
      if (!peerings.ok) return peered.map((t) => ({ ...peerings.outcome, resource: tableResource(t) }));
      const byId = new Map(peerings.value.map((p) => [p.vpcPeeringConnectionId, p]));
      return peered.map((t) => {
        const verdicts = t.routes.filter((r) => r.vpcPeeringConnectionId).map((r) => judge(t, r, byId.get(r.vpcPeeringConnectionId!)));
        const describe = (v: RouteVerdict) => ({
          destination: v.route.destination,
          vpcPeeringConnectionId: v.route.vpcPeeringConnectionId,
          ...(v.kind === "unjudged" ? { notJudged: v.why } : { peerVpcId: v.peer.vpcId ?? null, peerCidrBlocks: v.peer.cidrBlocks }),
          verdict: v.kind,
        });
        const evidence = { routeTableId: t.routeTableId, vpcId: t.vpcId ?? null, peeringRoutes: verdicts.map(describe) };
        const wider = verdicts.filter((v): v is Extract<RouteVerdict, { kind: "wider" }> => v.kind === "wider");
        const widerOf = (type: Route["destinationType"]) =>
          wider
            .filter((v) => v.route.destinationType === type)
            .map((v) => ({ destination: v.route.destination, vpcPeeringConnectionId: v.route.vpcPeeringConnectionId! }));
        if (wider.length)
          return fail(
            tableResource(t),
            region,
            `Route table ${t.routeTableId}${t.vpcId ? ` in ${t.vpcId}` : ""} sends ${listSome(
              wider.map(
                (v) =>
                  `${v.route.destination} to ${v.route.vpcPeeringConnectionId} (peer ${v.peer.vpcId ?? "?"}: ${v.peer.cidrBlocks.join(", ")})`,
              ),
              3,
            )}: wider than the peer VPC.`,
            { ...evidence, widerRoutes: { ipv4: widerOf("cidr"), ipv6: widerOf("ipv6") } },
          );
        const unjudged = verdicts.find((v): v is Extract<RouteVerdict, { kind: "unjudged" }> => v.kind === "unjudged");
        if (unjudged)
          return {
            ...ctx.unusable("ec2.vpcPeeringConnections", {
              resource: tableResource(t),
              region,
              code: "PeerUnknown",
              message: `the route to ${unjudged.route.destination} cannot be judged: ${unjudged.why}`,
              about: t.routeTableId,
            }),
            evidence,
          };
        return pass(
          tableResource(t),
          region,
          `Route table ${t.routeTableId}${t.vpcId ? ` in ${t.vpcId}` : ""} routes only the peer VPCs' own CIDR blocks (or narrower) through its peering connections.`,
          evidence,
        );
      });
    }),
});
