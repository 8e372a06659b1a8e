import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/engine.js";
import recorderEnabled from "../../../checks/config/recorder-enabled.js";
import globalRecorded from "../../../checks/config/global-resources-recorded.js";
import { configuredRegion, denied, inventory, ok, recorder } from "../../fixtures/ec2/builders.js";

const CONFIG_DENIED = "AccessDeniedException";

describe("config-recorder-enabled", () => {
  it("passes a region that records everything and delivers; one result per region with a stable ARN", () => {
    const inv = inventory({ config: { "us-east-1": configuredRegion({ global: true }), "eu-west-1": configuredRegion() } });
    const findings = evaluate(inv, [recorderEnabled]);
    expect(findings.map((f) => [f.region, f.status, f.resource.arn])).toEqual([
      ["us-east-1", "PASS", "arn:aws:config:us-east-1:123456789012:recorder"],
      ["eu-west-1", "PASS", "arn:aws:config:eu-west-1:123456789012:recorder"],
    ]);
    expect(findings[0]?.message).toBe(
      'AWS Config in us-east-1: recorder "default" is recording all supported resource types; delivery channel "default".',
    );
    expect(findings[0]?.responsibility).toMatchObject({ layer: "monitoring", serviceModel: "abstracted" });
    expect(findings[0]?.compliance).toEqual({ "cis-aws-foundations-6.0": ["4.3"], "aws-fsbp": ["Config.1"] });
  });

  it("fails a region without recorder or delivery channel, naming both", () => {
    const inv = inventory({ config: { "eu-west-1": { recorders: ok([]), recorderStatuses: ok([]), deliveryChannels: ok([]) } } });
    const [f] = evaluate(inv, [recorderEnabled]);
    expect(f).toMatchObject({
      status: "FAIL",
      message: "AWS Config in eu-west-1: no configuration recorder exists; no delivery channel exists.",
    });
  });

  it("fails a recorder that is stopped, failing, or records only some types", () => {
    const stopped = configuredRegion({ recording: false });
    const failing = configuredRegion({ lastStatus: "FAILURE" });
    const partial = {
      ...configuredRegion(),
      recorders: ok([
        recorder("default", {
          allSupported: false,
          recordingStrategy: "INCLUSION_BY_RESOURCE_TYPES",
          resourceTypes: ["AWS::EC2::Instance"],
        }),
      ]),
    };
    const excluding = {
      ...configuredRegion(),
      recorders: ok([
        recorder("default", { recordingStrategy: "EXCLUSION_BY_RESOURCE_TYPES", excludedResourceTypes: ["AWS::EC2::Volume"] }),
      ]),
    };
    const inv = inventory({ config: { "r-stopped": stopped, "r-failing": failing, "r-partial": partial, "r-excluding": excluding } });
    const f = Object.fromEntries(evaluate(inv, [recorderEnabled]).map((x) => [x.region, x]));
    expect(f["r-stopped"]?.message).toBe('AWS Config in r-stopped: recorder "default" is not recording (recording=false).');
    expect(f["r-failing"]?.message).toBe('AWS Config in r-failing: recorder "default" last status is FAILURE.');
    expect(f["r-partial"]?.message).toBe(
      'AWS Config in r-partial: recorder "default" does not record all supported resource types (allSupported=false, records only 1 listed type(s)).',
    );
    expect(f["r-excluding"]?.message).toContain("excludes AWS::EC2::Volume");
    expect(Object.values(f).map((x) => x.status)).toEqual(["FAIL", "FAIL", "FAIL", "FAIL"]);
  });

  it("does not count a service-linked recorder", () => {
    const region = {
      ...configuredRegion(),
      recorders: ok([
        recorder("AWSConfigurationRecorderForX", { servicePrincipal: "securityhub.amazonaws.com", recordingScope: "INTERNAL" }),
      ]),
    };
    const [f] = evaluate(inventory({ config: { "us-east-1": region } }), [recorderEnabled]);
    expect(f).toMatchObject({ status: "FAIL" });
    expect(f?.message).toContain("no configuration recorder exists");
  });

  it("ERROR when a read failed and nothing read proves a problem; FAIL when what was read already proves one", () => {
    const inv = inventory({
      config: {
        "us-east-1": {
          ...configuredRegion(),
          recorderStatuses: denied("DescribeConfigurationRecorderStatus", "us-east-1", CONFIG_DENIED, "config"),
        },
        "eu-west-1": {
          recorders: ok([]),
          recorderStatuses: ok([]),
          deliveryChannels: denied("DescribeDeliveryChannels", "eu-west-1", CONFIG_DENIED, "config"),
        },
        "ap-south-1": {
          recorders: denied("DescribeConfigurationRecorders", "ap-south-1", CONFIG_DENIED, "config"),
          recorderStatuses: ok([]),
          deliveryChannels: ok([]),
        },
      },
    });
    const f = Object.fromEntries(evaluate(inv, [recorderEnabled]).map((x) => [x.region, x]));
    expect(f["us-east-1"]).toMatchObject({
      status: "ERROR",
      error: { operation: "DescribeConfigurationRecorderStatus", code: CONFIG_DENIED },
    });
    expect(f["eu-west-1"]).toMatchObject({
      status: "FAIL",
      evidence: { unread: ["config:DescribeDeliveryChannels AccessDeniedException"] },
    });
    expect(f["eu-west-1"]?.message).toBe("AWS Config in eu-west-1: no configuration recorder exists.");
    // The recorder list is unreadable, but no delivery channel is a proven problem.
    expect(f["ap-south-1"]).toMatchObject({ status: "FAIL", message: "AWS Config in ap-south-1: no delivery channel exists." });
  });

  it("ERROR for a scanned region that was never collected", () => {
    const inv = inventory({ regions: ["us-east-1", "sa-east-1"], config: { "us-east-1": configuredRegion() } });
    expect(evaluate(inv, [recorderEnabled]).map((f) => `${f.region}:${f.status}:${f.error?.code ?? ""}`)).toEqual([
      "us-east-1:PASS:",
      "sa-east-1:ERROR:NotCollected",
    ]);
  });
});

describe("config-global-resources-recorded", () => {
  it("passes when one scanned region records global types", () => {
    const inv = inventory({ config: { "us-east-1": configuredRegion({ global: true }), "eu-west-1": configuredRegion() } });
    const [f] = evaluate(inv, [globalRecorded]);
    expect(f).toMatchObject({
      status: "PASS",
      region: "global",
      resource: { arn: "arn:aws:config::123456789012:global-resource-recording" },
      evidence: { recordingGlobalTypesIn: [{ region: "us-east-1", recorder: "default" }] },
    });
  });

  it("fails when no region does, and when the one that would is not recording", () => {
    const none = inventory({ config: { "us-east-1": configuredRegion(), "eu-west-1": configuredRegion() } });
    expect(evaluate(none, [globalRecorded])[0]).toMatchObject({
      status: "FAIL",
      message:
        "No recorder in the scanned regions (us-east-1, eu-west-1) is recording global IAM resource types (includeGlobalResourceTypes).",
    });
    const stopped = inventory({ config: { "us-east-1": configuredRegion({ global: true, recording: false }) } });
    expect(evaluate(stopped, [globalRecorded])[0]?.status).toBe("FAIL");
  });

  it("counts an explicit inclusion of the IAM types", () => {
    const region = {
      ...configuredRegion(),
      recorders: ok([
        recorder("default", {
          allSupported: false,
          recordingStrategy: "INCLUSION_BY_RESOURCE_TYPES",
          resourceTypes: ["AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Role", "AWS::IAM::Policy"],
        }),
      ]),
    };
    expect(evaluate(inventory({ config: { "us-east-1": region } }), [globalRecorded])[0]?.status).toBe("PASS");
  });

  it("ERROR when no region proves it and some region could not be read; PASS wins over an unreadable region", () => {
    const unreadable = { recorders: denied<never>("DescribeConfigurationRecorders", "eu-west-1", CONFIG_DENIED, "config") };
    const errorCase = inventory({ config: { "us-east-1": configuredRegion(), "eu-west-1": unreadable } });
    expect(evaluate(errorCase, [globalRecorded])[0]).toMatchObject({
      status: "ERROR",
      error: { region: "eu-west-1", operation: "DescribeConfigurationRecorders" },
    });
    const passCase = inventory({ config: { "us-east-1": configuredRegion({ global: true }), "eu-west-1": unreadable } });
    expect(evaluate(passCase, [globalRecorded])[0]?.status).toBe("PASS");
  });
});
