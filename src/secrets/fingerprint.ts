/**
 * Fingerprints of secrets found in user data: enough to tell two findings apart (the same key in forty
 * instances, the key that was there last week), nothing to get the secret back.
 *
 * A keyed hash would resist guessing best, but findings must compare across scans, machines and
 * people (a CI run and a laptop, this week's report and last week's baseline), so there is no key
 * to keep. Instead the hash is deliberately slow: scrypt (N=2^14, r=8, p=1, about 16 MiB and tens of
 * milliseconds a secret) with a fixed salt, over the whole matched text (a connection string's scheme,
 * user, host and database as well as its password), truncated to 48 bits. Random keys and tokens are
 * out of reach anyway; a short password in a connection string costs an attacker a slow hash per guess
 * of every part together, where a plain SHA-256 would cost nanoseconds. The first 4 characters (an
 * access key's "AKIA", a URI's scheme) are shown only for secrets of 16 characters or more.
 *
 * These parameters are part of the report contract: changing them changes every fingerprint.
 */
import { createHash, scrypt } from "node:crypto";

const SALT = "yourside/secret-fingerprint/1";
const PARAMS = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const HASH_HEX = 12;
const PREFIX = 4;
const PREFIX_FROM_LENGTH = 16;

/** Fingerprints already computed in this process, by a SHA-256 of the secret (the secret itself is not kept). */
const cache = new Map<string, Promise<string>>();
const CACHE_LIMIT = 10_000;

function compute(secret: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(secret, SALT, 32, PARAMS, (err, key) => {
      if (err) reject(err);
      else {
        const prefix = secret.length >= PREFIX_FROM_LENGTH ? secret.slice(0, PREFIX) : "";
        resolve(`${prefix}…${key.toString("hex").slice(0, HASH_HEX)}`);
      }
    });
  });
}

/** `AKIA…1a2b3c4d5e6f`: the first 4 characters (secrets of 16+ characters) and 12 hex digits of scrypt(secret). */
export function fingerprint(secret: string): Promise<string> {
  const id = createHash("sha256").update(secret).digest("hex");
  let out = cache.get(id);
  if (!out) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    out = compute(secret);
    cache.set(id, out);
    out.catch(() => cache.delete(id));
  }
  return out;
}
