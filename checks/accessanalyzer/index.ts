import type { Check } from "../../src/check.js";
import enabled from "./enabled.js";

export const accessanalyzerChecks: readonly Check[] = [enabled];
