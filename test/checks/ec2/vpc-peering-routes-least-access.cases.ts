import { expect } from "vitest";
import check from "../../../checks/ec2/vpc-peering-routes-least-access.js";
import { checkCases, evaluateCase } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { peering, peeringRoute, regional, routeTable } from "../../support/fixtures/ec2.js";

const pcx = peering("pcx-1", "vpc-peer", ["10.20.0.0/16", "2600:1f18:1::/56"]);

export default checkCases(check, {
  pass: [
    {
      name: "the peer's whole CIDR, one of its subnets, and its IPv6 block",
      inventory: regional({
        ec2: {
          "us-east-1": {
            routeTables: ok([
              routeTable("rtb-a", "vpc-1", [peeringRoute("10.20.0.0/16", "pcx-1"), peeringRoute("2600:1f18:1::/56", "pcx-1")]),
              routeTable("rtb-b", "vpc-1", [peeringRoute("10.20.3.0/24", "pcx-1")]),
              routeTable("rtb-none", "vpc-1", []),
            ]),
            vpcPeeringConnections: ok([pcx]),
          },
        },
      }),
      findings: [
        {
          resource: { id: "rtb-a", type: "AWS::EC2::RouteTable" },
          status: "PASS",
          message: "Route table rtb-a in vpc-1 routes only the peer VPCs' own CIDR blocks (or narrower) through its peering connections.",
          evidence: { peeringRoutes: [{ destination: "10.20.0.0/16", verdict: "within", peerVpcId: "vpc-peer" }, { verdict: "within" }] },
        },
        { resource: { id: "rtb-b" }, status: "PASS" },
      ],
      assert: () =>
        expect(
          evaluateCase(check, {
            name: "no peering routes: nothing to judge, and the peering connections are not needed",
            inventory: regional({
              ec2: {
                "us-east-1": {
                  routeTables: ok([routeTable("rtb-none", "vpc-1", [])]),
                  vpcPeeringConnections: denied("ec2.vpcPeeringConnections"),
                },
              },
            }),
          }),
        ).toEqual([]),
    },
  ],
  fail: [
    {
      name: "the default route and a /8 through the peering: medium",
      inventory: regional({
        ec2: {
          "us-east-1": {
            routeTables: ok([routeTable("rtb-wide", "vpc-1", [peeringRoute("0.0.0.0/0", "pcx-1"), peeringRoute("10.0.0.0/8", "pcx-1")])]),
            vpcPeeringConnections: ok([pcx]),
          },
        },
      }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message:
            "Route table rtb-wide in vpc-1 sends 0.0.0.0/0 to pcx-1 (peer vpc-peer: 10.20.0.0/16, 2600:1f18:1::/56), 10.0.0.0/8 to pcx-1 (peer vpc-peer: 10.20.0.0/16, 2600:1f18:1::/56): wider than the peer VPC.",
          compliance: { "cis-aws-foundations-6.0": ["6.6"] },
        },
      ],
    },
    {
      name: "judged from the accepter's side too",
      inventory: regional({
        ec2: {
          "us-east-1": {
            routeTables: ok([routeTable("rtb-peer", "vpc-peer", [peeringRoute("10.0.0.0/8", "pcx-1")])]),
            vpcPeeringConnections: ok([pcx]),
          },
        },
      }),
      findings: [
        { status: "FAIL", evidence: { peeringRoutes: [{ peerVpcId: "vpc-1", peerCidrBlocks: ["10.0.0.0/16"], verdict: "wider" }] } },
      ],
    },
  ],
  error: [
    {
      name: "the peering connections could not be read: ERROR per table with peering routes",
      inventory: regional({
        ec2: {
          "us-east-1": {
            routeTables: ok([routeTable("rtb-a", "vpc-1", [peeringRoute("10.20.0.0/16", "pcx-1")]), routeTable("rtb-none", "vpc-1", [])]),
            vpcPeeringConnections: denied("ec2.vpcPeeringConnections"),
          },
        },
      }),
      findings: [{ resource: { id: "rtb-a" }, status: "ERROR", error: { operation: "DescribeVpcPeeringConnections" } }],
    },
    {
      name: "a route whose peer is unknown or a prefix list: ERROR, never a guessed PASS",
      inventory: regional({
        ec2: {
          "us-east-1": {
            routeTables: ok([
              routeTable("rtb-gone", "vpc-1", [peeringRoute("10.20.0.0/16", "pcx-gone")]),
              routeTable("rtb-pl", "vpc-1", [{ destination: "pl-123", destinationType: "prefix-list", vpcPeeringConnectionId: "pcx-1" }]),
            ]),
            vpcPeeringConnections: ok([pcx]),
          },
        },
      }),
      findings: [
        { resource: { id: "rtb-gone" }, status: "ERROR", error: { code: "PeerUnknown", operation: "DescribeVpcPeeringConnections" } },
        {
          resource: { id: "rtb-pl" },
          status: "ERROR",
          evidence: { peeringRoutes: [{ notJudged: "the destination is prefix list pl-123" }] },
        },
      ],
      assert: ([gone]) => expect(gone!.message).toContain("peering connection pcx-gone is not listed in the region"),
    },
    {
      name: "DescribeRouteTables denied",
      inventory: regional({ ec2: { "us-east-1": { routeTables: denied("ec2.routeTables"), vpcPeeringConnections: ok([pcx]) } } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeRouteTables" } }],
    },
  ],
});
