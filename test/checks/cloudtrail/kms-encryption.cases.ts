import check from "../../../checks/cloudtrail/kms-encryption.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { trail, trailsInventory, US } from "../../services/cloudtrail/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "a KMS key",
      inventory: trailsInventory({ [US]: [trail("main")] }),
      findings: [{ status: "PASS", responsibility: { layer: "encryption", awsModel: "Server-side encryption (file system and/or data)" } }],
    },
  ],
  fail: [
    {
      name: "SSE-S3 only",
      inventory: trailsInventory({ [US]: [trail("plain", { kmsKeyId: undefined })] }),
      findings: [{ status: "FAIL", evidence: { kmsKeyId: null } }],
    },
  ],
  error: [{ name: "the trails could not be listed", inventory: trailsInventory({ [US]: denied("cloudtrail.trails") }) }],
});
