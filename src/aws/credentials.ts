import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider, Logger } from "@smithy/types";

const ignore = (): void => {};

/**
 * The SDK's default credential chain, or the named profile. The chain's own console warnings
 * (several sources set at once: the profile wins, as documented) are silenced: yourside's stderr
 * is its own progress and one-line errors.
 */
export function credentialChain(profile?: string): AwsCredentialIdentityProvider {
  const logger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
  return fromNodeProviderChain({ ...(profile ? { profile } : {}), logger });
}

/** Whether the SDK's default credential chain (or the given profile) yields credentials at all. */
export async function hasCredentials(profile?: string): Promise<boolean> {
  try {
    const creds = await credentialChain(profile)();
    return Boolean(creds.accessKeyId);
  } catch {
    return false;
  }
}
