import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify, type Notification } from "../../../src/notify.js";
import type { Finding } from "../../../src/results.js";
import { freePort } from "../../support/moto.js";
import { bucket, buildFixtureReport, makeFinding } from "../../support/report-fixture.js";

/** A webhook on loopback that answers with the statuses queued, then 200; it records every body. */
function webhook() {
  const bodies: Notification[] = [];
  const statuses: (number | "hang")[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      bodies.push(JSON.parse(body) as Notification);
      const status = statuses.shift() ?? 200;
      if (status === "hang") return;
      res.writeHead(status).end();
    });
  });
  return { server, bodies, statuses, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T0/B0/secret-token` };
}

const finding = (name: string, severity: Finding["severity"], change?: Finding["change"]): Finding => ({
  ...makeFinding("s3-bucket-public-policy", { status: "FAIL", resource: bucket(name), message: `${name} is public`, severity }),
  ...(change ? { change } : {}),
});

describe("--notify", () => {
  const hook = webhook();
  beforeAll(() => new Promise<void>((resolve) => hook.server.listen(0, "127.0.0.1", resolve)));
  afterAll(() => new Promise<void>((resolve) => hook.server.close(() => resolve())));

  it("posts the new failing findings at or above the threshold: a Slack-style text and the structured list", async () => {
    hook.bodies.length = 0;
    const report = buildFixtureReport({
      findings: [finding("fresh", "high", "new"), finding("old", "critical", "unchanged"), finding("minor", "low", "new")],
    });
    expect(await notify(hook.url(), report, { threshold: "medium" })).toBeUndefined();
    expect(hook.bodies).toHaveLength(1);
    const [body] = hook.bodies;
    expect(body!.new.map((f) => f.resource)).toEqual(["arn:aws:s3:::fresh"]);
    expect(body!.text).toMatch(
      /^yourside: 1 new failing finding\(s\) in 123456789012\n• \[high\] s3-bucket-public-policy — fresh \(us-east-1\): fresh is public$/,
    );
    expect(body!.scan).toMatchObject({ id: report.scan.id, accounts: ["123456789012"] });
  });

  it("posts nothing when nothing is new", async () => {
    hook.bodies.length = 0;
    const report = buildFixtureReport({ findings: [finding("old", "critical", "unchanged")] });
    expect(await notify(hook.url(), report, { threshold: "low" })).toBeUndefined();
    expect(hook.bodies).toHaveLength(0);
  });

  it("retries a 5xx, and gives up on a 4xx at once; the problem is one line without the webhook's address", async () => {
    const report = buildFixtureReport({ findings: [finding("fresh", "high", "new")] });
    hook.bodies.length = 0;
    hook.statuses.push(503, 500);
    expect(await notify(hook.url(), report, { threshold: "low", backoffMs: 10 })).toBeUndefined();
    expect(hook.bodies).toHaveLength(3);
    hook.bodies.length = 0;
    hook.statuses.push(404);
    const problem = await notify(hook.url(), report, { threshold: "low", backoffMs: 10 });
    expect(problem).toBe("HTTP 404 after 1 attempt(s)");
    expect(hook.bodies).toHaveLength(1);
    expect(problem).not.toContain("secret-token");
  });

  it("a webhook that does not answer is cut at the timeout, each attempt", async () => {
    hook.statuses.push("hang", "hang");
    const report = buildFixtureReport({ findings: [finding("fresh", "high", "new")] });
    const started = Date.now();
    expect(await notify(hook.url(), report, { threshold: "low", timeoutMs: 200, attempts: 2, backoffMs: 10 })).toBe(
      "timed out after 2 attempt(s)",
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("an address nobody listens on is reported, not thrown", async () => {
    const report = buildFixtureReport({ findings: [finding("fresh", "high", "new")] });
    const port = await freePort();
    expect(await notify(`http://127.0.0.1:${port}/hook`, report, { threshold: "low", attempts: 1 })).toMatch(
      /^ECONNREFUSED after 1 attempt/,
    );
  });
});
