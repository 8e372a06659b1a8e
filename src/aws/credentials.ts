import { fromNodeProviderChain } from "@aws-sdk/credential-providers";

/** Whether the SDK's default credential chain (or the given profile) yields credentials at all. */
export async function hasCredentials(profile?: string): Promise<boolean> {
  try {
    const creds = await fromNodeProviderChain(profile ? { profile } : {})();
    return Boolean(creds.accessKeyId);
  } catch {
    return false;
  }
}
