import type { CallError } from "./common.js";
import type { ConfigInventory } from "./config.js";
import type { Ec2Inventory } from "./ec2.js";
import type { IamInventory } from "./iam.js";
import type { S3Inventory } from "./s3.js";

/**
 * The parts of an inventory snapshot whose shape `snapshot.schema.json` pins down, generated
 * from these types by `npm run schema` (the rest is checked by hand in `snapshot.ts`).
 */
export interface SnapshotShape {
  errors: CallError[];
  s3?: S3Inventory;
  iam?: IamInventory;
  ec2?: Ec2Inventory;
  config?: ConfigInventory;
}
