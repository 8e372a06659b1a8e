// Organization benchmark: moto with an organization of 20 member accounts, a few buckets in each
// (seeded through each account's OrganizationAccountAccessRole), scanned with --organization at
// account concurrency 1, 4 and 16. Prints wall time, AWS calls and the scan process's peak RSS.
// Needs `npm run build` and moto (YOURSIDE_TEST_VENV or ./.venv).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";

const root = fileURLToPath(new URL("..", import.meta.url));
const venv = process.env.YOURSIDE_TEST_VENV ?? join(root, ".venv");
const MEMBERS = 20;
const BUCKETS = 3;
const ROLE = "OrganizationAccountAccessRole";
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const url = `http://127.0.0.1:${port}`;
// No MOTO_ACCOUNT_ID: requests reach the account their (assumed-role) credentials belong to.
const env = { ...process.env };
delete env.MOTO_ACCOUNT_ID;
const moto = spawn(join(venv, "bin", "moto_server"), ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore", env });
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 100) throw new Error("moto did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  const config = { region: "us-east-1", endpoint: url, credentials, forcePathStyle: true };
  const org = new OrganizationsClient(config);
  await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const sts = new STSClient(config);
  for (let i = 0; i < MEMBERS; i++) {
    const out = await org.send(new CreateAccountCommand({ AccountName: `member-${i}`, Email: `m${i}@example.com` }));
    const account = out.CreateAccountStatus.AccountId;
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/${ROLE}`, RoleSessionName: "seed" }),
    );
    const s3 = new S3Client({
      ...config,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken },
    });
    for (let b = 0; b < BUCKETS; b++) await s3.send(new CreateBucketCommand({ Bucket: `b${b}-${account}` }));
  }
  const dir = mkdtempSync(join(tmpdir(), "yourside-org-bench-"));
  const peak = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss="+process.resourceUsage().maxRSS+"\\n"))';
  console.log(`organization of ${MEMBERS + 1} accounts (${BUCKETS} buckets per member), --services s3,iam --regions us-east-1`);
  for (const n of [1, 4, 16]) {
    const out = join(dir, `report-${n}.json`);
    const started = process.hrtime.bigint();
    const { code, stderr } = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [
          "--import",
          peak,
          join(root, "bin", "yourside.js"),
          "scan",
          "--endpoint-url",
          url,
          "--regions",
          "us-east-1",
          "--services",
          "s3,iam",
          "--organization",
          "--role-name",
          ROLE,
          "--account-concurrency",
          String(n),
          "--fail-on",
          "none",
          "-q",
          "--output",
          out,
        ],
        {
          env: { ...process.env, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "us-east-1" },
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.on("exit", (code) => resolve({ code, stderr }));
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const report = JSON.parse(readFileSync(out, "utf8"));
    const calls = Object.values(report.scan.stats.calls).reduce((a, b) => a + b, 0);
    const rss = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
    console.log(
      `account concurrency ${String(n).padStart(2)}: wall ${ms.toFixed(0)} ms, ${calls} calls, peak RSS ${rss.toFixed(0)} MiB, ${report.scan.accounts.length} accounts, ${report.findings.length} findings, exit ${code}`,
    );
  }
} finally {
  moto.kill("SIGTERM");
}
