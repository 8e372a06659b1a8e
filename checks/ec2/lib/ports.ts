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
