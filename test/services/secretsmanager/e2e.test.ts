/**
 * Secrets end to end against moto, through the CLI: Secrets Manager's checks and the EC2 user data
 * and launch template checks, in one scan of the secrets scenario that writes every report format
 * and a snapshot. moto 5.2.5 answers DescribeInstanceAttribute userData, DescribeLaunchTemplateVersions
 * ($Latest and $Default of every template) and ListSecrets' rotation fields, but it dates every secret
 * now and never reports LastAccessedDate: old, unused or overdue secrets (SecretsManager.2/.3/.4 FAILs)
 * are covered by the check cases only (test/checks/secretsmanager/).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMATS, RENDERERS } from "../../../reports/index.js";
import { validateReport } from "../../../reports/schema/validate.js";
import { fingerprint } from "../../../src/secrets/fingerprint.js";
import { type CliRun, runCli } from "../../support/cli.js";
import { startMoto, type MotoServer } from "../../support/moto.js";
import { readReport, type JoinedReport } from "../../support/read-report.js";
import { EU, MUST_NOT_APPEAR, PLANTED, seed, US, USER_DATA, type SecretsScenario } from "./scenario.js";

const CHECKS = [
  "ec2-instance-user-data-secrets",
  "ec2-launch-template-user-data-secrets",
  "ec2-launch-template-imdsv2-required",
  "ec2-launch-template-public-ip",
  "secretsmanager-rotation-enabled",
  "secretsmanager-rotation-succeeding",
  "secretsmanager-rotated-recently",
  "secretsmanager-unused",
  "secretsmanager-policy-not-public",
];

describe("secrets end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let dir: string;
  let s: SecretsScenario;
  let run: CliRun;
  let report: JoinedReport;

  beforeAll(async () => {
    moto = await startMoto();
    s = await seed(moto);
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-secrets-"));
    // Every registered format, a snapshot, and progress on stderr (no --quiet): all of it is searched for the planted secrets.
    run = await runCli([
      "scan",
      "--endpoint-url",
      moto.url,
      "--regions",
      `${US},${EU}`,
      "--checks",
      CHECKS.join(","),
      "--format",
      FORMATS.join(","),
      "--output-dir",
      dir,
      "--save-snapshot",
      join(dir, "inventory.json"),
    ]);
    report = readReport(join(dir, `yourside-report.${RENDERERS.json.extension}`));
  }, 180_000);
  afterAll(async () => {
    await moto?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const line = (f: JoinedReport["findings"][number]) =>
    `${f.checkId} ${f.resource.id} ${f.region} ${f.status}${f.status === "FAIL" ? ` ${f.severity}` : ""} ${f.layer}`;
  const find = (checkId: string, id: string) => {
    const f = report.findings.find((x) => x.checkId === checkId && x.resource.id === id);
    if (!f) throw new Error(`no ${checkId} finding for ${id}`);
    return f;
  };

  it("finds the credentials in instance user data and launch templates, by rule and place, and judges the templates", () => {
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    expect(run.code, run.stderr).toBe(1);
    expect(report.scan).toMatchObject({ complete: true, errors: [] });
    const { instances: i, templates: t } = s;
    expect(
      report.findings
        .filter((f) => f.service === "ec2")
        .map(line)
        .sort(),
    ).toEqual(
      [
        `ec2-instance-user-data-secrets ${i.batch} ${US} FAIL critical identity`,
        `ec2-instance-user-data-secrets ${i.clean} ${US} PASS identity`,
        `ec2-instance-user-data-secrets ${i.chatops} ${EU} FAIL high identity`,
        `ec2-launch-template-user-data-secrets ${t.batchWorkers} ${US} FAIL critical identity`,
        `ec2-launch-template-user-data-secrets ${t.webFleet} ${US} PASS identity`,
        `ec2-launch-template-user-data-secrets ${t.euApp} ${EU} PASS identity`,
        `ec2-launch-template-imdsv2-required ${t.batchWorkers} ${US} FAIL medium os`,
        `ec2-launch-template-imdsv2-required ${t.webFleet} ${US} PASS os`,
        `ec2-launch-template-imdsv2-required ${t.euApp} ${EU} FAIL medium os`,
        `ec2-launch-template-public-ip ${t.batchWorkers} ${US} FAIL medium network`,
        `ec2-launch-template-public-ip ${t.webFleet} ${US} PASS network`,
        `ec2-launch-template-public-ip ${t.euApp} ${EU} PASS network`,
      ].sort(),
    );
    expect(find("ec2-instance-user-data-secrets", i.batch).message).toBe(
      `Instance ${i.batch} (batch-legacy) has credentials in its user data: AWS Access Key ID on line 3, AWS Secret Access Key on line 4, PostgreSQL connection string on line 5.`,
    );
    expect(find("ec2-instance-user-data-secrets", i.batch).evidence).toMatchObject({
      userData: { format: "gzip", detections: [{ line: 3, fingerprint: expect.stringMatching(/^AKIA…/) }, { line: 4 }, { line: 5 }] },
    });
    expect(find("ec2-instance-user-data-secrets", i.chatops).message).toBe(
      `Instance ${i.chatops} (chatops) has credentials in its user data: GitHub Token in MIME part 2, line 3.`,
    );
    expect(find("ec2-instance-user-data-secrets", i.clean).evidence).toMatchObject({ userData: { format: "mime-multipart", parts: 2 } });
    expect(find("ec2-launch-template-user-data-secrets", t.batchWorkers)).toMatchObject({
      resource: { type: "AWS::EC2::LaunchTemplate", arn: `arn:aws:ec2:${US}:123456789012:launch-template/${t.batchWorkers}` },
      message: `Launch template batch-workers (${t.batchWorkers}) has credentials in its user data: version 1 (default): Private key on line 3.`,
    });
    expect(find("ec2-launch-template-imdsv2-required", t.batchWorkers).message).toBe(
      `Launch template batch-workers (${t.batchWorkers}) launches instances that allow IMDSv1: version 1 (default) sets HttpTokens=optional.`,
    );
    expect(find("ec2-launch-template-public-ip", t.batchWorkers)).toMatchObject({
      message: expect.stringContaining("version 1 (default) (device 0)"),
      compliance: { "aws-fsbp": ["EC2.25"] },
    });
  });

  it("judges Secrets Manager's rotation, use and resource policies, and never asks for a value", () => {
    const { secrets: x } = s;
    const name = (arn: string) => arn.split(":secret:")[1]!.replace(/-[A-Za-z0-9]{6}$/, "");
    const [orders, partner, reporting, eu] = [name(x.ordersDb), name(x.partnerKey), name(x.reporting), name(x.euToken)] as const;
    expect(
      report.findings
        .filter((f) => f.service === "secretsmanager")
        .map(line)
        .sort(),
    ).toEqual(
      [
        `secretsmanager-rotation-enabled ${orders} ${US} PASS identity`,
        `secretsmanager-rotation-enabled ${partner} ${US} FAIL medium identity`,
        `secretsmanager-rotation-enabled ${reporting} ${US} FAIL medium identity`,
        `secretsmanager-rotation-enabled ${eu} ${EU} PASS identity`,
        `secretsmanager-rotation-succeeding ${orders} ${US} PASS identity`,
        `secretsmanager-rotation-succeeding ${eu} ${EU} PASS identity`,
        ...[orders, partner, reporting].map((n) => `secretsmanager-rotated-recently ${n} ${US} PASS identity`),
        `secretsmanager-rotated-recently ${eu} ${EU} PASS identity`,
        ...[orders, partner, reporting].map((n) => `secretsmanager-unused ${n} ${US} PASS identity`),
        `secretsmanager-unused ${eu} ${EU} PASS identity`,
        `secretsmanager-policy-not-public ${orders} ${US} PASS identity`,
        `secretsmanager-policy-not-public ${partner} ${US} FAIL critical identity`,
        `secretsmanager-policy-not-public ${reporting} ${US} PASS identity`,
        `secretsmanager-policy-not-public ${eu} ${EU} PASS identity`,
      ].sort(),
    );
    expect(find("secretsmanager-rotation-succeeding", orders).message).toMatch(
      /^Secret prod\/orders-db rotates on schedule \(every 30 days\): last rotated on \S+ \(0 days ago\), next on \S+\.$/,
    );
    expect(find("secretsmanager-policy-not-public", partner)).toMatchObject({
      resource: { type: "AWS::SecretsManager::Secret", arn: x.partnerKey },
      message: `The resource policy of Secret legacy/partner-api-key lets anyone read the secret's value: Sid "Partner" allows "*" secretsmanager:GetSecretValue without any condition.`,
    });
    expect(find("secretsmanager-policy-not-public", reporting).message).toContain("pinned by aws:principalorgid");
    // moto never reports LastAccessedDate: every secret reads as never retrieved, since today.
    expect(find("secretsmanager-unused", eu).message).toMatch(
      /has never been retrieved since it was created on \S+, 0 days ago \(limit 90\)/,
    );
    // Per region one listing of each kind; one user data read per live instance, one policy read per secret; never GetSecretValue.
    expect(report.scan.stats.skipped).toEqual({});
    expect(report.scan.stats.calls).toEqual({
      "ec2:DescribeInstances": 2,
      "ec2:DescribeInstanceAttribute": 3,
      "ec2:DescribeLaunchTemplateVersions": 2,
      "secretsmanager:ListSecrets": 2,
      "secretsmanager:GetResourcePolicy": 4,
      "sts:GetCallerIdentity": 1,
    });
  });

  it("no planted credential, secret value or user data appears in any report format, the snapshot or a log line", async () => {
    const files = readdirSync(dir).sort();
    // Every registered renderer wrote its file: formats added later are searched too.
    for (const format of FORMATS) expect(files).toContain(`yourside-report.${RENDERERS[format].extension}`);
    expect(files).toContain("inventory.json");
    const outputs: [string, string][] = [
      ...files.map((f): [string, string] => [f, readFileSync(join(dir, f), "utf8")]),
      ["stdout", run.stdout],
      ["stderr", run.stderr],
    ];
    expect(run.stderr.length, "progress lines were written").toBeGreaterThan(0);
    const forbidden = [...MUST_NOT_APPEAR, ...Object.values(USER_DATA)];
    for (const [where, text] of outputs) {
      for (const secret of forbidden)
        expect(text.includes(secret), `${where} contains a planted secret (${secret.slice(0, 4)}…)`).toBe(false);
    }
    // Not vacuous: the snapshot and the reports do hold the detections, by fingerprint.
    const fp = await fingerprint(PLANTED.accessKeyId);
    expect(fp).toMatch(/^AKIA…[0-9a-f]{12}$/);
    // CSV and the table carry no evidence column: there the finding itself must be listed (the table wraps ids, so it is counted).
    for (const [where, text] of outputs.filter(([f]) => f !== "stdout" && f !== "stderr")) {
      if (where.endsWith(".csv")) expect(text, where).toContain("ec2-instance-user-data-secrets");
      else if (where.endsWith(".txt")) expect(text, where).toMatch(/^[1-9]\d* failing findings/);
      else expect(text, where).toContain(fp);
    }
  });
});
