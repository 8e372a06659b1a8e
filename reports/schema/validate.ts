import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { SERVICE_IDS } from "../../src/services/index.js";
import { DEFAULT_SETTINGS } from "../../src/settings.js";
import { packageRoot } from "../../src/version.js";

export interface ValidationResult {
  valid: boolean;
  /** One line per problem: `<JSON pointer> <what is wrong>`; empty when valid. */
  errors: string[];
}

/** The schema ships as a JSON file beside this module; read it from the package root so dist/ finds it too. */
export const REPORT_SCHEMA_PATH = join(packageRoot(), "reports", "schema", "report.schema.json");

let compiled: ValidateFunction | undefined;

interface SchemaWithDefs {
  $defs: Record<string, Record<string, unknown>>;
}

/** The report schema as reports are held to it: the shipped file, with the registry's service ids as the service enum and the code's setting names as the settings' keys. */
export function reportSchema(): SchemaWithDefs {
  const schema = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, "utf8")) as SchemaWithDefs;
  schema.$defs.service = { ...schema.$defs.service, enum: [...SERVICE_IDS] };
  const settings = Object.keys(DEFAULT_SETTINGS);
  schema.$defs.settings = { ...schema.$defs.settings, required: settings, propertyNames: { enum: settings } };
  return schema;
}

function validator(): ValidateFunction {
  if (!compiled) {
    const schema = reportSchema();
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    // ajv-formats is CommonJS: under NodeNext its default import is the module object.
    addFormats.default(ajv, ["date", "date-time", "uri"]);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

const describe = (e: ErrorObject): string => {
  const where = e.instancePath === "" ? "/" : e.instancePath;
  const params = e.params as { additionalProperty?: unknown; allowedValues?: unknown; propertyName?: unknown };
  const extra =
    e.keyword === "additionalProperties"
      ? ` (${String(params.additionalProperty)})`
      : e.keyword === "enum"
        ? ` (${JSON.stringify(params.allowedValues)})`
        : e.propertyName !== undefined
          ? ` (property name ${JSON.stringify(e.propertyName)})`
          : e.keyword === "propertyNames"
            ? ` (${JSON.stringify(params.propertyName)})`
            : "";
  return `${where} ${e.message ?? e.keyword}${extra}`;
};

/** Validates a parsed report (or anything) against reports/schema/report.schema.json. */
export function validateReport(report: unknown): ValidationResult {
  const validate = validator();
  if (!validate(report)) return { valid: false, errors: (validate.errors ?? []).map(describe) };
  // What a schema cannot say: a finding's check metadata is found in checks[] by its checkId.
  const { checks, findings } = report as { checks: { id: string }[]; findings: { checkId: string }[] };
  const known = new Set(checks.map((c) => c.id));
  const errors = findings.flatMap((f, i) => (known.has(f.checkId) ? [] : [`/findings/${i}/checkId ${f.checkId} is not in checks[]`]));
  return { valid: errors.length === 0, errors };
}
