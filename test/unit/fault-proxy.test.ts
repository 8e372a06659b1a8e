import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { STSClient } from "@aws-sdk/client-sts";
import { AwsSession } from "../../src/aws/session.js";
import { SERVICES } from "../../src/services/index.js";
import { REPO_ROOT } from "../support/paths.js";
import { errorCode } from "../../src/aws/errors.js";
import {
  errorFor,
  identifyRequest,
  startFaultProxy,
  type Fault,
  type FaultProxy,
  type Protocol,
  type RawRequest,
} from "../support/fault-proxy.js";
import { startMoto, TEST_ACCOUNT, TEST_CREDENTIALS, type MotoServer } from "../support/moto.js";
import { declaredOperations } from "../faults/scenario.js";

const auth = (region: string, service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123`;

const raw = (method: string, url: string, headers: Record<string, string> = {}, body = ""): RawRequest => ({
  method,
  url,
  headers: { host: "127.0.0.1:4566", ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) },
  body,
});

describe("identifyRequest names each wire request the way the scanner's call recorder does", () => {
  const s3 = (url: string, method = "GET") => identifyRequest(raw(method, url, { authorization: auth("eu-west-1", "s3") }));

  it.each([
    ["/?x-id=ListBuckets", "s3:ListBuckets"],
    ["/", "s3:ListBuckets"],
    ["/bucket?policy", "s3:GetBucketPolicy"],
    ["/bucket?policyStatus", "s3:GetBucketPolicyStatus"],
    ["/bucket?acl", "s3:GetBucketAcl"],
    ["/bucket?location", "s3:GetBucketLocation"],
    ["/bucket?encryption", "s3:GetBucketEncryption"],
    ["/bucket?ownershipControls", "s3:GetBucketOwnershipControls"],
    ["/bucket?versioning", "s3:GetBucketVersioning"],
    ["/bucket?logging", "s3:GetBucketLogging"],
    ["/bucket?publicAccessBlock", "s3:GetPublicAccessBlock"],
    ["/bucket?list-type=2", "s3:ListObjectsV2"],
    ["/bucket/some/key.txt?x-id=GetObject", "s3:GetObject"],
  ])("S3 REST GET %s is %s", (url, key) => {
    expect(s3(url)).toMatchObject({ key, region: "eu-west-1", protocol: "rest-xml" });
  });

  it("S3 REST writes are told apart from reads by method", () => {
    expect(s3("/bucket?policy", "PUT").key).toBe("s3:PutBucketPolicy");
    expect(s3("/bucket?policy", "DELETE").key).toBe("s3:DeleteBucketPolicy");
    expect(s3("/bucket", "PUT").key).toBe("s3:CreateBucket");
  });

  it("S3 Control by its path, whatever the (account-prefixed alias) host", () => {
    const info = identifyRequest(
      raw("GET", "/v20180820/configuration/publicAccessBlock", {
        host: `${TEST_ACCOUNT}.yourside-endpoint.invalid:4566`,
        authorization: auth("us-east-1", "s3"),
        "x-amz-account-id": TEST_ACCOUNT,
      }),
    );
    expect(info).toMatchObject({
      key: "s3-control:GetPublicAccessBlock",
      service: "s3-control",
      protocol: "s3-control",
      region: "us-east-1",
    });
    const control = (method: string, path: string) =>
      identifyRequest(raw(method, path, { host: `${TEST_ACCOUNT}.yourside-endpoint.invalid:4566`, authorization: auth("eu-west-1", "s3") }))
        .key;
    expect(control("GET", "/v20180820/accesspoint?bucket=data&maxResults=1000")).toBe("s3-control:ListAccessPoints");
    expect(control("GET", "/v20180820/accesspoint/partner-ap")).toBe("s3-control:GetAccessPoint");
    expect(control("PUT", "/v20180820/accesspoint/partner-ap")).toBe("s3-control:CreateAccessPoint");
  });

  it("query protocols by the form body's Action, service and region from the credential scope", () => {
    const form = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };
    expect(
      identifyRequest(
        raw("POST", "/", { ...form, authorization: auth("us-east-1", "sts") }, "Action=GetCallerIdentity&Version=2011-06-15"),
      ),
    ).toMatchObject({ key: "sts:GetCallerIdentity", protocol: "query", region: "us-east-1" });
    expect(
      identifyRequest(
        raw(
          "POST",
          "/",
          { ...form, authorization: auth("us-east-1", "iam") },
          "Action=GetAccountAuthorizationDetails&Version=2010-05-08&MaxItems=1000",
        ),
      ),
    ).toMatchObject({ key: "iam:GetAccountAuthorizationDetails", protocol: "query" });
    expect(
      identifyRequest(
        raw("POST", "/", { ...form, authorization: auth("ap-south-1", "ec2") }, "Action=DescribeSecurityGroups&Version=2016-11-15"),
      ),
    ).toMatchObject({ key: "ec2:DescribeSecurityGroups", protocol: "ec2", region: "ap-south-1" });
  });

  it("JSON protocols by X-Amz-Target", () => {
    const info = identifyRequest(
      raw(
        "POST",
        "/",
        {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "StarlingDoveService.DescribeConfigurationRecorders",
          authorization: auth("eu-west-1", "config"),
        },
        "{}",
      ),
    );
    expect(info).toMatchObject({ key: "config:DescribeConfigurationRecorders", protocol: "json", region: "eu-west-1" });
  });

  it("CloudWatch by its session name, though it signs as monitoring", () => {
    const info = identifyRequest(
      raw(
        "POST",
        "/",
        {
          "content-type": "application/x-amz-json-1.0",
          "x-amz-target": "GraniteServiceVersion20100801.DescribeAlarms",
          authorization: auth("us-east-1", "monitoring"),
        },
        "{}",
      ),
    );
    expect(info).toMatchObject({ key: "cloudwatch:DescribeAlarms", service: "cloudwatch", protocol: "json", region: "us-east-1" });
  });

  it.each([
    ["securityhub", "GET", "/accounts", "securityhub:DescribeHub"],
    ["guardduty", "GET", "/detector?MaxResults=50", "guardduty:ListDetectors"],
    ["guardduty", "GET", "/detector/12abc34d567e8fa901bc2d34e56789f0", "guardduty:GetDetector"],
    ["guardduty", "POST", "/detector/12abc34d567e8fa901bc2d34e56789f0", "guardduty:UpdateDetector"],
    ["access-analyzer", "GET", "/analyzer", "access-analyzer:ListAnalyzers"],
    ["elasticfilesystem", "GET", "/2015-02-01/file-systems?MaxItems=100", "elasticfilesystem:DescribeFileSystems"],
    ["elasticfilesystem", "GET", "/2015-02-01/file-systems/fs-0a1b2c3d/policy", "elasticfilesystem:DescribeFileSystemPolicy"],
    ["elasticfilesystem", "PUT", "/2015-02-01/file-systems/fs-0a1b2c3d/policy", "elasticfilesystem:PutFileSystemPolicy"],
  ])("REST-JSON %s: %s %s is %s (by the signing name, method and path)", (signing, method, url, key) => {
    expect(identifyRequest(raw(method, url, { authorization: auth("eu-west-1", signing) }))).toMatchObject({
      key,
      protocol: "rest-json",
      region: "eu-west-1",
    });
  });

  it("each fault kind has the status and code the real service uses", () => {
    const codes = (fault: Fault) =>
      (["rest-xml", "s3-control", "ec2", "query", "json", "rest-json"] as Protocol[]).map(
        (p) => `${errorFor(fault, p).status} ${errorFor(fault, p).code}`,
      );
    expect(codes({ kind: "throttle" })).toEqual([
      "503 SlowDown",
      "503 SlowDown",
      "503 RequestLimitExceeded",
      "400 Throttling",
      "400 ThrottlingException",
      "429 TooManyRequestsException",
    ]);
    expect(codes({ kind: "access-denied" })).toEqual([
      "403 AccessDenied",
      "403 AccessDenied",
      "403 UnauthorizedOperation",
      "403 AccessDenied",
      "400 AccessDeniedException",
      "403 AccessDeniedException",
    ]);
    expect(codes({ kind: "server-error", status: 500 })).toEqual([
      "500 InternalError",
      "500 InternalError",
      "500 InternalError",
      "500 InternalFailure",
      "500 InternalFailure",
      "500 InternalFailure",
    ]);
    expect(codes({ kind: "server-error", status: 503 })).toEqual([
      "503 ServiceUnavailable",
      "503 ServiceUnavailable",
      "503 Unavailable",
      "503 ServiceUnavailable",
      "503 ServiceUnavailable",
      "503 ServiceUnavailable",
    ]);
  });
});

/** The SDK client of each session service name: what the registry's services declare, and STS for the bootstrap. */
const CLIENTS = new Map<string, unknown>([["sts", STSClient], ...SERVICES.flatMap((s) => Object.entries(s.clients))]);

/** The SDK packages package.json depends on, loaded: where each client's commands are. */
const SDK_MODULES: Record<string, unknown>[] = await Promise.all(
  Object.keys((JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies)
    .filter((name) => name.startsWith("@aws-sdk/client-"))
    .map(async (name) => (await import(name)) as Record<string, unknown>),
);

/** Enough input for any read the scanner declares (path labels must be present; extra members are ignored). */
const INPUT = {
  Bucket: "fault-proxy-bucket",
  AccountId: TEST_ACCOUNT,
  SnapshotId: "snap-0123456789abcdef0",
  Attribute: "createVolumePermission",
  Name: "fault-proxy-trail",
  TrailName: "fault-proxy-trail",
  DetectorId: "12abc34d567e8fa901bc2d34e56789f0",
  FileSystemId: "fs-0a1b2c3d",
};

interface SdkClientLike {
  send(command: unknown): Promise<unknown>;
}

describe("every operation the scanner declares, sent by the real SDK through the proxy", () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  const operations = [...declaredOperations().keys()].sort();

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startFaultProxy({ target: moto.url });
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  /** Sends `key`'s command the way the scanner builds clients; resolves to the error code or "OK". */
  async function call(session: AwsSession, key: string, region = "us-east-1"): Promise<{ code: string; status?: number }> {
    const [service, operation] = key.split(":") as [string, string];
    const Client = CLIENTS.get(service) as (new (config: object) => SdkClientLike) | undefined;
    if (!Client) throw new Error(`no service declares an SDK client for ${service} (ServiceDefinition.clients)`);
    const mod = SDK_MODULES.find((m) => Object.values(m).includes(Client));
    if (!mod) throw new Error(`no @aws-sdk/client-* dependency exports the client for ${service}`);
    const Command = mod[`${operation}Command`] as (new (input: object) => unknown) | undefined;
    if (!Command) throw new Error(`the SDK client for ${service} has no ${operation}Command`);
    const client = session.client(Client as never, service, region) as unknown as SdkClientLike;
    try {
      await client.send(new Command(INPUT));
      return { code: "OK" };
    } catch (err) {
      return { code: errorCode(err), status: (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode };
    }
  }

  const session = (maxAttempts: number, requestTimeoutMs = 5_000) =>
    new AwsSession({ endpointUrl: proxy.url, maxAttempts, requestTimeoutMs, credentials: () => Promise.resolve(TEST_CREDENTIALS) });

  const attempts = (key: string) => proxy.log().filter((l) => l.info.key === key);

  it("declares at least the operations of every service in the catalogue", () => {
    const services = new Set(operations.map((k) => k.split(":")[0]));
    for (const s of ["sts", "s3", "s3-control"]) expect(services).toContain(s);
  });

  it("identifies each one and answers AccessDenied in the shape the SDK parses into the service's code", async () => {
    const s = session(1);
    try {
      for (const key of operations) {
        proxy.reset();
        proxy.setRules([{ fault: { kind: "access-denied" } }]);
        const result = await call(s, key);
        const seen = attempts(key);
        expect(
          seen.map((l) => l.info.key),
          `the proxy saw ${JSON.stringify(proxy.log().map((l) => l.info.key))}`,
        ).toEqual([key]);
        const expected = errorFor({ kind: "access-denied" }, seen[0]!.info.protocol);
        expect(result, key).toEqual({ code: expected.code, status: expected.status });
      }
    } finally {
      s.destroy();
    }
  });

  it.each([
    ["throttling", { kind: "throttle" }],
    ["500", { kind: "server-error", status: 500 }],
    ["503", { kind: "server-error", status: 503 }],
  ] as const)("%s on the first attempt of each: the SDK retries it (its error shape is recognised as transient)", async (_name, fault) => {
    const s = session(2);
    try {
      proxy.reset();
      proxy.setRules([{ fault, fraction: 0.5 }]);
      await Promise.all(operations.map((key) => call(s, key)));
      for (const key of operations) {
        expect(
          attempts(key).map((l) => l.fault ?? "forwarded"),
          key,
        ).toEqual([fault.kind, "forwarded"]);
      }
    } finally {
      s.destroy();
    }
  });

  it("a hung answer ends in the per-call timeout, retried up to the attempt limit", async () => {
    const s = session(2, 300);
    try {
      proxy.reset();
      proxy.setRules([{ fault: { kind: "hang" } }]);
      const started = Date.now();
      const results = await Promise.all(operations.map((key) => call(s, key)));
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const [i, key] of operations.entries()) {
        expect(results[i]!.code, key).toBe("TimeoutError");
        expect(
          attempts(key).map((l) => l.fault),
          key,
        ).toEqual(["hang", "hang"]);
      }
    } finally {
      s.destroy();
    }
  });

  it("a dropped connection is retried, then named ECONNRESET", async () => {
    const s = session(2);
    try {
      proxy.reset();
      proxy.setRules([{ fault: { kind: "drop" } }]);
      const results = await Promise.all(operations.map((key) => call(s, key)));
      for (const [i, key] of operations.entries()) {
        expect(results[i]!.code, key).toBe("ECONNRESET");
        expect(
          attempts(key).map((l) => l.fault),
          key,
        ).toEqual(["drop", "drop"]);
      }
    } finally {
      s.destroy();
    }
  });

  it("a cut-off body in each protocol is a MalformedResponse, not data and not retried", async () => {
    const s = session(2);
    try {
      proxy.reset();
      proxy.setRules([{ fault: { kind: "malformed" } }]);
      for (const key of [
        "s3:ListBuckets",
        "s3-control:GetPublicAccessBlock",
        "sts:GetCallerIdentity",
        "ec2:DescribeRegions",
        "iam:GetAccountSummary",
        "config:DescribeConfigurationRecorders",
        "guardduty:ListDetectors",
      ]) {
        if (!/^(config|guardduty):/.test(key) || operations.includes(key)) {
          expect((await call(s, key)).code, key).toBe("MalformedResponse");
          expect(
            attempts(key).map((l) => l.fault),
            key,
          ).toEqual(["malformed"]);
        }
      }
    } finally {
      s.destroy();
    }
  });
});

describe("rule matching and counters", () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startFaultProxy({ target: moto.url });
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  const sts = (region: string, body = "Action=GetCallerIdentity&Version=2011-06-15") =>
    fetch(`${proxy.url}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth(region, "sts") },
      body,
    }).then(async (r) => ({ status: r.status, text: await r.text() }));

  it("fraction 0.5 faults every other attempt of the same request, and counts what it injected", async () => {
    proxy.reset();
    proxy.setRules([{ operations: ["sts:GetCallerIdentity"], fault: { kind: "throttle" }, fraction: 0.5 }]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await sts("us-east-1")).status);
    expect(statuses).toEqual([400, 200, 400, 200]);
    // A different request (another region) has its own count.
    expect((await sts("eu-west-1")).status).toBe(400);
    expect(proxy.stats()).toMatchObject({
      requests: { "sts:GetCallerIdentity": 5 },
      forwarded: 2,
      injected: { throttle: 3 },
      injectedByOperation: { "throttle sts:GetCallerIdentity": 3 },
    });
  });

  it("times caps a rule; region narrows it; the first matching rule wins", async () => {
    proxy.reset();
    proxy.setRules([
      { region: "eu-west-1", fault: { kind: "access-denied" } },
      { operations: ["sts:GetCallerIdentity"], fault: { kind: "server-error", status: 500 }, times: 1 },
    ]);
    expect((await sts("eu-west-1")).status).toBe(403);
    expect((await sts("us-east-1")).status).toBe(500);
    expect((await sts("us-east-1")).status).toBe(200);
    expect(proxy.log().map((l) => l.fault ?? "-")).toEqual(["access-denied", "server-error", "-"]);
  });

  it("echoes the signing headers into an error message only when asked", async () => {
    proxy.reset();
    proxy.setRules([{ fault: { kind: "access-denied", echoHeaders: true } }]);
    const echoed = await fetch(`${proxy.url}/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: auth("us-east-1", "sts"),
        "x-amz-security-token": "TOKEN123",
      },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    }).then((r) => r.text());
    expect(echoed).toContain("X-Amz-Security-Token: TOKEN123");
    expect(echoed).toContain("Credential=AKIDEXAMPLE/");
  });
});
