import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/engine.js";
import imdsv2 from "../../../checks/ec2/instance-imdsv2.js";
import { denied, instance, inventory, ok } from "../../fixtures/ec2/builders.js";

describe("ec2-instance-imdsv2-required", () => {
  it("passes HttpTokens=required or a disabled endpoint, fails optional tokens, skips terminated instances", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": {
          instances: ok([
            instance("i-v2", { metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } }),
            instance("i-v1", {
              name: "legacy",
              metadataOptions: { httpTokens: "optional", httpEndpoint: "enabled", httpPutResponseHopLimit: 1 },
            }),
            instance("i-off", { metadataOptions: { httpTokens: "optional", httpEndpoint: "disabled" } }),
            instance("i-stopped", { state: "stopped", metadataOptions: { httpTokens: "optional", httpEndpoint: "enabled" } }),
            instance("i-gone", { state: "terminated", metadataOptions: { httpTokens: "optional" } }),
            instance("i-unknown", { metadataOptions: undefined }),
          ]),
        },
      },
    });
    const f = Object.fromEntries(evaluate(inv, [imdsv2]).map((x) => [x.resource.id, x]));
    expect(Object.keys(f).sort()).toEqual(["i-off", "i-stopped", "i-unknown", "i-v1", "i-v2"]);
    expect(f["i-v2"]?.status).toBe("PASS");
    expect(f["i-off"]?.status).toBe("PASS");
    expect(f["i-v1"]).toMatchObject({
      status: "FAIL",
      severity: "high",
      message: "Instance i-v1 (legacy) allows IMDSv1: HttpTokens=optional, HttpEndpoint=enabled (instance running).",
      evidence: { instanceId: "i-v1", httpTokens: "optional", httpEndpoint: "enabled", httpPutResponseHopLimit: 1 },
      responsibility: { layer: "os", serviceModel: "infrastructure" },
    });
    expect(f["i-stopped"]?.status).toBe("FAIL");
    expect(f["i-unknown"]?.status).toBe("FAIL");
    expect(f["i-v1"]?.compliance).toEqual({ "cis-aws-foundations-6.0": ["6.7"], "aws-fsbp": ["EC2.8"] });
  });

  it("reports ERROR when the instances of a region could not be read", () => {
    const inv = inventory({ ec2: { "us-east-1": { instances: denied("DescribeInstances") } } });
    const [f] = evaluate(inv, [imdsv2]);
    expect(f).toMatchObject({ status: "ERROR", error: { operation: "DescribeInstances", code: "UnauthorizedOperation" } });
  });
});
