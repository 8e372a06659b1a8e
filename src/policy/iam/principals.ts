import type { IamAttachedPolicy, IamAuthorizationDetails, IamInlinePolicy, IamManagedPolicy } from "../../services/iam/inventory.js";
import { isAwsManagedPolicyArn, isServiceLinkedRole } from "../../services/iam/inventory.js";
import { parsePolicy, PolicyParseError, type PolicyDocument } from "../document.js";
import { iamActionCatalog, type ActionCatalog } from "./catalog.js";
import { EffectivePermissions, type LoadedPolicy, type PolicySource } from "./permissions.js";

export type PrincipalKind = "user" | "group" | "role";

export const RESOURCE_TYPES = {
  user: "AWS::IAM::User",
  group: "AWS::IAM::Group",
  role: "AWS::IAM::Role",
  policy: "AWS::IAM::Policy",
} as const;

/** A policy the analysis could not use: its verdicts may be incomplete. */
export interface PolicyProblem {
  policy: string;
  reason: string;
}

/** A user, group or role with everything it holds, resolved to parsed documents. */
export interface IamPrincipal {
  kind: PrincipalKind;
  name: string;
  arn: string;
  id: string;
  path: string;
  /** Service-linked roles are AWS's: checks skip them. */
  serviceLinked: boolean;
  /** Inline and managed policies, the user's groups' included (`source.viaGroup`). */
  policies: LoadedPolicy[];
  boundaryArn?: string;
  problems: PolicyProblem[];
  permissions: EffectivePermissions;
}

export interface AnalyzedManagedPolicy {
  policy: IamManagedPolicy;
  /** The default version's document; absent when it could not be read (see `problem`). */
  document?: PolicyDocument;
  problem?: string;
}

/** The parsed view of IAM every IAM check uses. */
export interface IamAnalysis {
  catalog: ActionCatalog;
  principals: IamPrincipal[];
  managedPolicies: AnalyzedManagedPolicy[];
  managedPolicy(arn: string): AnalyzedManagedPolicy | undefined;
}

const parseOrProblem = (text: string): { document: PolicyDocument } | { problem: string } => {
  try {
    return { document: parsePolicy(text) };
  } catch (err) {
    return { problem: err instanceof PolicyParseError ? err.message : String(err) };
  }
};

function analyzeManagedPolicy(policy: IamManagedPolicy): AnalyzedManagedPolicy {
  const version =
    policy.versions.find((v) => v.isDefault) ??
    (policy.defaultVersionId ? policy.versions.find((v) => v.versionId === policy.defaultVersionId) : undefined);
  if (!version) return { policy, problem: "the default policy version was not returned" };
  const parsed = parseOrProblem(version.document);
  return "document" in parsed ? { policy, document: parsed.document } : { policy, problem: parsed.problem };
}

/**
 * What an identity holds, named so that identities holding the same policies (the same inline texts,
 * the same managed policies, through the same groups, under the same boundary) share one
 * EffectivePermissions: large accounts have thousands of identities made from a few templates.
 */
type Signature = string[];

class Resolver {
  readonly byArn: Map<string, AnalyzedManagedPolicy>;
  /** Inline documents parsed once per distinct text. */
  readonly #parsed = new Map<string, ReturnType<typeof parseOrProblem>>();
  readonly #permissions = new Map<string, EffectivePermissions>();

  constructor(readonly details: IamAuthorizationDetails) {
    this.byArn = new Map(details.policies.map((p) => [p.arn, analyzeManagedPolicy(p)]));
  }

  inline(list: readonly IamInlinePolicy[], into: LoadedPolicy[], problems: PolicyProblem[], signature: Signature, viaGroup?: string): void {
    for (const p of list) {
      const source: PolicySource = { kind: "inline", name: p.name, awsManaged: false, ...(viaGroup ? { viaGroup } : {}) };
      let parsed = this.#parsed.get(p.document);
      if (!parsed) this.#parsed.set(p.document, (parsed = parseOrProblem(p.document)));
      signature.push(`inline\u0000${p.name}\u0000${viaGroup ?? ""}\u0000${p.document}`);
      if ("document" in parsed) into.push({ source, document: parsed.document });
      else problems.push({ policy: describe(source), reason: parsed.problem });
    }
  }

  managed(
    list: readonly IamAttachedPolicy[],
    into: LoadedPolicy[],
    problems: PolicyProblem[],
    signature: Signature,
    viaGroup?: string,
  ): void {
    for (const a of list) {
      const loaded = this.load(a.arn, a.name, viaGroup);
      signature.push(`managed\u0000${a.arn}\u0000${a.name}\u0000${viaGroup ?? ""}`);
      if ("document" in loaded) into.push(loaded);
      else problems.push(loaded);
    }
  }

  /** The effective permissions of `policies` (under `boundary`), shared by every identity with the same signature. */
  permissions(
    catalog: ActionCatalog,
    signature: Signature,
    policies: readonly LoadedPolicy[],
    boundary: EffectivePermissions | undefined,
  ): EffectivePermissions {
    const key = JSON.stringify(signature);
    let permissions = this.#permissions.get(key);
    if (!permissions) this.#permissions.set(key, (permissions = new EffectivePermissions(catalog, policies, boundary)));
    return permissions;
  }

  load(arn: string, name: string, viaGroup?: string): LoadedPolicy | PolicyProblem {
    const found = this.byArn.get(arn);
    const source: PolicySource = {
      kind: "managed",
      name: found?.policy.name ?? name,
      arn,
      awsManaged: found?.policy.awsManaged ?? isAwsManagedPolicyArn(arn),
      ...(viaGroup ? { viaGroup } : {}),
      ...(found?.policy.defaultVersionId ? { versionId: found.policy.defaultVersionId } : {}),
    };
    if (!found) return { policy: arn, reason: "the managed policy is not in the authorization details" };
    if (!found.document) return { policy: arn, reason: found.problem ?? "no document" };
    return { source, document: found.document };
  }
}

/** `inline policy "x" (via group "g")` / `managed policy arn:… ` — how messages name a policy. */
export function describe(source: PolicySource): string {
  const what =
    source.kind === "inline"
      ? `inline policy "${source.name}"`
      : `${source.awsManaged ? "AWS-managed" : "customer-managed"} policy ${source.name}`;
  return source.viaGroup ? `${what} (via group "${source.viaGroup}")` : what;
}

/** Resolves every user, group and role to its policies and effective permissions. */
export function buildAnalysis(details: IamAuthorizationDetails, catalog: ActionCatalog = iamActionCatalog()): IamAnalysis {
  const r = new Resolver(details);
  const groupsByName = new Map(details.groups.map((g) => [g.name, g]));
  const principals: IamPrincipal[] = [];

  const boundaryOf = (arn: string | undefined, problems: PolicyProblem[], signature: Signature): EffectivePermissions | undefined => {
    if (!arn) return undefined;
    signature.push(`boundary\u0000${arn}`);
    const loaded = r.load(arn, arn.slice(arn.lastIndexOf("/") + 1));
    if ("document" in loaded) return r.permissions(catalog, [`the boundary itself\u0000${arn}`], [loaded], undefined);
    problems.push({ policy: `permissions boundary ${arn}`, reason: loaded.reason });
    return undefined;
  };

  for (const u of details.users) {
    const policies: LoadedPolicy[] = [];
    const problems: PolicyProblem[] = [];
    const signature: Signature = [];
    r.inline(u.inlinePolicies, policies, problems, signature);
    r.managed(u.attachedPolicies, policies, problems, signature);
    for (const groupName of u.groups) {
      const g = groupsByName.get(groupName);
      if (!g) {
        problems.push({ policy: `group "${groupName}"`, reason: "the group is not in the authorization details" });
        continue;
      }
      r.inline(g.inlinePolicies, policies, problems, signature, g.name);
      r.managed(g.attachedPolicies, policies, problems, signature, g.name);
    }
    const boundary = boundaryOf(u.permissionsBoundaryArn, problems, signature);
    principals.push({
      kind: "user",
      name: u.name,
      arn: u.arn,
      id: u.id,
      path: u.path,
      serviceLinked: false,
      policies,
      ...(u.permissionsBoundaryArn ? { boundaryArn: u.permissionsBoundaryArn } : {}),
      problems,
      permissions: r.permissions(catalog, signature, policies, boundary),
    });
  }
  for (const g of details.groups) {
    const policies: LoadedPolicy[] = [];
    const problems: PolicyProblem[] = [];
    const signature: Signature = [];
    r.inline(g.inlinePolicies, policies, problems, signature);
    r.managed(g.attachedPolicies, policies, problems, signature);
    principals.push({
      kind: "group",
      name: g.name,
      arn: g.arn,
      id: g.id,
      path: g.path,
      serviceLinked: false,
      policies,
      problems,
      permissions: r.permissions(catalog, signature, policies, undefined),
    });
  }
  for (const role of details.roles) {
    const policies: LoadedPolicy[] = [];
    const problems: PolicyProblem[] = [];
    const signature: Signature = [];
    r.inline(role.inlinePolicies, policies, problems, signature);
    r.managed(role.attachedPolicies, policies, problems, signature);
    const boundary = boundaryOf(role.permissionsBoundaryArn, problems, signature);
    principals.push({
      kind: "role",
      name: role.name,
      arn: role.arn,
      id: role.id,
      path: role.path,
      serviceLinked: isServiceLinkedRole(role),
      policies,
      ...(role.permissionsBoundaryArn ? { boundaryArn: role.permissionsBoundaryArn } : {}),
      problems,
      permissions: r.permissions(catalog, signature, policies, boundary),
    });
  }
  const managedPolicies = [...r.byArn.values()];
  return { catalog, principals, managedPolicies, managedPolicy: (arn) => r.byArn.get(arn) };
}

const analyses = new WeakMap<IamAuthorizationDetails, IamAnalysis>();

/** The analysis of one inventory's authorization details, shared by every check that evaluates it. */
export function analyzeIam(details: IamAuthorizationDetails): IamAnalysis {
  let analysis = analyses.get(details);
  if (!analysis) analyses.set(details, (analysis = buildAnalysis(details)));
  return analysis;
}

interface PrincipalIndex {
  /** First position of each kind + ARN, and of each user name, in `analysis.principals`. */
  byArn: Map<string, number>;
  userByName: Map<string, number>;
}

const principalIndexes = new WeakMap<IamAnalysis, PrincipalIndex>();

function principalIndex(analysis: IamAnalysis): PrincipalIndex {
  let index = principalIndexes.get(analysis);
  if (!index) {
    index = { byArn: new Map(), userByName: new Map() };
    analysis.principals.forEach((p, i) => {
      const key = `${p.kind} ${p.arn}`;
      if (!index!.byArn.has(key)) index!.byArn.set(key, i);
      if (p.kind === "user" && !index!.userByName.has(p.name)) index!.userByName.set(p.name, i);
    });
    principalIndexes.set(analysis, index);
  }
  return index;
}

/**
 * The analysed user, group or role with this ARN: the first in the analysis, as
 * `principals.find(...)` would give it, without a pass over every principal per lookup
 * (checks join tens of thousands of roles or credential report rows to the analysis).
 */
export function principalByArn(analysis: IamAnalysis, kind: PrincipalKind, arn: string): IamPrincipal | undefined {
  const at = principalIndex(analysis).byArn.get(`${kind} ${arn}`);
  return at === undefined ? undefined : analysis.principals[at];
}

/** The first analysed user whose ARN or name is the given one (credential report rows name both). */
export function userByArnOrName(analysis: IamAnalysis, arn: string, name: string): IamPrincipal | undefined {
  const index = principalIndex(analysis);
  const byArn = index.byArn.get(`user ${arn}`);
  const byName = index.userByName.get(name);
  const at = byArn === undefined ? byName : byName === undefined ? byArn : Math.min(byArn, byName);
  return at === undefined ? undefined : analysis.principals[at];
}
