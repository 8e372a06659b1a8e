import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CHECKS, operationsOf, SERVICES, SLICES } from "../../src/services/index.js";
import { main } from "../../src/cli/main.js";
import type { OperationSpec } from "../../src/inventory/index.js";
import { BOOTSTRAP_OPERATIONS, leastPrivilegePolicy, operationsFor } from "../../src/least-privilege.js";
import { iamActionCatalog } from "../../src/policy/iam/catalog.js";
import { READ_OPERATION } from "../faults/scenario.js";

const declared: OperationSpec[] = [...BOOTSTRAP_OPERATIONS, ...SLICES.flatMap((s) => [...s.operations])];

describe("the scanner only reads: what it declares", () => {
  it("declares operations at all (every slice names the calls that fill it)", () => {
    expect(declared.length).toBeGreaterThan(10);
    for (const slice of SLICES) expect(slice.operations.length, slice.id).toBeGreaterThan(0);
  });

  it.each(declared.map((o) => [`${o.service}:${o.operation}`, o] as const))("%s is a read operation", (_key, op) => {
    expect(op.operation).toMatch(READ_OPERATION);
  });

  it.each(declared.map((o) => [o.action, o] as const))(
    "%s is a List/Read action in AWS's Service Authorization Reference",
    (_action, op) => {
      const entry = iamActionCatalog().get(op.action);
      expect(entry, `${op.action} (for ${op.service}:${op.operation}) is not an IAM action`).toBeDefined();
      expect(
        entry?.accessLevels.every((level) => level === "List" || level === "Read"),
        `${op.action}: ${entry?.accessLevels.join(", ")}`,
      ).toBe(true);
    },
  );

  it("the least-privilege policy with tag reads is exactly the declared actions: allow-only, no wildcard", () => {
    const policy = leastPrivilegePolicy(CHECKS, { tags: true });
    expect(policy.Statement).toHaveLength(1);
    const [statement] = policy.Statement;
    expect(statement).toMatchObject({ Effect: "Allow", Resource: "*" });
    expect(new Set(statement!.Action)).toEqual(new Set(operationsFor(CHECKS, { tags: true }).map((o) => o.action)));
    expect(new Set(statement!.Action)).toEqual(new Set(declared.map((o) => o.action)));
    for (const action of statement!.Action) expect(action).not.toMatch(/[*?]/);
  });

  it("without tag reads, the policy leaves out only the slices read for their tags alone", () => {
    const tagSlices = new Set(SERVICES.flatMap((s) => s.tags?.slices ?? []));
    const tagOnly = new Set(SLICES.filter((s) => tagSlices.has(s.id)).flatMap((s) => s.operations.map((o) => o.action)));
    const withTags = new Set(leastPrivilegePolicy(CHECKS, { tags: true }).Statement[0]!.Action);
    const without = new Set(leastPrivilegePolicy(CHECKS).Statement[0]!.Action);
    expect(tagOnly.size).toBeGreaterThan(0);
    expect(new Set([...withTags].filter((a) => !without.has(a)))).toEqual(tagOnly);
  });

  it("never reads a secret's value: GetSecretValue (which AWS rates only Read) is in no declaration and no policy", () => {
    const valueReads = new Set(["secretsmanager:getsecretvalue", "secretsmanager:batchgetsecretvalue"]);
    const reads = (actions: readonly string[]) => actions.filter((a) => valueReads.has(a.toLowerCase()));
    expect(declared.filter((o) => /GetSecretValue/i.test(o.operation)).map((o) => `${o.service}:${o.operation}`)).toEqual([]);
    expect(reads(declared.map((o) => o.action))).toEqual([]);
    for (const policy of [
      leastPrivilegePolicy(CHECKS),
      leastPrivilegePolicy(CHECKS, { tags: true }),
      ...CHECKS.map((c) => leastPrivilegePolicy([c])),
    ]) {
      const actions = policy.Statement.flatMap((st) => st.Action);
      expect(reads(actions)).toEqual([]);
      // Nor through a wildcard that would cover it.
      expect(actions.filter((a) => /GetSecretValue|[*?]/i.test(a))).toEqual([]);
    }
  });

  it("narrower check selections need no more than their own slices' actions", () => {
    for (const check of CHECKS) {
      const own = new Set([...BOOTSTRAP_OPERATIONS, ...operationsOf(check.needs)].map((o) => o.action));
      expect(new Set(leastPrivilegePolicy([check]).Statement[0]!.Action), check.id).toEqual(own);
    }
  });
});

describe("`yourside policy` prints that policy", () => {
  let out = "";
  let err = "";
  beforeEach(() => {
    out = "";
    err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it("for the whole catalogue", async () => {
    expect(await main(["policy"])).toBe(0);
    expect(JSON.parse(out)).toEqual(leastPrivilegePolicy(CHECKS));
    expect(err).toBe("");
  });

  it("for Secrets Manager's checks: its listing and policy reads, never a value", async () => {
    expect(await main(["policy", "--services", "secretsmanager"])).toBe(0);
    const actions: string[] = JSON.parse(out).Statement[0].Action;
    expect(actions.filter((a) => a.startsWith("secretsmanager:")).sort()).toEqual([
      "secretsmanager:GetResourcePolicy",
      "secretsmanager:ListSecrets",
    ]);
    expect(out).not.toContain("GetSecretValue");
  });

  it("for one service's checks", async () => {
    expect(await main(["policy", "--services", "s3"])).toBe(0);
    const actions: string[] = JSON.parse(out).Statement[0].Action;
    expect(actions).toEqual(leastPrivilegePolicy(CHECKS.filter((c) => c.service === "s3")).Statement[0]!.Action);
    expect(actions.filter((a) => a.startsWith("iam:"))).toEqual([]);
  });
});
