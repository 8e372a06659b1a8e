import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateReport } from "../../../reports/schema/validate.js";
import { readReport, type JoinedReport as Report } from "../../support/read-report.js";
import { runCli } from "../../support/cli.js";
import { startMoto, type MotoServer } from "../../support/moto.js";
import { CreateAliasCommand, CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { EU, seed, US } from "./scenario.js";

describe("KMS end to end against moto, through the CLI", () => {
  let moto: MotoServer;
  let dir: string;

  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => {
    await moto.reset();
    dir = mkdtempSync(join(tmpdir(), "yourside-e2e-kms-"));
  });

  async function scan(): Promise<{ report: Report; code: number; stderr: string }> {
    const out = join(dir, "report.json");
    const run = await runCli(["scan", "--endpoint-url", moto.url, "--regions", `${US},${EU}`, "--services", "kms", "--output", out]);
    return { report: readReport(out), code: run.code, stderr: run.stderr };
  }

  it("judges rotation, scheduled deletion and public key policies key by key, in each key's region, with the right layer", async () => {
    const ids = await seed(moto);
    const { report, code, stderr } = await scan();
    expect(validateReport(report.document)).toEqual({ valid: true, errors: [] });
    expect(code, stderr).toBe(1);
    expect(report.scan).toMatchObject({ complete: true, errors: [], services: ["kms"] });
    const line = (f: Report["findings"][number]) =>
      `${f.checkId} ${f.resource.id} ${f.region} ${f.status}${f.status === "FAIL" ? ` ${f.severity}` : ""} ${f.layer}`;
    expect(report.findings.map(line).sort()).toEqual(
      [
        // Rotation: the asymmetric and the imported key get no result; the key pending deletion is noted, not failed.
        `kms-key-rotation ${ids.rotated} ${US} PASS encryption`,
        `kms-key-rotation ${ids.unrotated} ${US} FAIL medium encryption`,
        `kms-key-rotation ${ids.public} ${US} PASS encryption`,
        `kms-key-rotation ${ids.pendingDeletion} ${EU} PASS encryption`,
        `kms-key-rotation ${ids.pinned} ${EU} PASS encryption`,
        ...(["rotated", "unrotated", "asymmetric", "public"] as const).map(
          (k) => `kms-key-pending-deletion ${ids[k]} ${US} PASS encryption`,
        ),
        `kms-key-pending-deletion ${ids.pendingDeletion} ${EU} FAIL low encryption`,
        `kms-key-pending-deletion ${ids.pinned} ${EU} PASS encryption`,
        `kms-key-pending-deletion ${ids.imported} ${EU} PASS encryption`,
        ...(["rotated", "unrotated", "asymmetric"] as const).map((k) => `kms-key-policy-public ${ids[k]} ${US} PASS identity`),
        `kms-key-policy-public ${ids.public} ${US} FAIL critical identity`,
        ...(["pendingDeletion", "pinned", "imported"] as const).map((k) => `kms-key-policy-public ${ids[k]} ${EU} PASS identity`),
      ].sort(),
    );
    const find = (checkId: string, id: string) => report.findings.find((f) => f.checkId === checkId && f.resource.id === id);
    // Keys are named by their aliases.
    expect(find("kms-key-rotation", ids.unrotated)?.message).toBe(
      `Customer managed key ${ids.unrotated} (alias/legacy-reports) does not rotate its key material: automatic rotation is off.`,
    );
    expect(find("kms-key-rotation", ids.pendingDeletion)?.message).toMatch(
      /^Customer managed key \S+ \(alias\/old-backups\) is scheduled for deletion on \S+ \(in [67] days\): its rotation is not evaluated/,
    );
    expect(find("kms-key-pending-deletion", ids.pendingDeletion)).toMatchObject({
      resource: { type: "AWS::KMS::Key", arn: `arn:aws:kms:${EU}:123456789012:key/${ids.pendingDeletion}` },
      evidence: { keyState: "PendingDeletion", deletionDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      compliance: { "aws-fsbp": ["KMS.3"] },
    });
    expect(find("kms-key-policy-public", ids.public)?.message).toBe(
      `The key policy of key ${ids.public} (alias/partner-share) is public: Sid "Partner" allows "*" kms:* without any condition.`,
    );
    expect(find("kms-key-policy-public", ids.pinned)?.message).toContain("is pinned by kms:calleraccount");
    // Per key: DescribeKey with the listing, the policy for each (moto has no AWS managed keys), rotation only where it applies.
    expect(report.scan.stats.calls).toEqual({
      "kms:ListKeys": 2,
      "kms:ListAliases": 2,
      "kms:DescribeKey": 7,
      "kms:GetKeyPolicy": 7,
      "kms:GetKeyRotationStatus": 4,
      "sts:GetCallerIdentity": expect.any(Number),
    });
  });

  it("a key whose policy denies DescribeKey to the scanner: ERROR for that key in every check, never a guess; exit 3", async () => {
    const ids = await seed(moto);
    // moto enforces a key policy's Deny for DescribeKey only (for any principal, whatever the statement names): GetKeyPolicy
    // and GetKeyRotationStatus still answer, so a denied GetKeyPolicy is covered by the unit cases instead.
    const kms = new KMSClient(moto.clientConfig(US));
    let hidden = "";
    try {
      const policy = JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
          {
            Sid: "No auditors",
            Effect: "Deny",
            Principal: { AWS: "arn:aws:iam::123456789012:user/scanner" },
            Action: "kms:DescribeKey",
            Resource: "*",
          },
        ],
      });
      hidden = (await kms.send(new CreateKeyCommand({ Policy: policy }))).KeyMetadata?.KeyId ?? "";
      await kms.send(new CreateAliasCommand({ AliasName: "alias/payroll", TargetKeyId: hidden }));
    } finally {
      kms.destroy();
    }
    const { report, code } = await scan();
    expect(code).toBe(3);
    expect(report.scan.complete).toBe(false);
    expect(report.scan.errors).toEqual([
      expect.objectContaining({
        service: "kms",
        region: US,
        operation: "DescribeKey",
        resource: `arn:aws:kms:${US}:123456789012:key/${hidden}`,
      }),
    ]);
    const about = report.findings.filter((f) => f.resource.id === hidden);
    expect(about.map((f) => `${f.checkId} ${f.status} ${f.error?.operation}`).sort()).toEqual([
      "kms-key-pending-deletion ERROR DescribeKey",
      "kms-key-policy-public ERROR DescribeKey",
      "kms-key-rotation ERROR DescribeKey",
    ]);
    // Every other key is judged as before.
    expect(report.findings.find((f) => f.checkId === "kms-key-policy-public" && f.resource.id === ids.public)?.status).toBe("FAIL");
  });
});
