/** Port names for the EC2 checks' messages. */
const WELL_KNOWN_ADMIN: Record<number, string> = { 22: "SSH", 3389: "RDP", 5985: "WinRM", 5986: "WinRM" };

/** "SSH (22)", "RDP (3389)", "port 2222". */
export const adminPortName = (port: number): string => {
  const name = WELL_KNOWN_ADMIN[port];
  return name ? `${name} (${port})` : `port ${port}`;
};

/** Port → the services of the settings' sensitive-port list that use it. */
export function sensitivePortIndex(sensitive: Record<string, number[]>): Map<number, string[]> {
  const index = new Map<number, string[]>();
  for (const [service, ports] of Object.entries(sensitive)) {
    for (const port of ports) index.set(port, [...(index.get(port) ?? []), service]);
  }
  return index;
}

/** [21, 20, 3306] → ["FTP (20, 21)", "MySQL/Aurora (3306)"], in the order the services first appear. */
export function byService(ports: readonly number[], index: Map<number, string[]>): string[] {
  const grouped = new Map<string, number[]>();
  for (const port of [...ports].sort((a, b) => a - b)) {
    for (const service of index.get(port) ?? [`port ${port}`]) grouped.set(service, [...(grouped.get(service) ?? []), port]);
  }
  return [...grouped].map(([service, list]) => `${service} (${list.join(", ")})`);
}

/** The high-risk ports of the settings that neither the sensitive-port nor the admin-port list holds. */
export function highRiskPortIndex(settings: {
  highRiskPorts: Record<string, number[]>;
  sensitivePorts: Record<string, number[]>;
  adminPorts: number[];
}): Map<number, string[]> {
  const judgedElsewhere = new Set([...Object.values(settings.sensitivePorts).flat(), ...settings.adminPorts]);
  const index = sensitivePortIndex(settings.highRiskPorts);
  for (const port of [...index.keys()]) if (judgedElsewhere.has(port)) index.delete(port);
  return index;
}

/** Every port the per-port checks guard (admin, sensitive, high-risk), with its names. */
export function guardedPortIndex(settings: {
  highRiskPorts: Record<string, number[]>;
  sensitivePorts: Record<string, number[]>;
  adminPorts: number[];
}): Map<number, string[]> {
  const index = sensitivePortIndex({ ...settings.highRiskPorts, ...settings.sensitivePorts });
  for (const port of settings.adminPorts) if (!index.has(port)) index.set(port, [adminPortName(port).replace(/ \(\d+\)$/, "")]);
  return index;
}
