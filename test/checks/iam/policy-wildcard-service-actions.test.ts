import { describe, expect, it } from "vitest";
import { isServiceWildcard } from "../../../checks/iam/policy-wildcard-service-actions.js";

describe("FSBP IAM.21's pattern: an action name that is nothing but *", () => {
  it.each([
    ["s3:*", true],
    ["S3:**", true],
    ["s3*:*", true],
    [" ec2:* ", true],
    ["*", true],
    ["*:*", true],
    ["ec2:Describe*", false],
    ["s3:Get*Object", false],
    ["s3:?*", false],
    ["iam:PassRole", false],
    [":*", false],
  ] as const)("%s → %s", (pattern, expected) => expect(isServiceWildcard(pattern)).toBe(expected));
});
