import check from "../../../checks/cloudtrail/log-file-validation.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { EU, trail, trailsInventory, US } from "../../services/cloudtrail/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "validation on",
      inventory: trailsInventory({ [US]: [trail("main")] }),
      findings: [{ status: "PASS", evidence: { logFileValidation: true } }],
    },
  ],
  fail: [
    {
      name: "validation off, reported in the trail's home region",
      inventory: trailsInventory({ [EU]: [trail("legacy", { homeRegion: EU, logFileValidation: false })] }),
      findings: [{ status: "FAIL", region: EU, message: "Trail legacy has log file validation disabled." }],
    },
  ],
  error: [{ name: "the trails could not be listed", inventory: trailsInventory({ [US]: denied("cloudtrail.trails") }) }],
});
