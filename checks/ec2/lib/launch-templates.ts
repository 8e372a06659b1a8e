/** What the launch template checks share: every template of every scanned region, with the versions read (default and latest). */
import type { EvaluationContext } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { Outcome, ResourceRef } from "../../../src/results.js";
import { launchTemplateResource, type LaunchTemplate, type LaunchTemplateVersion } from "../../../src/services/ec2/launch-templates.js";

export interface TemplateAt {
  resource: ResourceRef;
  region: string;
  /** `Launch template web (lt-0abc…)`. */
  label: string;
}

/** `version 3 (default, latest)`. */
export function versionLabel(v: LaunchTemplateVersion): string {
  const roles = [v.isDefault ? "default" : "", v.isLatest ? "latest" : ""].filter(Boolean);
  return `version ${v.versionNumber}${roles.length ? ` (${roles.join(", ")})` : ""}`;
}

/**
 * The version a fixed version is made from (create-launch-template-version --source-version), of the
 * failing ones: the default when it fails (what launches use when none is named), else the failing latest.
 */
export const sourceVersion = (failing: readonly LaunchTemplateVersion[]): number | undefined =>
  (failing.find((v) => v.isDefault) ?? failing[failing.length - 1])?.versionNumber;

/** A template's evidence: its id and name, and per version read its number, roles and what the check judges of it. */
export const templateEvidence = (t: LaunchTemplate, judged: (v: LaunchTemplateVersion) => Record<string, unknown>) => ({
  launchTemplateId: t.launchTemplateId,
  launchTemplateName: t.launchTemplateName,
  versions: t.versions.map((v) => ({ versionNumber: v.versionNumber, isDefault: v.isDefault, isLatest: v.isLatest, ...judged(v) })),
});

/** One outcome per launch template of every scanned region; an ERROR for a region whose templates could not be read. */
export function forEachLaunchTemplate(
  inv: Inventory,
  ctx: EvaluationContext,
  decide: (template: LaunchTemplate, at: TemplateAt) => Outcome,
): Outcome[] {
  return inv.regions.flatMap((region): Outcome[] => {
    const templates = ctx.read("ec2.launchTemplates", region);
    if (!templates.ok) return [templates.outcome];
    return templates.value.map((t) =>
      decide(t, {
        resource: launchTemplateResource(t),
        region,
        label: `Launch template ${t.launchTemplateName ? `${t.launchTemplateName} (${t.launchTemplateId})` : t.launchTemplateId}`,
      }),
    );
  });
}
