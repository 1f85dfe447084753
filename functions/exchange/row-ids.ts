import { createHash } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** JSON with object keys sorted at every level, so equal content always hashes alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The content key of every row of a sheet: a hash of the row's cells by column key plus which
 * occurrence of that content it is (the 2nd identical row is `#2`). Keys do not depend on the
 * job, nor on the row's line: re-submitting a file — also with rows fixed, added or removed
 * elsewhere — maps each unchanged row to the key it had, while identical rows stay distinct.
 */
export function rowContentKeys(records: readonly Record<string, unknown>[]): string[] {
  const seen = new Map<string, number>();
  return records.map((record) => {
    const digest = createHash("sha256").update(canonical(record)).digest("hex");
    const occurrence = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, occurrence);
    return `${digest}#${occurrence}`;
  });
}

/**
 * A record id from a tenant, what it is and a row's content key: 26 Crockford base32 characters
 * shaped like a ULID (first character 0–7), so it reads and sorts like the product's other ids.
 */
export function contentId(tenantId: string, what: string, contentKey: string): string {
  const digest = createHash("sha256").update(`${tenantId}\n${what}\n${contentKey}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 17)) bits = (bits << 8n) | BigInt(byte);
  bits >>= 6n; // 130 bits: 26 characters of 5 bits
  let id = "";
  for (let i = 0; i < 26; i++) {
    id = CROCKFORD[Number(bits & 31n)] + id;
    bits >>= 5n;
  }
  return (CROCKFORD[CROCKFORD.indexOf(id[0] as string) & 7] as string) + id.slice(1);
}
