package ai.alphacore.core.judge.strict;

/** How strict mode compares one field; chosen per resource type and path (see {@link StrictSchema}). */
enum FieldKind {
  /** A resource's own name: the rule on the last path segment; equal strings satisfy any rule. */
  NAME,
  /** A reference to another resource (self-link, path or short name): rule on its identity. */
  REFERENCE,
  /** A service-account reference: identity is the account id (email local part). */
  SERVICE_ACCOUNT_REF,
  /** A GCP enum or location that the API treats case-insensitively. */
  ENUM,
  /** Machine type: last segment, case-insensitive. */
  MACHINE_TYPE,
  /** Startup script: line endings and trailing blanks normalised, then exact. */
  SCRIPT,
  /** DNS names: case-insensitive, one trailing dot optional. */
  DNS_NAME,
  /** Record data: a multiset, TXT quoting normalised. */
  RRDATAS,
  /** IAM member: {@code type:email}, exact but case-insensitive (emails are). */
  MEMBER,
  /** Secret payload: plaintext or its base64. */
  SECRET_DATA,
  /** Object content: checked through the md5hash the cloud reports, never the state's content. */
  CONTENT,
  /** A permission of a custom role: set membership, whatever the index. */
  PERMISSION,
  /** Boolean whose absence means false. */
  BOOL_DEFAULT_FALSE,
  /** Expiration TTL: the list or object form of expiration_policy. */
  TTL,
  /** Typed JSON equality: numbers by value, no str() coercion, bool is not a number. */
  TYPED
}
