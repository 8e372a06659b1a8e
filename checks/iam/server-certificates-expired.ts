import { accountResource, defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import type { IamServerCertificate } from "../../src/services/iam/inventory.js";
import type { ResourceRef } from "../../src/results.js";
import { ageInDays, GLOBAL } from "./lib/principals.js";

const certificateResource = (c: IamServerCertificate): ResourceRef => ({
  arn: c.arn,
  id: c.name,
  type: "AWS::IAM::ServerCertificate",
});

export default defineCheck({
  id: "iam-server-certificates-expired",
  title: "No expired SSL/TLS server certificates are stored in IAM",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.serverCertificates"],
  rationale:
    "An expired certificate left in IAM can still be deployed to a load balancer or CloudFront by mistake, where clients " +
    "reject it (an outage) or learn to click through warnings; keeping only valid certificates also keeps the inventory of " +
    "who may present the organisation's names honest. A certificate fails when its expiration is at or before the time " +
    "the inventory was collected, and passes otherwise.",
  remediation: {
    text: "Make sure no load balancer or distribution still uses the certificate, then delete it from IAM (prefer ACM, which renews certificates itself).",
    cli: "aws iam delete-server-certificate --server-certificate-name <certificate-name>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.18"], [FRAMEWORKS.securityHub]: ["IAM.26"] },
  evaluate: (inv, { read, unusable }) => {
    const listed = read("iam.serverCertificates");
    if (!listed.ok) return [listed.outcome];
    if (listed.value.length === 0) return [pass(accountResource(inv), GLOBAL, "No server certificates are stored in IAM.")];
    const now = Date.parse(inv.collectedAt);
    return listed.value.map((c) => {
      const expiry = c.expiresAt === undefined ? Number.NaN : Date.parse(c.expiresAt);
      if (Number.isNaN(expiry)) {
        return unusable("iam.serverCertificates", {
          resource: certificateResource(c),
          region: GLOBAL,
          code: "ExpirationMissing",
          message: `ListServerCertificates gave no expiration date for ${c.name}`,
          about: c.arn,
        });
      }
      const evidence = {
        serverCertificateId: c.id,
        path: c.path,
        expiresAt: c.expiresAt,
        ...(c.uploadedAt ? { uploadedAt: c.uploadedAt } : {}),
      };
      if (expiry <= now) {
        const days = ageInDays(c.expiresAt!, inv);
        return fail(
          certificateResource(c),
          GLOBAL,
          `Server certificate ${c.name} expired on ${c.expiresAt} (${days} day(s) before the scan) and is still stored in IAM.`,
          evidence,
        );
      }
      return pass(certificateResource(c), GLOBAL, `Server certificate ${c.name} is valid until ${c.expiresAt}.`, evidence);
    });
  },
});
