/**
 * The report model: the responsibility matrix's states, the fix list (ranking, grouping, filled
 * commands), the compliance summaries and the audit record, as buildReport and evaluateScan make them.
 */
import { describe, expect, it } from "vitest";
import { parseCompliance, selectChecks } from "../../../src/cli/options.js";
import type { Check } from "../../../src/check.js";
import { demoSnapshotPath } from "../../../src/demo.js";
import { FRAMEWORKS, FRAMEWORK_INFO } from "../../../src/frameworks/index.js";
import { CELL_STATES, REQUIREMENT_STATUSES, type CellState, type Report } from "../../../src/report.js";
import type { Finding } from "../../../src/results.js";
import { evaluateScan } from "../../../src/scan.js";
import { CHECKS as CATALOGUE } from "../../../src/services/index.js";
import { DEFAULT_SETTINGS } from "../../../src/settings.js";
import { loadSnapshot } from "../../../src/snapshot.js";
import { ACCOUNT, bucket, buildFixtureReport, makeFinding, SG_RULE } from "../../support/report-fixture.js";
import { buildReport } from "../../../src/report.js";
import { fixtureScan } from "../../support/report-fixture.js";

const catalogueCheck = (id: string): Check => {
  const c = CATALOGUE.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};

/** A report of `checks` (from the catalogue) with `findings`, as buildReport makes it. */
const reportOf = (checkIds: string[], findings: Finding[], leftOut: Finding[] = []): Report =>
  buildReport(
    fixtureScan({ services: [...new Set(checkIds.map((id) => catalogueCheck(id).service))], errors: [], complete: true }),
    findings,
    checkIds.map(catalogueCheck),
    { leftOut },
  );

const cell = (report: Report, service: string, layer: string) =>
  report.responsibilityMatrix.services[service as "s3"]!.cells[layer as "data"];

const finding = (checkId: string, status: Finding["status"], resource = bucket("b"), extra: Partial<Finding> = {}): Finding => ({
  ...makeFinding(catalogueCheck(checkId), {
    status,
    resource,
    message: `${checkId} ${status}`,
    ...(status === "ERROR" || (status === "MUTED" && extra.muted?.of === "ERROR")
      ? { error: { service: "s3", region: "us-east-1", operation: "GetBucketPolicy", code: "AccessDenied", message: "denied" } }
      : {}),
  }),
  ...extra,
});

describe("responsibility matrix: one meaning per state", () => {
  const seen = new Set<CellState>();
  const expectState = (report: Report, service: string, layer: string, state: CellState) => {
    expect(cell(report, service, layer).state).toBe(state);
    seen.add(state);
  };

  it("provider and not-applicable for the layers the customer does not own", () => {
    const report = reportOf(["s3-bucket-public-policy"], [finding("s3-bucket-public-policy", "PASS")]);
    expectState(report, "s3", "physical", "provider");
    expectState(report, "s3", "os", "provider");
    expectState(report, "s3", "network", "not-applicable");
    expect(cell(report, "s3", "physical")).toMatchObject({
      owner: "provider",
      checks: [],
      results: { PASS: 0, FAIL: 0, ERROR: 0, MUTED: 0 },
    });
  });

  it("failing when a result fails, whatever else there is, with every status counted", () => {
    const report = reportOf(
      ["s3-bucket-public-policy"],
      [
        finding("s3-bucket-public-policy", "FAIL"),
        finding("s3-bucket-public-policy", "PASS", bucket("c")),
        finding("s3-bucket-public-policy", "ERROR", bucket("d")),
      ],
    );
    expectState(report, "s3", "data", "failing");
    expect(cell(report, "s3", "data").results).toEqual({ PASS: 1, FAIL: 1, ERROR: 1, MUTED: 0 });
  });

  it("passing when something passed and nothing failed", () => {
    const report = reportOf(["s3-bucket-public-policy"], [finding("s3-bucket-public-policy", "PASS")]);
    expectState(report, "s3", "data", "passing");
  });

  it("could-not-assess when the only results are ERROR (not 'assessed', as an unreachable region used to be)", () => {
    const report = reportOf(
      ["s3-bucket-public-policy", "s3-account-block-public-access"],
      [finding("s3-bucket-public-policy", "ERROR"), finding("s3-account-block-public-access", "ERROR", bucket("e"))],
    );
    expectState(report, "s3", "data", "could-not-assess");
    expect(cell(report, "s3", "data").results.ERROR).toBe(2);
  });

  it("muted when every result is muted", () => {
    const report = reportOf(
      ["s3-bucket-tls-only"],
      [finding("s3-bucket-tls-only", "MUTED", bucket("b"), { muted: { reason: "accepted", of: "FAIL" } })],
    );
    expectState(report, "s3", "encryption", "muted");
  });

  it("not-selected when the catalogue covers the cell but the selection left its checks out", () => {
    const report = reportOf(["s3-bucket-public-policy"], [finding("s3-bucket-public-policy", "PASS")]);
    expectState(report, "s3", "encryption", "not-selected");
    expect(cell(report, "s3", "encryption").checks).toEqual([]);
    expect(cell(report, "s3", "encryption").notSelected).toEqual([
      "s3-bucket-default-encryption",
      "s3-bucket-tls-only",
      "s3-bucket-kms-cmk-encryption",
    ]);
  });

  it("not-selected too when --severity left out everything the cell's checks found", () => {
    const left = [finding("s3-bucket-default-encryption", "FAIL")];
    const report = reportOf(["s3-bucket-default-encryption"], [], left);
    expectState(report, "s3", "encryption", "not-selected");
    expect(cell(report, "s3", "encryption")).toMatchObject({ checks: ["s3-bucket-default-encryption"], leftOut: 1 });
  });

  it("nothing-to-assess when its checks ran and found no resource (an account without instances)", () => {
    const report = reportOf(["ec2-instance-imdsv2-required"], []);
    expectState(report, "ec2", "os", "nothing-to-assess");
    expect(cell(report, "ec2", "os")).toMatchObject({ checks: ["ec2-instance-imdsv2-required"], leftOut: 0 });
  });

  it("not-covered when no check of the catalogue covers a duty the customer owns", () => {
    const report = reportOf(["s3-bucket-public-policy"], [finding("s3-bucket-public-policy", "PASS")]);
    expectState(report, "s3", "identity", "not-covered");
    expect(cell(report, "s3", "identity")).toMatchObject({ owner: "customer", checks: [], notSelected: [] });
  });

  it("has covered every state in the scenarios above", () => {
    expect([...seen].sort()).toEqual([...CELL_STATES].sort());
  });
});

describe("summary", () => {
  it("counts every status, severity and layer explicitly, and failing ones by layer", () => {
    const { summary } = buildFixtureReport();
    expect(summary.byStatus).toEqual({ PASS: 2, FAIL: 7, ERROR: 2, MUTED: 1 });
    expect(summary.bySeverity.informational).toBe(1);
    expect(summary.failingByLayer).toEqual({ data: 3, identity: 1, application: 0, network: 1, os: 0, encryption: 1, monitoring: 1 });
    const empty = buildFixtureReport({ findings: [] }).summary;
    expect(empty.byStatus).toEqual({ PASS: 0, FAIL: 0, ERROR: 0, MUTED: 0 });
    expect(Object.values(empty.failingBySeverity)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("the fix list", () => {
  const demo = (): Report =>
    evaluateScan({
      inventory: loadSnapshot(demoSnapshotPath()),
      checks: CATALOGUE,
      settings: DEFAULT_SETTINGS,
      mutes: [],
      startedAt: new Date("2026-12-02T00:00:00Z"),
      stats: { calls: {}, skipped: {} },
      source: "demo",
    });

  it("puts every FAIL finding under exactly one item, and nothing else", () => {
    const report = demo();
    const listed = report.backlog.flatMap((i) => i.findings);
    const failing = report.findings.filter((f) => f.status === "FAIL").map((f) => f.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...failing].sort());
    expect(report.backlog.map((i) => i.rank)).toEqual(report.backlog.map((_, i) => i + 1));
  });

  it("ranks by severity, then exposure, then blast radius: a public-read bucket before the root's hardware MFA", () => {
    const report = reportOf(
      ["iam-root-hardware-mfa", "s3-bucket-public-policy", "iam-full-admin", "s3-bucket-versioning"],
      [
        finding("iam-root-hardware-mfa", "FAIL", { arn: `arn:aws:::${ACCOUNT}`, id: ACCOUNT, type: "AWS::::Account" }),
        { ...finding("s3-bucket-public-policy", "FAIL", bucket("public-reports")), severity: "high" },
        finding("iam-full-admin", "FAIL", { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, id: "alice", type: "AWS::IAM::User" }),
        { ...finding("s3-bucket-versioning", "FAIL", bucket("public-reports")), severity: "high" },
      ],
    );
    expect(report.backlog.map((i) => [i.checkId, i.severity, i.exposure, i.blastRadius])).toEqual([
      ["s3-bucket-public-policy", "high", "public", null],
      ["iam-full-admin", "high", "internal", "admin"],
      // Same severity, no exposure or blast radius: more findings first, then by title ("S3 bucket…" before "The root user…").
      ["s3-bucket-versioning", "high", null, null],
      ["iam-root-hardware-mfa", "high", null, null],
    ]);
  });

  it("groups what one account-level setting closes: account Block Public Access over every bucket's public-access findings", () => {
    const account = { arn: `arn:aws:s3::${ACCOUNT}:account`, id: ACCOUNT, type: "AWS::S3::AccountPublicAccessBlock" };
    const report = reportOf(
      ["s3-account-block-public-access", "s3-bucket-public-policy", "s3-bucket-public-acl", "s3-bucket-default-encryption"],
      [
        finding("s3-account-block-public-access", "FAIL", account, { region: "global" }),
        finding("s3-bucket-public-policy", "FAIL", bucket("a")),
        finding("s3-bucket-public-acl", "FAIL", bucket("b")),
        finding("s3-bucket-default-encryption", "FAIL", bucket("a")),
      ],
    );
    const [bpa, other] = report.backlog;
    expect(report.backlog).toHaveLength(2);
    expect(bpa).toMatchObject({
      title: `Turn on S3 Block Public Access for account ${ACCOUNT}`,
      checkId: "s3-account-block-public-access",
      severity: "critical",
      exposure: "public",
      commands: [
        `aws s3control put-public-access-block --account-id ${ACCOUNT} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`,
      ],
      placeholders: [],
    });
    expect(bpa!.findings).toHaveLength(3);
    expect(bpa!.resources.sort()).toEqual([account.arn, bucket("a").arn, bucket("b").arn].sort());
    expect(other!.checkId).toBe("s3-bucket-default-encryption");
  });

  it("without the failing account setting, the bucket's own public-access block is the fix for both its findings", () => {
    const report = reportOf(
      ["s3-bucket-public-policy", "s3-bucket-public-acl"],
      [finding("s3-bucket-public-policy", "FAIL", bucket("a")), finding("s3-bucket-public-acl", "FAIL", bucket("a"))],
    );
    expect(report.backlog).toHaveLength(1);
    expect(report.backlog[0]).toMatchObject({ title: "Block public access to bucket a", findings: expect.arrayContaining([]) });
    expect(report.backlog[0]!.commands.every((c) => c.includes("--bucket a ") && c.includes("--region us-east-1"))).toBe(true);
  });

  it("groups the checks that one security group's rules fail, with the rules filled in from the evidence", () => {
    const demoReport = demo();
    const group = demoReport.backlog.find((i) => i.title.startsWith("Remove internet ingress") && i.findings.length > 1);
    expect(group, "a security group failing several checks").toBeDefined();
    const groupId = /sg-[0-9a-f]+/.exec(group!.title)![0];
    const members = demoReport.findings.filter((f) => group!.findings.includes(f.id));
    expect(new Set(members.map((f) => f.resource.id))).toEqual(new Set([groupId]));
    expect(new Set(members.map((f) => f.checkId)).size).toBeGreaterThan(1);
    for (const command of group!.commands) {
      expect(command).toMatch(
        new RegExp(`^aws ec2 revoke-security-group-ingress --region us-east-1 --group-id ${groupId} --ip-permissions '\\[`),
      );
      const permissions = JSON.parse(/'(\[.*\])'$/.exec(command)![1]!) as unknown[];
      expect(permissions).toEqual(members[0]!.evidence.ipPermissions);
    }
  });

  it("fills no placeholder the scan knows: what is left in the demo's fix list are choices only the user can make", () => {
    // Values a scan cannot read: a key or bucket to use, a role for Config, an MFA code, a new key's id.
    const USER_CHOICES = new Set([
      "<KEY_ARN>",
      "<key-arn>",
      "<key-id>",
      "<LOG_BUCKET>",
      "<bucket>",
      "<role-arn>",
      "<token>",
      "<snapshot-id>",
      "<instance-profile-name>",
      "<code>",
      "<code-1>",
      "<code-2>",
      "<root-mfa-serial>",
      // The credential report has no key ids: only which of the two slots is active.
      "<access-key-id>",
      "<old-access-key-id>",
      // CloudWatch monitoring: the SNS topic to create and who subscribes to it are the user's to name.
      "<sns-topic-name>",
      "<sns-topic-arn>",
      "<email-address>",
      // A new access point's name (access point settings cannot change: the fix is a replacement).
      "<new-access-point-name>",
      // The destinations to route to the peer instead: its CIDR blocks or just the subnets that must be reached.
      "<peer-subnet-cidr>",
      "<peer-subnet-ipv6-cidr>",
      // The Lambda function to rotate a secret with (filled when ListSecrets still names one).
      "<rotation-function-arn>",
    ]);
    const report = demo();
    const left = report.backlog.flatMap((i) => i.placeholders.filter((p) => !USER_CHOICES.has(p)).map((p) => `${i.checkId}: ${p}`));
    expect(left).toEqual([]);
    // Placeholders listed are exactly those still in the commands.
    for (const item of report.backlog) {
      const inCommands = new Set(item.commands.flatMap((c) => c.match(/<[A-Za-z][A-Za-z0-9_-]*>/g) ?? []));
      expect(new Set(item.placeholders), item.title).toEqual(inCommands);
    }
    // The examples: a group id, a bucket, the account id; and a launch template, an address, a subnet, a route table, a secret.
    const commands = report.backlog.flatMap((i) => i.commands).join("\n");
    expect(commands).not.toMatch(/<group-id>|<BUCKET>|<ACCOUNT_ID>|<region>|<user-name>|<role-name>|<instance-id>/);
    expect(commands).not.toMatch(
      /<launch-template-id>|<version>|<allocation-id>|<subnet-id>|<rtb-id>|<pcx-id>|<secret-arn>|<ip-permissions>/,
    );
  });

  it("repeats a command per element of a listed value, and leaves it out for an empty list", () => {
    const user = { arn: `arn:aws:iam::${ACCOUNT}:user/carol`, id: "carol", type: "AWS::IAM::User" };
    const report = reportOf(
      ["iam-user-direct-policies"],
      [
        finding("iam-user-direct-policies", "FAIL", user, {
          region: "global",
          evidence: { attachedPolicies: [], inlinePolicies: ["one", "two"] },
        }),
      ],
    );
    expect(report.backlog[0]!.commands).toEqual([
      "aws iam delete-user-policy --user-name carol --policy-name one && aws iam delete-user-policy --user-name carol --policy-name two",
    ]);
  });

  it("writes one delete and one create per wider peering route, with the option of its address family", () => {
    const table = { arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:route-table/rtb-1`, id: "rtb-1", type: "AWS::EC2::RouteTable" };
    const report = reportOf(
      ["ec2-vpc-peering-routes-least-access"],
      [
        finding("ec2-vpc-peering-routes-least-access", "FAIL", table, {
          region: "us-east-1",
          evidence: {
            routeTableId: "rtb-1",
            widerRoutes: {
              ipv4: [
                { destination: "10.0.0.0/8", vpcPeeringConnectionId: "pcx-1" },
                { destination: "0.0.0.0/0", vpcPeeringConnectionId: "pcx-2" },
              ],
              ipv6: [{ destination: "::/0", vpcPeeringConnectionId: "pcx-1" }],
            },
          },
        }),
      ],
    );
    expect(report.backlog[0]!.commands[0]!.split(" && ")).toEqual([
      "aws ec2 delete-route --region us-east-1 --route-table-id rtb-1 --destination-cidr-block 10.0.0.0/8",
      "aws ec2 delete-route --region us-east-1 --route-table-id rtb-1 --destination-cidr-block 0.0.0.0/0",
      "aws ec2 create-route --region us-east-1 --route-table-id rtb-1 --destination-cidr-block <peer-subnet-cidr> --vpc-peering-connection-id pcx-1",
      "aws ec2 create-route --region us-east-1 --route-table-id rtb-1 --destination-cidr-block <peer-subnet-cidr> --vpc-peering-connection-id pcx-2",
      "aws ec2 delete-route --region us-east-1 --route-table-id rtb-1 --destination-ipv6-cidr-block ::/0",
      "aws ec2 create-route --region us-east-1 --route-table-id rtb-1 --destination-ipv6-cidr-block <peer-subnet-ipv6-cidr> --vpc-peering-connection-id pcx-1",
    ]);
    expect(report.backlog[0]!.placeholders.sort()).toEqual(["<peer-subnet-cidr>", "<peer-subnet-ipv6-cidr>"]);
  });

  it("writes an AWS value into a command only where the shell reads it as text", () => {
    const role = (name: string) => ({ arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, id: name, type: "AWS::IAM::Role" });
    const report = reportOf(
      ["iam-role-trust-public"],
      [
        finding("iam-role-trust-public", "FAIL", role("ok+name=1,2@x"), { region: "global" }),
        finding("iam-role-trust-public", "FAIL", role("$(rm -rf ~)"), { region: "global" }),
      ],
    );
    const commands = report.backlog.flatMap((i) => i.commands);
    expect(commands).toContain("aws iam update-assume-role-policy --role-name ok+name=1,2@x --policy-document file://trust-policy.json");
    expect(commands).toContain("aws iam update-assume-role-policy --role-name '$(rm -rf ~)' --policy-document file://trust-policy.json");
    const quoted = reportOf(["iam-role-trust-public"], [finding("iam-role-trust-public", "FAIL", role("it's"), { region: "global" })])
      .backlog[0]!;
    expect(quoted.commands).toEqual([
      "aws iam update-assume-role-policy --role-name <role-name> --policy-document file://trust-policy.json",
    ]);
    expect(quoted.placeholders).toEqual(["<role-name>"]);
  });

  it("uses the command for the resource's type: a group's or a role's fix is not a user's", () => {
    const report = reportOf(
      ["iam-cloudshell-full-access"],
      [
        finding(
          "iam-cloudshell-full-access",
          "FAIL",
          { arn: `arn:aws:iam::${ACCOUNT}:group/readers`, id: "readers", type: "AWS::IAM::Group" },
          { region: "global" },
        ),
      ],
    );
    expect(report.backlog[0]!.commands).toEqual([
      "aws iam detach-group-policy --group-name readers --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess",
    ]);
  });

  it("lists no item for PASS, ERROR or MUTED findings", () => {
    const report = buildFixtureReport();
    const ids = new Set(report.backlog.flatMap((i) => i.findings));
    for (const f of report.findings) expect(ids.has(f.id), `${f.checkId} ${f.status}`).toBe(f.status === "FAIL");
    expect(report.backlog.find((i) => i.checkId === "ec2-security-group-admin-ports-open")!.resources).toEqual([SG_RULE.arn]);
  });
});

describe("compliance summaries", () => {
  const cis = (report: Report) => report.compliance.find((c) => c.framework === FRAMEWORKS.cis)!;
  const req = (report: Report, id: string) => cis(report).requirements.find((r) => r.id === id)!;

  it("covers CIS v6.0 and FSBP, every requirement of each, with counts per status that add up", () => {
    const report = buildFixtureReport();
    expect(report.compliance.map((c) => c.framework)).toEqual([FRAMEWORKS.cis, FRAMEWORKS.fsbp]);
    for (const summary of report.compliance) {
      expect(summary.requirements.map((r) => r.id)).toEqual(FRAMEWORK_INFO[summary.framework].requirements.map((r) => r.id));
      expect(Object.keys(summary.counts).sort()).toEqual([...REQUIREMENT_STATUSES].sort());
      expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(summary.requirements.length);
    }
  });

  it("gives each requirement the status of the checks that cite it, or why there is none", () => {
    const report = reportOf(
      ["s3-account-block-public-access", "s3-bucket-tls-only", "iam-root-hardware-mfa", "ec2-instance-imdsv2-required"],
      [
        finding("s3-account-block-public-access", "FAIL"),
        finding("s3-bucket-tls-only", "ERROR"),
        finding("iam-root-hardware-mfa", "PASS", { arn: `arn:aws:::${ACCOUNT}`, id: ACCOUNT, type: "AWS::::Account" }),
      ],
    );
    expect(req(report, "3.1.4")).toMatchObject({ status: "failing", checks: ["s3-account-block-public-access"] });
    expect(req(report, "3.1.1")).toMatchObject({ status: "could-not-assess", results: { PASS: 0, FAIL: 0, ERROR: 1, MUTED: 0 } });
    // A Manual recommendation that a check covers is assessed like any other.
    expect(req(report, "2.5")).toMatchObject({ automated: false, status: "passing" });
    expect(req(report, "6.7")).toMatchObject({ status: "nothing-to-assess" });
    // Covered by the catalogue, not selected in this scan.
    expect(req(report, "2.4")).toMatchObject({ status: "not-selected", checks: ["iam-root-mfa"] });
    // Manual and covered by no check; automated and covered by no check.
    expect(req(report, "2.1")).toMatchObject({ automated: false, status: "manual", checks: [] });
    const fsbp = report.compliance.find((c) => c.framework === FRAMEWORKS.fsbp)!;
    const uncovered = fsbp.requirements.find((r) => r.checks.length === 0);
    expect(uncovered?.status).toBe("not-covered");
  });

  it("--compliance selects the checks of a framework; an unknown framework is a usage error naming the known ones", () => {
    expect(parseCompliance("cis-6.0")).toBe(FRAMEWORKS.cis);
    expect(parseCompliance("FSBP")).toBe(FRAMEWORKS.fsbp);
    expect(parseCompliance("aws-fsbp")).toBe(FRAMEWORKS.fsbp);
    expect(() => parseCompliance("pci-4.0")).toThrow(
      /--compliance: unknown framework "pci-4.0" \(known: cis-6.0 \(cis-aws-foundations-6.0\), fsbp \(aws-fsbp\)\)/,
    );
    const chosen = selectChecks(CATALOGUE, { framework: FRAMEWORKS.cis });
    expect(chosen.length).toBeGreaterThan(10);
    expect(chosen.every((c) => (c.compliance[FRAMEWORKS.cis]?.length ?? 0) > 0)).toBe(true);
    expect(CATALOGUE.filter((c) => !chosen.includes(c)).every((c) => !c.compliance[FRAMEWORKS.cis]?.length)).toBe(true);
    const s3 = selectChecks(CATALOGUE, { framework: FRAMEWORKS.fsbp, services: ["s3"] });
    expect(s3.every((c) => c.service === "s3" && (c.compliance[FRAMEWORKS.fsbp]?.length ?? 0) > 0)).toBe(true);
  });
});

describe("audit record", () => {
  it("records who collected, when, the selection, the settings and the mutelist in force; scope as evaluated", () => {
    const inventory = { ...loadSnapshot(demoSnapshotPath()), collectedBy: "arn:aws:sts::123456789012:assumed-role/auditor/cron" };
    const mutes = [
      { checkId: "s3-*", resource: "*", reason: "in force" },
      { checkId: "ec2-*", resource: "*", reason: "old", expires: "2020-01-01" },
    ];
    const report = evaluateScan({
      inventory,
      checks: CATALOGUE,
      settings: { ...DEFAULT_SETTINGS, unusedCredentialDays: 30 },
      mutes,
      startedAt: new Date("2026-12-02T00:00:00Z"),
      stats: { calls: {}, skipped: {} },
      source: "snapshot:demo.json",
      regionFilter: ["eu-west-1"],
      selection: { services: null, checks: null, severities: null, compliance: null, regions: ["eu-west-1"] },
    });
    expect(report.scan.regions).toEqual(["eu-west-1"]);
    expect(new Set(report.findings.map((f) => f.region))).toEqual(new Set(["eu-west-1", "global"]));
    expect(report.scan.collectedAt).toBe(inventory.collectedAt);
    expect(report.scan.principal).toBe("arn:aws:sts::123456789012:assumed-role/auditor/cron");
    expect(report.scan.settings.unusedCredentialDays).toBe(30);
    expect(report.scan.selection.regions).toEqual(["eu-west-1"]);
    expect(report.mutelist).toEqual({
      entries: 2,
      active: [mutes[0]],
      expired: [{ checkId: "ec2-*", resource: "*", reason: "old", expires: "2020-01-01" }],
    });
    expect(report.tool.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("says the principal is unknown for a snapshot that does not record it", () => {
    const inventory = loadSnapshot(demoSnapshotPath());
    delete inventory.collectedBy;
    const report = evaluateScan({
      inventory,
      checks: CATALOGUE.slice(0, 3),
      settings: DEFAULT_SETTINGS,
      mutes: [],
      startedAt: new Date(),
      stats: { calls: {}, skipped: {} },
      source: "snapshot",
    });
    expect(report.scan.principal).toBeNull();
    expect(report.scan.regions).toEqual(inventory.regions);
  });
});
