/**
 * What the inventory keeps of scanned user data: where credentials were found, by which rule, and a
 * fingerprint to tell two findings apart. Never the user data, never the secret.
 */

/** One credential found in a document. */
export interface SecretDetection {
  /** The detection rule: the secretlint rule's package name ("@secretlint/secretlint-rule-aws"). */
  rule: string;
  /** What the rule reports, its message id ("AWSSecretAccessKey", "PrivateKey", "PostgreSQLConnection"). */
  messageId: string;
  /** In the rule's words: "AWS Secret Access Key", "private key", "PostgreSQL connection string". */
  description: string;
  /** The MIME part it is in (1-based, leaf parts in order), when the document is a multipart archive. */
  part?: number;
  /** The line it starts on (1-based), in the decoded document or part. */
  line: number;
  /**
   * The secret's first 4 characters (only for secrets of 16 characters or more) and 12 hex digits of
   * a slow, salted hash of the whole matched text (`src/secrets/fingerprint.ts`): the same secret gives
   * the same fingerprint in every scan and every place, and the fingerprint does not give the secret back.
   */
  fingerprint: string;
}

/** A part of a document that could not be scanned, and why (binary, another compression, too large). */
export interface UnscannedPart {
  /** The MIME part (1-based), when the document is a multipart archive; absent: the whole document. */
  part?: number;
  reason: string;
}

/** The outcome of scanning one user data document (an instance's, or a launch template version's). */
export interface UserDataScan {
  /** Its size after base64 decoding, in bytes. */
  bytes: number;
  /** How it was laid out: "text", "gzip", "mime-multipart", "gzip+mime-multipart", "text (not base64)". */
  format: string;
  /** Leaf MIME parts, for a multipart archive. */
  parts?: number;
  detections: SecretDetection[];
  /** Detections beyond the ones kept (at most 50 a document). */
  omittedDetections?: number;
  /** What could not be scanned: empty when the whole document was. */
  unscanned: UnscannedPart[];
}
