/**
 * Key fields of the single table (functions/platform/storage-definitions.ts). Keys are written
 * verbatim (`casing: "none"`) because street names are Chinese and tenant ids are
 * case-sensitive; every tenant-owned partition key is exactly `T#<tenantId>` so IAM
 * `dynamodb:LeadingKeys` can pin a tenant's credentials to it.
 */
type Field = "pk" | "sk" | "gsi1pk" | "gsi1sk" | "gsi2pk" | "gsi2sk" | "gsi3pk" | "gsi3sk";

export function key<const C extends readonly string[]>(
  field: Field,
  template: string,
  composite: C,
) {
  return { field, template, composite, casing: "none" } as const;
}

export const tenantPartition = key("pk", "T#${tenantId}", ["tenantId"]);
