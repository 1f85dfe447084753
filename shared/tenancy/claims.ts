import * as z from "zod";
import { RoleSchema } from "./roles.ts";

/**
 * The claim names a CityRisk token carries. They are Cognito's custom-attribute names, so the
 * JWT authorizer on AWS and the local identity provider hand handlers the same claims.
 */
export const CLAIM = {
  /** The product's user id; Cognito's own `sub` differs from it, so the pool carries this too. */
  userId: "custom:userId",
  tenantId: "custom:tenantId",
  role: "custom:role",
  jurisdiction: "custom:jurisdiction",
} as const;

/**
 * Jurisdiction as carried in a token: `*` for the whole city, otherwise `;`-separated parts
 * `d:<district>[/<street>]` and `i:<industry>`; no `d:` part means citywide for those industries,
 * no `i:` part means every industry in those districts. Enterprises carry their own district.
 * An empty token is no jurisdiction at all (assessors, an enterprise's own systems): only `*`
 * grants the whole city (issue 10, Found 9).
 */
export const JurisdictionSchema = z.object({
  citywide: z.boolean(),
  districts: z.array(z.object({ district: z.string(), street: z.string().optional() })),
  industries: z.array(z.string()),
});
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

/** The jurisdiction of a caller granted none: it covers no place. */
export const NO_JURISDICTION: Jurisdiction = Object.freeze({
  citywide: false,
  districts: [],
  industries: [],
}) as Jurisdiction;

/** Whether a jurisdiction grants nothing (the empty token). */
export function isNoJurisdiction(j: Jurisdiction): boolean {
  return !j.citywide && j.districts.length === 0 && j.industries.length === 0;
}

/** Parses the token form; throws on an unknown part. The empty token parses as no jurisdiction. */
export function parseJurisdiction(text: string): Jurisdiction {
  if (text.trim() === "*") return { citywide: true, districts: [], industries: [] };
  const districts: Jurisdiction["districts"] = [];
  const industries: string[] = [];
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kind, value = ""] = part.split(":", 2);
    if (kind === "d") {
      const [district = "", street] = value.split("/", 2);
      districts.push(street ? { district, street } : { district });
    } else if (kind === "i") {
      industries.push(value);
    } else {
      throw new Error(`unknown jurisdiction part: ${part}`);
    }
  }
  return { citywide: false, districts, industries };
}

/** The token form: `*` for the whole city, `""` for no jurisdiction. */
export function formatJurisdiction(j: Jurisdiction): string {
  if (j.citywide && j.industries.length === 0) return "*";
  return [
    ...j.districts.map((d) => `d:${d.street ? `${d.district}/${d.street}` : d.district}`),
    ...j.industries.map((i) => `i:${i}`),
  ].join(";");
}

/** The claims every handler may rely on after the authorizer has verified the token. */
export const CallerClaimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  [CLAIM.userId]: z.string().min(1).optional(),
  [CLAIM.tenantId]: z.string().min(1),
  [CLAIM.role]: RoleSchema,
  [CLAIM.jurisdiction]: z.string().default(""),
});

export interface Caller {
  userId: string;
  email?: string;
  tenantId: string;
  role: z.infer<typeof RoleSchema>;
  jurisdiction: Jurisdiction;
}

/** Reads a caller out of verified token claims; throws a ZodError when a claim is missing. */
export function callerFromClaims(claims: Record<string, unknown>): Caller {
  const c = CallerClaimsSchema.parse(claims);
  return {
    userId: c[CLAIM.userId] ?? c.sub,
    ...(c.email ? { email: c.email } : {}),
    tenantId: c[CLAIM.tenantId],
    role: c[CLAIM.role],
    jurisdiction: parseJurisdiction(c[CLAIM.jurisdiction]),
  };
}
