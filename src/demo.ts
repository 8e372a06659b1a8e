import { join } from "node:path";
import { packageRoot } from "./version.js";

/** The bundled sample-account inventory (made with --save-snapshot against the moto scenario). */
export const demoSnapshotPath = (): string => join(packageRoot(), "src", "demo", "sample-account.snapshot.json");
