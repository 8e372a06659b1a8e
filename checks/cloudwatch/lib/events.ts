/**
 * Representative CloudTrail records, as CloudTrail delivers them to CloudWatch Logs, for judging
 * metric filters by what they match rather than by how they are written. Each CIS item names the
 * records its filter must match (every event CIS lists) and benign ones it must not.
 */

export type CloudTrailRecord = Record<string, unknown>;

/** A record and what it is, for messages ("PutRolePolicy by an IAM user"). */
export interface LabeledRecord {
  label: string;
  record: CloudTrailRecord;
}

const ACCOUNT = "111122223333";

const IAM_USER = {
  type: "IAMUser",
  principalId: "AIDACKCEVSQ6C2EXAMPLE",
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  userName: "alice",
};

const ROOT = {
  type: "Root",
  principalId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:root`,
  accountId: ACCOUNT,
  accessKeyId: "ASIAIOSFODNN7EXAMPLE",
};

const ASSUMED_ROLE = {
  type: "AssumedRole",
  principalId: "AROACKCEVSQ6C2EXAMPLE:deploy",
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/deploy`,
  accountId: ACCOUNT,
  accessKeyId: "ASIAIOSFODNN7EXAMPLF",
  sessionContext: {
    sessionIssuer: { type: "Role", arn: `arn:aws:iam::${ACCOUNT}:role/deployer`, accountId: ACCOUNT, userName: "deployer" },
    attributes: { creationDate: "2026-06-30T11:00:00Z", mfaAuthenticated: "false" },
  },
};

export interface CallOptions {
  readOnly?: boolean;
  identity?: "iam-user" | "root" | "assumed-role";
  errorCode?: string;
  errorMessage?: string;
  region?: string;
}

/** An API call's management event, made from the CLI by an IAM user unless told otherwise. */
export function apiCall(eventSource: string, eventName: string, options: CallOptions = {}): CloudTrailRecord {
  const identity = options.identity === "root" ? ROOT : options.identity === "assumed-role" ? ASSUMED_ROLE : IAM_USER;
  return {
    eventVersion: "1.09",
    userIdentity: identity,
    eventTime: "2026-06-30T12:00:00Z",
    eventSource,
    eventName,
    awsRegion: options.region ?? "us-east-1",
    sourceIPAddress: "203.0.113.10",
    userAgent: "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64",
    requestParameters: null,
    responseElements: null,
    ...(options.errorCode ? { errorCode: options.errorCode } : {}),
    ...(options.errorMessage ? { errorMessage: options.errorMessage } : {}),
    requestID: "c5d8a7f0-5b5e-4a4f-9f43-EXAMPLE11111",
    eventID: "0c7f5a4e-2f44-4e7a-8d8a-EXAMPLE22222",
    readOnly: options.readOnly ?? false,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: "Management",
  };
}

export interface SignInOptions {
  identity?: "iam-user" | "root";
  mfa: boolean;
  success: boolean;
}

/** A console sign-in (ConsoleLogin), as signin.amazonaws.com records it. */
export function consoleLogin(options: SignInOptions): CloudTrailRecord {
  const identity = options.identity === "root" ? ROOT : IAM_USER;
  return {
    eventVersion: "1.09",
    userIdentity: {
      type: identity.type,
      principalId: identity.principalId,
      arn: identity.arn,
      accountId: ACCOUNT,
      ...("userName" in identity ? { userName: identity.userName } : {}),
    },
    eventTime: "2026-06-30T12:00:00Z",
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.23",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    requestParameters: null,
    responseElements: { ConsoleLogin: options.success ? "Success" : "Failure" },
    additionalEventData: {
      LoginTo: "https://console.aws.amazon.com/console/home",
      MobileVersion: "No",
      MFAUsed: options.mfa ? "Yes" : "No",
    },
    ...(options.success ? {} : { errorMessage: "Failed authentication" }),
    eventID: "3f3c2b1a-8d7e-4c6b-9a5f-EXAMPLE33333",
    readOnly: false,
    eventType: "AwsConsoleSignIn",
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: "Management",
  };
}

/** Each event name as a write call to one service, labelled "<name> (<service>)". */
export const writes = (eventSource: string, names: readonly string[]): LabeledRecord[] =>
  names.map((name) => ({ label: name, record: apiCall(eventSource, name) }));

/** A successful read by an IAM user: what a catch-all filter (`{ $.eventName = * }`) matches and a real one must not. */
export const read = (eventSource: string, eventName: string): LabeledRecord => ({
  label: `a successful ${eventName} (a read) by an IAM user`,
  record: apiCall(eventSource, eventName, { readOnly: true }),
});

/** A write to an unrelated service: what a filter on every write in the account matches. */
export const UNRELATED_WRITE: LabeledRecord = {
  label: "an SSM PutParameter (a write to another service)",
  record: apiCall("ssm.amazonaws.com", "PutParameter"),
};
