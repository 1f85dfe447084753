/** An ETag as the API sends it (`"<version>"`), or the version as a strong tag when missing. */
export function etagFrom(headers: Headers, version: number): string {
  return headers.get("ETag") ?? `"${version}"`;
}

/** A versioned answer with the ETag to send back as `If-Match`. */
export function taggedAnswer<T extends { version: number }>(response: {
  body: T;
  headers: Headers;
}): { value: T; etag: string } {
  return { value: response.body, etag: etagFrom(response.headers, response.body.version) };
}

/** A fresh `Idempotency-Key` for one form submission; reuse it when retrying that submission. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The URL segment of an id such as `<tenantId>~<ULID>`. */
export function idSegment(id: string): string {
  return encodeURIComponent(id);
}
