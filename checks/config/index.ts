import type { Check } from "../../src/check.js";
import globalResourcesRecorded from "./global-resources-recorded.js";
import recorderEnabled from "./recorder-enabled.js";
import recorderServiceLinkedRole from "./recorder-service-linked-role.js";
import organizationAggregator from "./organization-aggregator.js";

export const configChecks: readonly Check[] = [recorderEnabled, globalResourcesRecorded, recorderServiceLinkedRole, organizationAggregator];
