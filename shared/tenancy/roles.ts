import * as z from "zod";

/**
 * The roles a caller can hold. Enterprise roles act inside their own tenant; official roles act
 * inside a jurisdiction (district/street × industries); the integrator is a machine client.
 */
export const ROLES = [
  "enterpriseAdmin",
  "enterpriseStaff",
  "assessor",
  "streetOfficial",
  "districtOfficial",
  "industryOfficial",
  "cityAdmin",
  "integrator",
] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export { ROLE_LABELS } from "./role-labels.ts";
