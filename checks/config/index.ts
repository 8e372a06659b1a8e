import type { Check } from "../../src/check.js";
import globalResourcesRecorded from "./global-resources-recorded.js";
import recorderEnabled from "./recorder-enabled.js";

export const configChecks: readonly Check[] = [recorderEnabled, globalResourcesRecorded];
