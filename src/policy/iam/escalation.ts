import type { ActionVerdict, EffectivePermissions } from "./permissions.js";

/**
 * Known ways an identity turns limited IAM permissions into more (after Rhino Security
 * Labs' catalogue of AWS privilege-escalation methods). A path is open when every
 * step is allowed on broad resources; a step lists alternatives (any one will do).
 */
export interface EscalationPath {
  /** Stable id, named in findings. */
  id: string;
  /** What the holder can do with it. */
  how: string;
  steps: readonly (readonly string[])[];
}

const passRoleTo = (id: string, how: string, ...steps: string[][]): EscalationPath => ({
  id: `iam:PassRole+${id}`,
  how,
  steps: [["iam:PassRole"], ...steps],
});

export const ESCALATION_PATHS: readonly EscalationPath[] = [
  {
    id: "iam:CreatePolicyVersion",
    how: "write a new default version of a managed policy with any permissions",
    steps: [["iam:CreatePolicyVersion"]],
  },
  {
    id: "iam:SetDefaultPolicyVersion",
    how: "switch a managed policy to an older, broader version",
    steps: [["iam:SetDefaultPolicyVersion"]],
  },
  { id: "iam:AttachUserPolicy", how: "attach any managed policy (e.g. AdministratorAccess) to a user", steps: [["iam:AttachUserPolicy"]] },
  { id: "iam:AttachGroupPolicy", how: "attach any managed policy to a group", steps: [["iam:AttachGroupPolicy"]] },
  { id: "iam:AttachRolePolicy", how: "attach any managed policy to a role", steps: [["iam:AttachRolePolicy"]] },
  { id: "iam:PutUserPolicy", how: "write an inline policy with any permissions on a user", steps: [["iam:PutUserPolicy"]] },
  { id: "iam:PutGroupPolicy", how: "write an inline policy with any permissions on a group", steps: [["iam:PutGroupPolicy"]] },
  { id: "iam:PutRolePolicy", how: "write an inline policy with any permissions on a role", steps: [["iam:PutRolePolicy"]] },
  { id: "iam:AddUserToGroup", how: "join a more privileged group", steps: [["iam:AddUserToGroup"]] },
  { id: "iam:CreateAccessKey", how: "create access keys for another (more privileged) user", steps: [["iam:CreateAccessKey"]] },
  { id: "iam:CreateLoginProfile", how: "set a console password for a user that has none", steps: [["iam:CreateLoginProfile"]] },
  { id: "iam:UpdateLoginProfile", how: "change another user's console password", steps: [["iam:UpdateLoginProfile"]] },
  {
    id: "iam:UpdateAssumeRolePolicy",
    how: "rewrite a role's trust policy to let itself assume the role",
    steps: [["iam:UpdateAssumeRolePolicy"]],
  },
  passRoleTo(
    "lambda",
    "run code as any role through a new Lambda function",
    ["lambda:CreateFunction"],
    ["lambda:InvokeFunction", "lambda:CreateEventSourceMapping"],
  ),
  passRoleTo("ec2", "run an instance with any role's instance profile and read its credentials", ["ec2:RunInstances"]),
  passRoleTo("cloudformation", "create a stack that acts as any role", ["cloudformation:CreateStack"]),
  passRoleTo("glue", "create a Glue development endpoint running as any role", ["glue:CreateDevEndpoint"]),
  passRoleTo("datapipeline", "run a data pipeline as any role", ["datapipeline:CreatePipeline"], ["datapipeline:PutPipelineDefinition"]),
  passRoleTo("codebuild", "run a build as any role", ["codebuild:CreateProject"], ["codebuild:StartBuild", "codebuild:StartBuildBatch"]),
  passRoleTo(
    "sagemaker",
    "open a notebook running as any role",
    ["sagemaker:CreateNotebookInstance"],
    ["sagemaker:CreatePresignedNotebookInstanceUrl"],
  ),
  passRoleTo("ecs", "run a task as any role", ["ecs:RegisterTaskDefinition"], ["ecs:RunTask", "ecs:StartTask", "ecs:CreateService"]),
  {
    id: "lambda:UpdateFunctionCode",
    how: "replace the code of an existing function and act as its role",
    steps: [["lambda:UpdateFunctionCode"]],
  },
  {
    id: "glue:UpdateDevEndpoint",
    how: "add an SSH key to an existing Glue endpoint and act as its role",
    steps: [["glue:UpdateDevEndpoint"]],
  },
];

export interface OpenEscalationPath {
  path: EscalationPath;
  /** For each step, the alternative that is allowed. */
  via: ActionVerdict[];
}

/** The escalation paths open to an identity: every step allowed on broad resources. */
export function openEscalationPaths(
  perms: EffectivePermissions,
  paths: readonly EscalationPath[] = ESCALATION_PATHS,
): OpenEscalationPath[] {
  // Identities holding the same policies share their permissions, and so their open paths.
  if (paths !== ESCALATION_PATHS) return openPaths(perms, paths);
  let open = shared.get(perms);
  if (!open) shared.set(perms, (open = openPaths(perms, paths)));
  return [...open];
}

const shared = new WeakMap<EffectivePermissions, OpenEscalationPath[]>();

function openPaths(perms: EffectivePermissions, paths: readonly EscalationPath[]): OpenEscalationPath[] {
  const open: OpenEscalationPath[] = [];
  for (const path of paths) {
    const via: ActionVerdict[] = [];
    for (const step of path.steps) {
      const allowed = step.map((a) => perms.check(a)).find((v) => v.broad);
      if (!allowed) break;
      via.push(allowed);
    }
    if (via.length === path.steps.length) open.push({ path, via });
  }
  return open;
}
