import { generateKeyPairSync } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fingerprint } from "../../../src/secrets/fingerprint.js";
import { detectSecrets, RULE_IDS } from "../../../src/secrets/rules.js";
import { MAX_DETECTIONS, scanUserData } from "../../../src/secrets/scan.js";

const b64 = (x: string | Buffer): string => Buffer.from(x).toString("base64");

// Made-up credentials in the shapes the rules know (none of them real), built from pieces so that no
// file of the repository holds a credential-shaped string a secret scanner would flag.
const KEY_ID = ["AKIA", "Q3EGUVBMZ7TRW5XN"].join("");
const SECRET_KEY = ["Qm9rN2xhY1Bx", "V3J0eVVpT3BBc0RmR2hKa0x6WGN2"].join("");
const PG_PASSWORD = "Tr0ub4dor-and-3";
const PG = `postgres://app:${PG_PASSWORD}@db.internal:5432/orders`;
const GITHUB = ["ghp_", "Xq7Lm2Vn9Bc4Zt6Rw1Ys8Pd3Kf5Hj0GaE2uQ"].join("");
const RSA = generateKeyPairSync("rsa", {
  modulusLength: 1024,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

const SCRIPT = [
  "#!/bin/bash",
  "yum install -y app",
  `export AWS_ACCESS_KEY_ID=${KEY_ID}`,
  `export AWS_SECRET_ACCESS_KEY=${SECRET_KEY}`,
  `echo 'DATABASE_URL=${PG}' >> /etc/app.env`,
].join("\n");

const SEEDED = [KEY_ID, SECRET_KEY, PG_PASSWORD, PG, GITHUB, RSA.split("\n")[1]!];

/** Nothing a scan returns contains a seeded secret, whole or the meaningful part of it. */
const assertNoSecret = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const s of SEEDED) expect(text).not.toContain(s);
};

const multipart = (...parts: string[]) =>
  [
    'Content-Type: multipart/mixed; boundary="==BOUNDARY=="',
    "MIME-Version: 1.0",
    "",
    "preamble, not a part",
    ...parts.flatMap((p) => ["--==BOUNDARY==", p]),
    "--==BOUNDARY==--",
    "",
  ].join("\r\n");

describe("user data scanning", () => {
  it("finds the credentials in a base64 shell script, by rule and line, with fingerprints and never the secret", async () => {
    const scan = await scanUserData(b64(SCRIPT));
    expect(scan).toMatchObject({ bytes: Buffer.byteLength(SCRIPT), format: "text", unscanned: [] });
    expect(scan.detections.map((d) => [d.rule, d.messageId, d.line])).toEqual([
      ["@secretlint/secretlint-rule-aws", "AWSAccessKeyID", 3],
      ["@secretlint/secretlint-rule-aws", "AWSSecretAccessKey", 4],
      ["@secretlint/secretlint-rule-database-connection-string", "PostgreSQLConnection", 5],
    ]);
    expect(scan.detections.map((d) => d.description)).toEqual([
      "AWS Access Key ID",
      "AWS Secret Access Key",
      "PostgreSQL connection string",
    ]);
    expect(scan.detections[0]!.fingerprint).toBe(await fingerprint(KEY_ID));
    expect(scan.detections[0]!.fingerprint).toMatch(/^AKIA…[0-9a-f]{12}$/);
    expect(scan.detections.every((d) => d.part === undefined)).toBe(true);
    assertNoSecret(scan);
  });

  it("decodes gzip, and a cloud-init MIME archive part by part (base64 and gzip parts included)", async () => {
    const archive = multipart(
      ["Content-Type: text/cloud-config", "", "#cloud-config", "packages: [nginx]", ""].join("\r\n"),
      [
        "Content-Type: text/x-shellscript",
        "Content-Transfer-Encoding: base64",
        "",
        b64(`#!/bin/sh\ncurl -H 'Authorization: token ${GITHUB}' https://api.github.com\n`),
      ].join("\r\n"),
      ["Content-Type: application/x-gzip", "Content-Transfer-Encoding: base64", "", b64(gzipSync(RSA))].join("\r\n"),
      ["Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64", "", b64(Buffer.from([0, 1, 2, 3, 0, 255]))].join(
        "\r\n",
      ),
    );
    const scan = await scanUserData(b64(gzipSync(archive)));
    expect(scan).toMatchObject({ format: "gzip+mime-multipart", parts: 4, unscanned: [{ part: 4, reason: "binary content" }] });
    expect(scan.detections.map((d) => [d.part, d.line, d.messageId])).toEqual([
      [2, 2, "GITHUB_TOKEN"],
      [3, 1, "PrivateKey"],
    ]);
    assertNoSecret(scan);
  });

  it("nested multipart archives are walked; their leaf parts are numbered in order", async () => {
    const inner = [
      'Content-Type: multipart/alternative; boundary="inner"',
      "",
      "--inner",
      "Content-Type: text/plain",
      "",
      "nothing here",
      "--inner",
      "Content-Type: text/plain",
      "",
      `export AWS_ACCESS_KEY_ID=${KEY_ID}`,
      "--inner--",
    ].join("\n");
    const scan = await scanUserData(b64(multipart(["Content-Type: text/plain", "", "#!/bin/true"].join("\n"), inner)));
    expect(scan.parts).toBe(3);
    expect(scan.detections.map((d) => [d.part, d.line])).toEqual([[3, 1]]);
  });

  it("text that is not base64 is scanned as it is, and says so", async () => {
    const scan = await scanUserData(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\n`);
    expect(scan.format).toBe("text (not base64)");
    expect(scan.detections.map((d) => d.line)).toEqual([2]);
  });

  it("AWS's documentation keys, account ids and clean scripts give nothing", async () => {
    const scan = await scanUserData(
      b64(
        [
          "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
          "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "aws sts get-caller-identity --query Account # 123456789012",
          "ACCOUNT_ID=123456789012",
          "yum update -y",
        ].join("\n"),
      ),
    );
    expect(scan.detections).toEqual([]);
  });

  it("the scanned text cannot silence a rule with secretlint-disable comments", async () => {
    const scan = await scanUserData(b64(`# secretlint-disable\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\n# secretlint-enable\n`));
    expect(scan.detections).toHaveLength(1);
  });

  it("a gzip bomb and corrupt gzip are reported as not scanned, not expanded", async () => {
    const bomb = await scanUserData(b64(gzipSync(Buffer.alloc(8 * 1024 * 1024, "a"))));
    expect(bomb).toMatchObject({ format: "gzip", detections: [], unscanned: [{ reason: "gzip content too large to scan" }] });
    const corrupt = await scanUserData(b64(Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from("not deflate")])));
    expect(corrupt.unscanned).toEqual([{ reason: "gzip data is corrupt" }]);
  });

  it(`keeps at most ${MAX_DETECTIONS} detections a document and counts the rest`, async () => {
    const lines = Array.from({ length: MAX_DETECTIONS + 7 }, () => `export AWS_ACCESS_KEY_ID=${KEY_ID}`);
    const scan = await scanUserData(b64(lines.join("\n")));
    expect(scan.detections).toHaveLength(MAX_DETECTIONS);
    expect(scan.omittedDetections).toBe(7);
  });
});

describe("fingerprints", () => {
  it("are stable, tell secrets apart, and show a prefix only for secrets of 16 characters or more", async () => {
    expect(await fingerprint(KEY_ID)).toBe(await fingerprint(KEY_ID));
    expect(await fingerprint(KEY_ID)).not.toBe(await fingerprint(`${KEY_ID.slice(0, -1)}M`));
    expect(await fingerprint("short-pass")).toMatch(/^…[0-9a-f]{12}$/);
    // The parameters are part of the report contract: this value must never change.
    expect(await fingerprint(KEY_ID)).toMatchInlineSnapshot(`"AKIA…2b534d296f74"`);
  });
});

describe("the rule set", () => {
  it("is secretlint's recommended preset without its comment filter, and reports no secret text in its messages", async () => {
    expect(RULE_IDS).toContain("@secretlint/secretlint-rule-aws");
    expect(RULE_IDS).toContain("@secretlint/secretlint-rule-privatekey");
    expect(RULE_IDS).toContain("@secretlint/secretlint-rule-database-connection-string");
    expect(RULE_IDS).not.toContain("@secretlint/secretlint-rule-filter-comments");
    const found = await detectSecrets(SCRIPT);
    for (const f of found) for (const s of SEEDED) expect(f.description).not.toContain(s);
  });
});
