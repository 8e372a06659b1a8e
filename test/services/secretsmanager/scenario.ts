/**
 * The secrets scenario: Secrets Manager secrets (rotated, never rotated, public, pinned), and
 * credentials where they do not belong, in EC2 instance user data and launch templates. Part of the
 * sample account (`test/support/demo-account.ts`); the EC2 part lives here, with the secrets, so that
 * the EC2 scenario's instance lists stay as they were.
 *
 * Every credential here is made up, and built at run time from pieces so that no file of the
 * repository holds a credential-shaped string that a secret scanner would flag.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
  type RequestLaunchTemplateData,
} from "@aws-sdk/client-ec2";
import { CreateSecretCommand, PutResourcePolicyCommand, RotateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

const join = (...parts: string[]) => parts.join("");

/** A stable stand-in for random key material: `n` base64 characters derived from a label. */
function material(label: string, n: number): string {
  let out = "";
  for (let i = 0; out.length < n; i++) out += createHash("sha256").update(`${label}/${i}`).digest("base64").replace(/=+$/, "");
  return out.slice(0, n);
}

const pem = (label: string) =>
  [
    join("-----BEGIN ", "RSA PRIVATE KEY-----"),
    // DER's SEQUENCE ("MI…") first: the rule tells real keys from placeholders by it.
    ...(join("MIIEow", material(label, 250)).match(/.{1,64}/g) ?? []),
    join("-----END ", "RSA PRIVATE KEY-----"),
  ].join("\n");

/** The credentials the scenario plants, by what they are. None may appear in any report, snapshot or log line. */
export const PLANTED = {
  accessKeyId: join("AKIA", "Q3EGUVBMZ7TRW5XN"),
  secretAccessKey: join("Qm9rN2xhY1Bx", "V3J0eVVpT3BBc0RmR2hKa0x6WGN2"),
  dbPassword: join("Tr0ub4dor", "-and-3-horses"),
  githubToken: join("ghp_", "Xq7Lm2Vn9Bc4Zt6Rw1Ys8Pd3Kf5Hj0GaE2uQ"),
  privateKey: pem("batch-workers"),
} as const;

/** Secret values stored in Secrets Manager: the scanner never reads them (no GetSecretValue). */
export const SECRET_VALUES = {
  ordersDb: JSON.stringify({ username: "orders", password: join("sm-orders-", material("orders", 24)) }),
  partnerKey: join("sm-partner-", material("partner", 32)),
  reporting: join("sm-reporting-", material("reporting", 32)),
  euToken: join("sm-eu-", material("eu", 32)),
} as const;

/** Every string a leak would show: each credential, each secret value, and a line from the middle of the private key. */
export const MUST_NOT_APPEAR: readonly string[] = [
  PLANTED.accessKeyId,
  PLANTED.secretAccessKey,
  PLANTED.dbPassword,
  PLANTED.githubToken,
  PLANTED.privateKey.split("\n")[2]!,
  ...Object.values(SECRET_VALUES),
  JSON.parse(SECRET_VALUES.ordersDb).password as string,
];

const b64 = (x: string | Buffer) => Buffer.from(x).toString("base64");

/** The user data planted, as EC2 takes it (base64); also what must not appear. */
export const USER_DATA = {
  /** us-east-1 batch-legacy: a gzip'd script exporting an access key pair and a database URL with its password. */
  batch: b64(
    gzipSync(
      [
        "#!/bin/bash",
        "yum install -y postgresql15",
        `export AWS_ACCESS_KEY_ID=${PLANTED.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${PLANTED.secretAccessKey}`,
        `echo 'DATABASE_URL=postgres://orders:${PLANTED.dbPassword}@orders-db.internal:5432/orders' >> /etc/orders.env`,
        "",
      ].join("\n"),
    ),
  ),
  /** us-east-1 web-clean: a cloud-init archive without credentials. */
  clean: b64(
    [
      'Content-Type: multipart/mixed; boundary="==YS=="',
      "MIME-Version: 1.0",
      "",
      "--==YS==",
      "Content-Type: text/cloud-config",
      "",
      "#cloud-config",
      "packages: [nginx]",
      "--==YS==",
      "Content-Type: text/x-shellscript",
      "",
      "#!/bin/sh",
      "systemctl enable --now nginx",
      "--==YS==--",
      "",
    ].join("\r\n"),
  ),
  /** eu-west-1 chatops: a cloud-init archive whose second part (base64) clones with a GitHub token. */
  chatops: b64(
    [
      'Content-Type: multipart/mixed; boundary="//"',
      "MIME-Version: 1.0",
      "",
      "--//",
      "Content-Type: text/cloud-config",
      "",
      "#cloud-config",
      "--//",
      "Content-Type: text/x-shellscript",
      "Content-Transfer-Encoding: base64",
      "",
      b64(`#!/bin/sh\ngit clone https://github.com/example/bot.git\nexport GITHUB_TOKEN=${PLANTED.githubToken}\n`),
      "--//--",
      "",
    ].join("\n"),
  ),
  /** The batch-workers launch template's first version: writes a private key to disk. */
  template: b64(`#!/bin/bash\ncat > /root/.ssh/id_rsa <<'EOF'\n${PLANTED.privateKey}\nEOF\nchmod 600 /root/.ssh/id_rsa\n`),
  /** Its later versions, and eu-app's: nothing to find. */
  templateClean: b64("#!/bin/bash\n/opt/app/start --config /etc/app.yaml\n"),
} as const;

export interface SecretsScenario {
  instances: { batch: string; clean: string; chatops: string };
  templates: { batchWorkers: string; webFleet: string; euApp: string };
  secrets: { ordersDb: string; partnerKey: string; reporting: string; euToken: string };
}

const id = (value: string | undefined, what: string): string => {
  if (!value) throw new Error(`moto returned no ${what}`);
  return value;
};

async function seedEc2(moto: MotoServer): Promise<Pick<SecretsScenario, "instances" | "templates">> {
  const us = new EC2Client(moto.clientConfig(US));
  const eu = new EC2Client(moto.clientConfig(EU));
  try {
    const launch = async (client: EC2Client, name: string, userData: string) => {
      const ami = id((await client.send(new DescribeImagesCommand({ Owners: ["amazon"] }))).Images?.[0]?.ImageId, "amazon AMI");
      const out = await client.send(
        new RunInstancesCommand({
          ImageId: ami,
          MinCount: 1,
          MaxCount: 1,
          InstanceType: "t3.micro",
          UserData: userData,
          MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
          TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: name }] }],
        }),
      );
      return id(out.Instances?.[0]?.InstanceId, name);
    };
    const instances = {
      batch: await launch(us, "batch-legacy", USER_DATA.batch),
      clean: await launch(us, "web-clean", USER_DATA.clean),
      chatops: await launch(eu, "chatops", USER_DATA.chatops),
    };
    const template = async (client: EC2Client, name: string, ...versions: RequestLaunchTemplateData[]) => {
      const [first, ...rest] = versions;
      const created = await client.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: name, LaunchTemplateData: first }));
      const templateId = id(created.LaunchTemplate?.LaunchTemplateId, name);
      for (const data of rest)
        await client.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: templateId, LaunchTemplateData: data }));
      return templateId;
    };
    const templates = {
      // Default version 1: IMDSv1 allowed, a public IP, a private key in its user data. Latest version 2: fixed, not yet the default.
      batchWorkers: await template(
        us,
        "batch-workers",
        {
          MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled" },
          NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }],
          UserData: USER_DATA.template,
        },
        {
          MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
          NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }],
          UserData: USER_DATA.templateClean,
        },
      ),
      // One version, as it should be.
      webFleet: await template(us, "web-fleet", {
        MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
        NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }],
      }),
      // Sets no metadata options: IMDSv1 is not ruled out.
      euApp: await template(eu, "eu-app", { UserData: USER_DATA.templateClean }),
    };
    return { instances, templates };
  } finally {
    us.destroy();
    eu.destroy();
  }
}

const statement = (extra: object) => ({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*", ...extra });
const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

async function seedSecrets(moto: MotoServer): Promise<SecretsScenario["secrets"]> {
  const us = new SecretsManagerClient(moto.clientConfig(US));
  const eu = new SecretsManagerClient(moto.clientConfig(EU));
  try {
    const create = async (client: SecretsManagerClient, name: string, value: string, description: string) =>
      id((await client.send(new CreateSecretCommand({ Name: name, SecretString: value, Description: description }))).ARN, name);
    const secrets = {
      ordersDb: await create(us, "prod/orders-db", SECRET_VALUES.ordersDb, "orders database, rotated monthly"),
      partnerKey: await create(us, "legacy/partner-api-key", SECRET_VALUES.partnerKey, "never rotated, readable by anyone"),
      reporting: await create(us, "shared/reporting", SECRET_VALUES.reporting, "shared with the organization"),
      euToken: await create(eu, "eu/app-token", SECRET_VALUES.euToken, "rotated, read by the app role"),
    };
    // moto rotates at once without a rotation function: RotationEnabled, LastRotatedDate now, NextRotationDate in 30 days.
    await us.send(new RotateSecretCommand({ SecretId: secrets.ordersDb, RotationRules: { AutomaticallyAfterDays: 30 } }));
    await eu.send(new RotateSecretCommand({ SecretId: secrets.euToken, RotationRules: { AutomaticallyAfterDays: 7 } }));
    await us.send(
      new PutResourcePolicyCommand({ SecretId: secrets.partnerKey, ResourcePolicy: policy(statement({ Sid: "Partner", Principal: "*" })) }),
    );
    await us.send(
      new PutResourcePolicyCommand({
        SecretId: secrets.reporting,
        ResourcePolicy: policy(
          statement({
            Sid: "Organization",
            Principal: { AWS: "*" },
            Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
          }),
        ),
      }),
    );
    await eu.send(
      new PutResourcePolicyCommand({
        SecretId: secrets.euToken,
        ResourcePolicy: policy(statement({ Sid: "App", Principal: { AWS: `arn:aws:iam::${TEST_ACCOUNT}:role/eu-app` } })),
      }),
    );
    return secrets;
  } finally {
    us.destroy();
    eu.destroy();
  }
}

export async function seedSecretsScenario(moto: MotoServer): Promise<SecretsScenario> {
  return { ...(await seedEc2(moto)), secrets: await seedSecrets(moto) };
}

/** The scenario the sample account (`yourside demo`) is made of. */
export const seed = seedSecretsScenario;
