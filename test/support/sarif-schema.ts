import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import { REPO_ROOT } from "./paths.js";

/** The SARIF 2.1.0 JSON Schema that Microsoft's SARIF Multitool package ships (its $schema is draft 2020-12). */
export const SARIF_SCHEMA_FILE = join(REPO_ROOT, "node_modules", "@microsoft", "sarif-multitool-linux", "sarif-2.1.0.json");

let validator: ValidateFunction | undefined;

/** Schema errors for a SARIF log (empty when valid). */
export function validateSarifSchema(log: unknown): string[] {
  validator ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(
    JSON.parse(readFileSync(SARIF_SCHEMA_FILE, "utf8")) as object,
  );
  return validator(log) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
