import type { Caller, Jurisdiction } from "../../shared/tenancy/claims.ts";

const NOWHERE: Jurisdiction = { citywide: false, districts: [], industries: [] };

/**
 * Actors of changes made without a signed-in caller, as they appear in the audit trail: the
 * applicant of a public sign-up, the invitee accepting an invitation, the auto-approval switch.
 */
export function applicantActor(tenantId: string, email: string): Caller {
  return {
    userId: `applicant:${email}`,
    email,
    tenantId,
    role: "enterpriseAdmin",
    jurisdiction: NOWHERE,
  };
}

export function inviteeActor(user: {
  userId: string;
  email: string;
  tenantId: string;
  role: Caller["role"];
}): Caller {
  return {
    userId: user.userId,
    email: user.email,
    tenantId: user.tenantId,
    role: user.role,
    jurisdiction: NOWHERE,
  };
}

/** `CITYRISK_AUTO_APPROVE_SIGNUPS=true`: approvals recorded as the platform's, citywide. */
export const AUTO_APPROVAL: Caller = {
  userId: "system:auto-approval",
  tenantId: "system",
  role: "cityAdmin",
  jurisdiction: { citywide: true, districts: [], industries: [] },
};
