/**
 * The JSON Schemas a snapshot is validated against, one per service (`src/services/<id>/inventory.schema.json`,
 * generated from that service's inventory types) and one for the failed calls every snapshot lists.
 * `npm run schema` regenerates them; a test keeps them in step with the types.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AnyService } from "../services/define.js";
import { packageRoot } from "../version.js";

export interface SchemaSource {
  /** The TypeScript file, relative to the package root. */
  source: string;
  type: string;
  /** The generated schema, relative to the package root. */
  schema: string;
}

export const CALL_ERRORS_SCHEMA: SchemaSource = {
  source: "src/inventory/common.ts",
  type: "CallError",
  schema: "src/inventory/call-error.schema.json",
};

export const serviceSchema = (service: Pick<AnyService, "id" | "schemaType">): SchemaSource => ({
  source: `src/services/${service.id}/inventory.ts`,
  type: service.schemaType,
  schema: `src/services/${service.id}/inventory.schema.json`,
});

export const schemaPath = (s: SchemaSource): string => join(packageRoot(), s.schema);

/** Generates a schema from its TypeScript type (ts-json-schema-generator is a development dependency). */
export async function generateSchema(s: SchemaSource): Promise<unknown> {
  const { createGenerator } = await import("ts-json-schema-generator");
  const root = packageRoot();
  const schema = createGenerator({
    path: join(root, s.source),
    tsconfig: join(root, "tsconfig.json"),
    type: s.type,
    skipTypeCheck: true,
    expose: "none",
  }).createSchema(s.type);
  return JSON.parse(JSON.stringify(schema)) as unknown;
}

/** `npm run schema`: writes every schema. */
export async function writeSchemas(services: readonly AnyService[]): Promise<void> {
  for (const s of [CALL_ERRORS_SCHEMA, ...services.map(serviceSchema)]) {
    writeFileSync(schemaPath(s), `${JSON.stringify(await generateSchema(s), null, 2)}\n`);
    process.stdout.write(`${s.schema}\n`);
  }
}
