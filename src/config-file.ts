import { Ajv } from "ajv";
import { parse as parseYaml } from "yaml";
import { UsageError } from "./errors.js";
import { readTextFile } from "./text-file.js";
import type { Mute } from "./mutelist.js";
import { DEFAULT_SETTINGS, type Settings } from "./settings.js";

/** A yourside config file (YAML or JSON): thresholds and accepted risks. */
export interface ConfigFile {
  settings?: Partial<Settings>;
  mutelist?: Mute[];
}

const portList = { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, maxItems: 1000 };
const days = { type: "integer", minimum: 1, maximum: 3650 };

const CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    settings: {
      type: "object",
      additionalProperties: false,
      properties: {
        unusedCredentialDays: days,
        accessKeyRotationDays: days,
        rootRecentUseDays: days,
        minimumPasswordLength: { type: "integer", minimum: 6, maximum: 128 },
        passwordReusePrevention: { type: "integer", minimum: 1, maximum: 24 },
        minimumBackupRetentionDays: { type: "integer", minimum: 1, maximum: 35 },
        unusedSecretDays: days,
        secretRotationDays: days,
        adminPorts: portList,
        sensitivePorts: { type: "object", additionalProperties: portList, maxProperties: 200 },
        highRiskPorts: { type: "object", additionalProperties: portList, maxProperties: 200 },
        broadPublicPrefix: {
          type: "object",
          additionalProperties: false,
          required: ["ipv4", "ipv6"],
          properties: { ipv4: { type: "integer", minimum: 1, maximum: 32 }, ipv6: { type: "integer", minimum: 1, maximum: 128 } },
        },
        passwordComplexity: {
          type: "object",
          additionalProperties: false,
          required: ["uppercase", "lowercase", "numbers", "symbols"],
          properties: {
            uppercase: { type: "boolean" },
            lowercase: { type: "boolean" },
            numbers: { type: "boolean" },
            symbols: { type: "boolean" },
          },
        },
        maximumPasswordAgeDays: { type: "integer", minimum: 0, maximum: 1095 },
        privilegedUsersRequireHardwareMfa: { type: "boolean" },
        kmsRequiredBuckets: { type: "array", items: { type: "string", minLength: 1, maxLength: 255 }, maxItems: 1000 },
      },
    },
    mutelist: {
      type: "array",
      maxItems: 10000,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["checkId", "resource", "reason"],
        properties: {
          checkId: { type: "string", minLength: 1, maxLength: 200 },
          resource: { type: "string", minLength: 1, maxLength: 2048 },
          region: { type: "string", minLength: 1, maxLength: 64 },
          accountId: { type: "string", pattern: "^(\\d{12}|\\*)$" },
          tags: {
            type: "object",
            minProperties: 1,
            maxProperties: 50,
            propertyNames: { minLength: 1, maxLength: 128 },
            additionalProperties: { type: "string", maxLength: 256 },
          },
          reason: { type: "string", minLength: 1, maxLength: 2000 },
          // A calendar day: the entry mutes through the end of that day, UTC.
          expires: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$" },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: false }).compile<ConfigFile>(CONFIG_SCHEMA);

const MAX_CONFIG_BYTES = 5 * 1024 * 1024;

export function parseConfig(text: string, name: string): ConfigFile {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 }) ?? {};
  } catch (err) {
    throw new UsageError(`${name} is not valid YAML/JSON: ${(err as Error).message.split("\n")[0]}`);
  }
  if (!validate(data)) {
    const e = validate.errors?.[0];
    const where = e?.instancePath || "(top level)";
    const extra =
      e?.keyword === "additionalProperties" ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'` : "";
    throw new UsageError(`${name}: ${where} ${e?.message ?? "is invalid"}${extra}`);
  }
  data.mutelist?.forEach((m, i) => {
    const day = m.expires ? Date.parse(`${m.expires}T00:00:00.000Z`) : undefined;
    if (day !== undefined && (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== m.expires)) {
      throw new UsageError(`${name}: /mutelist/${i}/expires ${JSON.stringify(m.expires)} is not a calendar day`);
    }
  });
  return data;
}

export function loadConfig(path: string): ConfigFile {
  return parseConfig(readTextFile(path, "config", MAX_CONFIG_BYTES), path);
}

export const settingsFrom = (config: ConfigFile): Settings => ({ ...DEFAULT_SETTINGS, ...config.settings });
