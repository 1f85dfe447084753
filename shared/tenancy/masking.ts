import type { Role } from "./roles.ts";

/**
 * Masking of personal data (issue 3 §5, confidentiality): a mainland mobile keeps its network
 * prefix and last four digits, as the Personal Information Security Specification
 * (GB/T 35273-2020, de-identification by masking) and common practice do: `138****5678`.
 */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  // Landlines and other formats: keep the area code (up to the first dash) and the last 2 digits.
  const dash = digits.indexOf("-");
  const head = dash > 0 && dash <= 4 ? digits.slice(0, dash + 1) : "";
  const rest = digits.slice(head.length);
  if (rest.length <= 2) return `${head}${"*".repeat(rest.length)}`;
  return `${head}${"*".repeat(rest.length - 2)}${rest.slice(-2)}`;
}

/**
 * Masks a resident identity card number (GB 11643-1999, 18 characters) to its first 6 (region)
 * and last 4 characters: `110105********1234`. Shorter inputs keep only their last character.
 */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (value.length >= 15)
    return `${value.slice(0, 6)}${"*".repeat(value.length - 10)}${value.slice(-4)}`;
  if (value.length <= 1) return "*".repeat(value.length);
  return `${"*".repeat(value.length - 1)}${value.slice(-1)}`;
}

/**
 * Who needs personal phone numbers in clear: the enterprise's own people (they manage their
 * contacts) and the territorial and industry supervisors, who call them when a warning fires.
 * The city admin, assessors and machine integrators work without them.
 */
const SEES_PERSONAL_DATA: Readonly<Record<Role, boolean>> = {
  enterpriseAdmin: true,
  enterpriseStaff: true,
  streetOfficial: true,
  districtOfficial: true,
  industryOfficial: true,
  cityAdmin: false,
  assessor: false,
  integrator: false,
};

/**
 * Whether a viewer sees personal phone and ID numbers unmasked. Enterprise roles see them only
 * in their own tenant's records; pass `sameTenant` when the viewer is reading another tenant.
 */
export function seesPersonalData(role: Role, sameTenant = true): boolean {
  if (role === "enterpriseAdmin" || role === "enterpriseStaff") return sameTenant;
  return SEES_PERSONAL_DATA[role];
}

const PHONE_KEYS = new Set(["phone", "mobile"]);
const ID_NUMBER_KEYS = new Set(["idNumber", "idCardNumber"]);

function maskDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === "string" && PHONE_KEYS.has(key)) out[key] = maskPhone(field);
    else if (typeof field === "string" && ID_NUMBER_KEYS.has(key)) out[key] = maskIdNumber(field);
    else out[key] = maskDeep(field);
  }
  return out;
}

/**
 * A record as a role may see it: every `phone`/`mobile` and ID-number field, at any depth
 * (an enterprise's principal and safety contact, a risk source's responsible person, a user),
 * masked unless the role sees personal data. The input is never changed.
 */
export function maskContactsFor<T>(role: Role, record: T, sameTenant = true): T {
  if (seesPersonalData(role, sameTenant)) return record;
  return maskDeep(record) as T;
}
