/**
 * Exposure, not just configuration: is a security group attached to something the internet
 * can reach? A group on a running instance with a public address is exposed; a group on
 * interfaces without public addresses is attached; a group on nothing is unattached.
 */
import type { CallError, Fetched } from "../inventory/common.js";
import type { Ec2RegionInventory, Instance, InstanceInterface, NetworkInterface } from "../services/ec2/inventory.js";
import { SEVERITIES, type Severity } from "../results.js";
import type { AddressFamily } from "./cidr.js";

export type ExposureState = "exposed" | "attached" | "unattached" | "unknown";

export interface ExposedInstance {
  instanceId: string;
  name?: string;
  networkInterfaceId: string;
  publicIp?: string;
  ipv6Addresses?: string[];
}

export interface ExposedInterface {
  networkInterfaceId: string;
  interfaceType?: string;
  description?: string;
  publicIp?: string;
  ipv6Addresses?: string[];
}

export interface GroupExposure {
  state: ExposureState;
  /** Running instances reachable from the internet through an interface that carries the group. */
  instances: ExposedInstance[];
  /** Interfaces of other things (load balancers, NAT gateways, …) with a public address that carry the group. */
  interfaces: ExposedInterface[];
  /** Every interface known to carry the group, public or not. */
  attachedInterfaceIds: string[];
  /** Why the state may be incomplete: a read that failed or was not collected. */
  unknownBecause?: string;
}

const reason = (what: string, read: Fetched<unknown> | undefined): string | undefined => {
  if (read === undefined) return `${what} was not collected`;
  if (!read.ok) return describeFailure(read.error);
  return undefined;
};

const describeFailure = (e: CallError): string => `${e.service}:${e.operation} failed with ${e.code}`;

/** Stands in for the interface of an instance whose interfaces were not reported. */
const SYNTHETIC_INTERFACE = "primary";

/** The interfaces DescribeInstances reports for an instance; a bare instance gets one synthesized from its own fields. */
function interfacesOf(instance: Instance): InstanceInterface[] {
  if (instance.networkInterfaces.length > 0) {
    return instance.networkInterfaces.map((iface, i) => ({
      ...iface,
      groupIds: iface.groupIds.length > 0 ? iface.groupIds : i === 0 ? instance.securityGroupIds : [],
      ...(iface.publicIp === undefined && i === 0 && instance.publicIp ? { publicIp: instance.publicIp } : {}),
    }));
  }
  return [
    {
      networkInterfaceId: SYNTHETIC_INTERFACE,
      groupIds: instance.securityGroupIds,
      ipv6Addresses: [],
      ...(instance.publicIp ? { publicIp: instance.publicIp } : {}),
    },
  ];
}

function publicAddresses(
  iface: { publicIp?: string; ipv6Addresses: string[] },
  families: ReadonlySet<AddressFamily>,
): { publicIp?: string; ipv6Addresses?: string[] } | undefined {
  const v4 = families.has("ipv4") && iface.publicIp ? iface.publicIp : undefined;
  const v6 = families.has("ipv6") && iface.ipv6Addresses.length > 0 ? iface.ipv6Addresses : undefined;
  if (!v4 && !v6) return undefined;
  return { ...(v4 ? { publicIp: v4 } : {}), ...(v6 ? { ipv6Addresses: v6 } : {}) };
}

interface Carrier {
  /** Set when the interface belongs to an instance (from DescribeInstances). */
  instance?: Instance;
  iface: { networkInterfaceId: string; publicIp?: string; ipv6Addresses: string[] };
  /** Set when the interface comes from DescribeNetworkInterfaces. */
  listed?: NetworkInterface;
}

/** Answers "what is this group attached to, and is any of it reachable?" for one region's inventory. */
export class GroupUsage {
  /** Group id → the interfaces carrying it, indexed once per region. */
  readonly #carriers = new Map<string, Carrier[]>();
  readonly #unknownBecause: string | undefined;

  constructor(region: Ec2RegionInventory) {
    const add = (groupId: string, carrier: Carrier) => {
      const list = this.#carriers.get(groupId);
      if (list) list.push(carrier);
      else this.#carriers.set(groupId, [carrier]);
    };
    for (const instance of region.instances?.ok ? region.instances.value : []) {
      if (instance.state === "terminated") continue;
      for (const iface of interfacesOf(instance)) for (const g of new Set(iface.groupIds)) add(g, { instance, iface });
    }
    for (const iface of region.networkInterfaces?.ok ? region.networkInterfaces.value : []) {
      for (const g of new Set(iface.groupIds)) add(g, { iface, listed: iface });
    }
    const reasons = [reason("DescribeInstances", region.instances), reason("DescribeNetworkInterfaces", region.networkInterfaces)].filter(
      (r): r is string => r !== undefined,
    );
    this.#unknownBecause = reasons.length > 0 ? reasons.join("; ") : undefined;
  }

  /**
   * Exposure of `groupId` to rules of the given address families: an IPv4 rule exposes
   * interfaces with a public IPv4 address, an IPv6 rule interfaces with an IPv6 address.
   */
  exposure(groupId: string, families: Iterable<AddressFamily>): GroupExposure {
    const wanted = new Set(families);
    const attached = new Set<string>();
    const instances: ExposedInstance[] = [];
    const interfaces: ExposedInterface[] = [];

    for (const { instance, iface, listed } of this.#carriers.get(groupId) ?? []) {
      if (iface.networkInterfaceId !== SYNTHETIC_INTERFACE) attached.add(iface.networkInterfaceId);
      if (instance) {
        const addresses = instance.state === "running" ? publicAddresses(iface, wanted) : undefined;
        if (addresses) {
          instances.push({
            instanceId: instance.instanceId,
            ...(instance.name ? { name: instance.name } : {}),
            networkInterfaceId: iface.networkInterfaceId,
            ...addresses,
          });
        }
        continue;
      }
      // Interfaces of instances are judged above, with the instance's state.
      if (!listed || listed.instanceId || listed.status !== "in-use") continue;
      const addresses = publicAddresses(listed, wanted);
      if (addresses) {
        interfaces.push({
          networkInterfaceId: listed.networkInterfaceId,
          ...(listed.interfaceType ? { interfaceType: listed.interfaceType } : {}),
          ...(listed.description ? { description: listed.description } : {}),
          ...addresses,
        });
      }
    }

    const state: ExposureState =
      instances.length + interfaces.length > 0
        ? "exposed"
        : this.#unknownBecause
          ? "unknown"
          : attached.size > 0
            ? "attached"
            : "unattached";
    return {
      state,
      instances,
      interfaces,
      attachedInterfaceIds: [...attached].sort(),
      ...(state === "unknown" && this.#unknownBecause ? { unknownBecause: this.#unknownBecause } : {}),
    };
  }
}

const shift = (severity: Severity, steps: number): Severity => {
  const i = Math.min(SEVERITIES.length - 1, Math.max(0, SEVERITIES.indexOf(severity) - steps));
  return SEVERITIES[i] ?? severity;
};

/** Exposed: one step above `base`; unattached: one step below; attached or unknown: `base`. */
export function exposureSeverity(base: Severity, state: ExposureState): Severity {
  if (state === "exposed") return shift(base, 1);
  if (state === "unattached") return shift(base, -1);
  return base;
}

/** One clause for a finding message. */
export function describeExposure(e: GroupExposure): string {
  const addresses = (x: { publicIp?: string; ipv6Addresses?: string[] }) =>
    [x.publicIp, ...(x.ipv6Addresses ?? [])].filter(Boolean).join(", ");
  switch (e.state) {
    case "exposed": {
      const parts = [
        ...e.instances.map((i) => `running instance ${i.instanceId}${i.name ? ` (${i.name})` : ""} at ${addresses(i)}`),
        ...e.interfaces.map((n) => `${n.interfaceType ?? "interface"} ${n.networkInterfaceId} at ${addresses(n)}`),
      ];
      const shown = parts.slice(0, 5).join(", ");
      return `exposed: attached to ${shown}${parts.length > 5 ? ` and ${parts.length - 5} more` : ""}`;
    }
    case "attached":
      return `attached to ${e.attachedInterfaceIds.length} network interface(s), none reachable from the internet`;
    case "unattached":
      return "not attached to any network interface";
    case "unknown":
      return `exposure unknown (${e.unknownBecause ?? "a read failed"})`;
  }
}
