import type { MotoServer } from "../../support/moto.js";

/**
 * Nothing to seed: moto 5.2.5 does not implement IAM Access Analyzer. moto_server finds no backend
 * for the signing name access-analyzer ("Unable to find appropriate backend for
 * access-analyzer.<region>.amazonaws.com") and answers every call, ListAnalyzers included, with
 * HTTP 500 and Flask's HTML "Internal Server Error" page. The SDK cannot parse that (a SyntaxError on
 * "<!doctype"), retries it as a server error, and the scanner records ListAnalyzers failed with
 * HTTP500 in every region: accessanalyzer-enabled is ERROR there, never a PASS or FAIL, and a scan of
 * moto that includes this service is incomplete (exit 3). The collector and the check are tested with
 * aws-sdk-client-mock and hand-made inventories instead (collect.test.ts, test/checks/accessanalyzer/).
 */
export async function seed(_moto: MotoServer): Promise<void> {
  // Deliberately empty: there is no Access Analyzer in moto to seed.
}
