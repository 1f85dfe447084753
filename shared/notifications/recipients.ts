import { parseJurisdiction } from "../tenancy/claims.ts";
import type { Role } from "../tenancy/roles.ts";
import { covers, type Place } from "../tenancy/scope.ts";
import { CHAIN_STEPS, type ChainStep, chainStep } from "../warnings/escalation.ts";

/** A user who could receive a warning: an active user of the enterprise or of a government tenant. */
export interface Candidate {
  tenantId: string;
  userId: string;
  role: Role;
  /** Token form (shared/tenancy/claims.ts). */
  jurisdiction: string;
  email: string;
  phone?: string;
}

/** Someone a warning event is delivered to, and the chain step they stand for. */
export interface Recipient extends Candidate {
  step: ChainStep;
}

/** Who stands for each official step of the chain (domain.md §5, 三个责任). */
const STEP_ROLES: Readonly<Record<Exclude<ChainStep, "enterprise" | "industry">, readonly Role[]>> =
  {
    street: ["streetOfficial"],
    district: ["districtOfficial", "industryOfficial"],
    city: ["cityAdmin"],
  };

function peopleAt(
  step: (typeof CHAIN_STEPS)[number],
  place: Place,
  enterpriseTenantId: string,
  candidates: readonly Candidate[],
): Recipient[] {
  const fits =
    step === "enterprise"
      ? (c: Candidate) =>
          c.tenantId === enterpriseTenantId &&
          (c.role === "enterpriseAdmin" || c.role === "enterpriseStaff")
      : (c: Candidate) =>
          STEP_ROLES[step].includes(c.role) &&
          c.tenantId !== enterpriseTenantId &&
          covers(parseJurisdiction(c.jurisdiction), place);
  return candidates.filter(fits).map((c) => ({ ...c, step }));
}

/**
 * Who receives a warning at its chain step (domain.md §5): at the first step the enterprise's
 * people and its street's officials together, since territorial supervision hears of a warning
 * when it is raised, not only when it escalates; above it, the officials of that step (the
 * district's with the industry department's). A step with nobody registered (no street official
 * yet) passes to the next one up that has someone, so a warning never falls into an empty step.
 */
export function recipientsAt(
  step: ChainStep,
  place: Place,
  enterpriseTenantId: string,
  candidates: readonly Candidate[],
): Recipient[] {
  const at = chainStep(step);
  const firstLine = at === "enterprise" || at === "street";
  const own = firstLine ? peopleAt("enterprise", place, enterpriseTenantId, candidates) : [];
  const officials = CHAIN_STEPS.slice(CHAIN_STEPS.indexOf(firstLine ? "street" : at));
  for (const next of officials) {
    const found = peopleAt(next, place, enterpriseTenantId, candidates);
    if (found.length > 0) return [...own, ...found];
  }
  return own;
}

/** The person a source names as responsible for it (企业主体责任人), as its card prints them. */
export interface ResponsiblePerson {
  tenantId: string;
  riskSourceId: string;
  name: string;
  phone: string;
}

/**
 * Adds the source's own responsible person to a first-line delivery (domain.md §5: the chain
 * starts with the enterprise's responsible person). They may have no account, so they are
 * reached by text at the number on the source; when one of the enterprise's users already has
 * that number, that user's delivery is theirs and nobody is texted twice.
 */
export function withResponsiblePerson(
  recipients: readonly Recipient[],
  step: ChainStep,
  person: ResponsiblePerson | undefined,
): Recipient[] {
  const at = chainStep(step);
  if (!person || (at !== "enterprise" && at !== "street")) return [...recipients];
  if (recipients.some((r) => r.tenantId === person.tenantId && r.phone === person.phone)) {
    return [...recipients];
  }
  return [
    ...recipients,
    {
      tenantId: person.tenantId,
      // One delivery per source and person: the key the delivery records are kept under.
      userId: `responsible:${person.riskSourceId}`,
      // Stands with the enterprise's staff at the first line; no account, no jurisdiction.
      role: "enterpriseStaff",
      jurisdiction: "",
      email: "",
      phone: person.phone,
      step: "enterprise",
    },
  ];
}
