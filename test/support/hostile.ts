/**
 * Text an attacker can put into an account (tag values, names, descriptions, policy text) and so into
 * a report: each tries to leave the context it is written in and run. The HTML report must show each as
 * text. Every payload that runs sets `window.__pwned` to say which one it was.
 */
import type { Finding } from "../../src/results.js";
import type { Report } from "../../src/report.js";
import { ACCOUNT, buildFixtureReport, fixtureFindings, makeFinding } from "./report-fixture.js";

export const HOSTILE = {
  img: `<img src=x onerror="window.__pwned='img'">`,
  script: `</script><script>window.__pwned='script'</script>`,
  comment: `<!--<script>window.__pwned='comment'</script>`,
  attribute: `"><svg onload="window.__pwned='attribute'">`,
  style: `</style><script>window.__pwned='style'</script>`,
  noscript: `</noscript><img src=x onerror="window.__pwned='noscript'">`,
  /** Line and paragraph separators end a JavaScript string literal in older engines; `&amp;` must stay five characters. */
  separators: "a\u2028b\u2029c &amp; &lt;",
} as const;

export const HOSTILE_VALUES: readonly string[] = Object.values(HOSTILE);

/** A finding whose every AWS-chosen field is hostile: resource name and ARN, tags, message, evidence, the failed call's message. */
export function hostileFindings(): Finding[] {
  const name = `bucket${HOSTILE.img}`;
  const resource = {
    arn: `arn:aws:s3:::${HOSTILE.script}`,
    id: name,
    type: "AWS::S3::Bucket",
    tags: { owner: HOSTILE.script, [HOSTILE.attribute]: HOSTILE.comment, Name: HOSTILE.noscript, note: HOSTILE.separators },
  };
  return [
    makeFinding("s3-bucket-public-policy", {
      status: "FAIL",
      resource,
      message: `Bucket ${name} policy statement "${HOSTILE.style}" allows s3:GetObject to Principal "*"`,
      evidence: {
        policy: { Statement: [{ Sid: HOSTILE.comment, Condition: { StringEquals: { "aws:PrincipalTag/team": HOSTILE.script } } }] },
        [HOSTILE.img]: HOSTILE.separators,
      },
      severity: "critical",
    }),
    makeFinding("s3-bucket-default-encryption", {
      status: "ERROR",
      resource: { ...resource, tags: { owner: HOSTILE.img } },
      message: `Could not evaluate: GetBucketEncryption failed with AccessDenied (${HOSTILE.noscript}).`,
      error: {
        service: "s3",
        region: "us-east-1",
        operation: "GetBucketEncryption",
        code: "AccessDenied",
        message: HOSTILE.script,
        resource: name,
      },
    }),
  ];
}

/** The fixture report with the hostile findings added, and a failed call whose message and resource are hostile. */
export function hostileReport(): Report {
  return buildFixtureReport({
    findings: [...hostileFindings(), ...fixtureFindings()],
    scan: {
      accounts: [ACCOUNT],
      errors: [
        {
          service: "s3",
          region: "us-east-1",
          operation: "GetBucketEncryption",
          code: "AccessDenied",
          message: HOSTILE.script,
          resource: `bucket${HOSTILE.img}`,
        },
      ],
    },
  });
}
