import { expect } from "vitest";
import check from "../../../checks/cloudwatch/kms-key-disable-or-deletion-monitored.js";
import { ok } from "../../support/fixtures/index.js";
import { advanced, basic, eq } from "../../services/cloudtrail/fixtures.js";
import { account, anyOf, deliveringTrail, eventNames, monitoredRegion, monitoringCases } from "../../services/cloudwatch/fixtures.js";

const ID = "5.7";

export default monitoringCases(
  check,
  ID,
  {
    passing: [
      {
        name: "Security Hub CloudWatch.7's",
        pattern: "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}",
      },
      { name: "the two event names without the eventSource condition", pattern: anyOf(eventNames(ID)) },
    ],
    failing: [
      { name: "every KMS call", pattern: "{ $.eventSource = kms.amazonaws.com }", says: "also matches a successful ListKeys" },
      { name: "DisableKey only", pattern: anyOf(["DisableKey"], "kms.amazonaws.com"), says: "does not match ScheduleKeyDeletion" },
    ],
  },
  {
    fail: [
      {
        name: "the trail leaves KMS events out (ExcludeManagementEventSources), so no filter can see them",
        inventory: account({
          trails: [
            deliveringTrail({
              selectors: ok({ basic: [{ ...basic("All"), excludeManagementEventSources: ["kms.amazonaws.com"] }], advanced: [] }),
            }),
          ],
          us: monitoredRegion([ID]),
        }),
        assert: ([f]) => expect(f!.message).toContain("multi-region trail main leaves out the management events of kms.amazonaws.com"),
      },
      {
        name: "advanced selectors that leave KMS out by an eventSource condition",
        inventory: account({
          trails: [
            deliveringTrail({
              selectors: ok({
                basic: [],
                advanced: [advanced("mgmt", eq("eventCategory", "Management"), { field: "eventSource", notEquals: ["kms.amazonaws.com"] })],
              }),
            }),
          ],
          us: monitoredRegion([ID]),
        }),
        assert: ([f]) => expect(f!.message).toContain("leaves out the management events of kms.amazonaws.com"),
      },
    ],
    pass: [
      {
        name: "a trail that leaves out only RDS Data API events still records KMS's",
        inventory: account({
          trails: [
            deliveringTrail({
              selectors: ok({ basic: [{ ...basic("All"), excludeManagementEventSources: ["rdsdata.amazonaws.com"] }], advanced: [] }),
            }),
          ],
          us: monitoredRegion([ID]),
        }),
      },
    ],
  },
);
