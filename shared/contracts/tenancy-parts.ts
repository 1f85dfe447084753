import * as z from "zod";

/** Shared pieces of the tenancy routes. */
export const tags = ["tenancy"] as const;

export const OFFICIALS = [
  "streetOfficial",
  "districtOfficial",
  "industryOfficial",
  "cityAdmin",
] as const;

export const TenantIdParams = z.strictObject({ tenantId: z.string().min(1).max(100) });
export const UserIdParams = z.strictObject({ userId: z.string().min(1).max(100) });
export const IdParams = z.strictObject({ id: z.string().min(1).max(100) });
/** A token is 32 random bytes in base64url: 43 characters. */
export const TokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: "邀请令牌无效 / invalid token" }),
});
