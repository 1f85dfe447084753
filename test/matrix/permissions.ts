import type { Role } from "../../shared/tenancy/roles.ts";

/**
 * Who may call each route: the product's access rules written as data, by hand, from
 * `../shared/design/domain.md` and the README's "Tenants, roles, scopes and isolation",
 * "Risk registry and grading" and "Import and export" sections. Never derived from the
 * manifest: the isolation matrix expects its 403s from this table, and `permissions.test.ts`
 * compares it with the manifest's `access` in both directions, so a wrong role on either side
 * fails the suite instead of passing the matrix.
 *
 * A role listed here is let past the role check only; its scope (own tenant, delegation,
 * jurisdiction) still narrows what it reaches, and integrators without the `write` scope are
 * still refused routes that write. Those rules live in the matrix's expectations.
 *
 * A new route belongs here with the roles the rules allow and, where it is not obvious, why.
 */
export interface Permission {
  /** `public`: no sign-in at all; otherwise exactly the roles let through. */
  roles: "public" | readonly Role[];
  /** The rule behind the list, where the route alone does not say it. */
  why?: string;
}

// Groups written out by hand (not imported from the routes), so a role added to
// `shared/tenancy/roles.ts` shows up as a difference to review instead of a silent grant.
const ENTERPRISE = ["enterpriseAdmin", "enterpriseStaff"] as const satisfies readonly Role[];
const OFFICIALS = [
  "streetOfficial",
  "districtOfficial",
  "industryOfficial",
  "cityAdmin",
] as const satisfies readonly Role[];
const SIGNED_IN = [
  ...ENTERPRISE,
  "assessor",
  ...OFFICIALS,
  "integrator",
] as const satisfies readonly Role[];
/** Enterprise users and the enterprise's own systems (integrators with `write`). */
const KEEPERS = [...ENTERPRISE, "integrator"] as const satisfies readonly Role[];
/** Manage logins and integrators: an enterprise's admin for its tenant, the city admin for government bodies and agencies. */
const MANAGERS = ["enterpriseAdmin", "cityAdmin"] as const satisfies readonly Role[];

const PUBLIC = "public";

export const PERMISSIONS: Readonly<Record<string, Permission>> = {
  // system
  "GET /api/v1/health": { roles: PUBLIC, why: "load balancers and monitors probe it unsigned" },
  "GET /api/v1/openapi.json": { roles: PUBLIC, why: "the API's contract is published" },
  "GET /api/docs": { roles: PUBLIC, why: "the API's contract is published" },
  "GET /api/v1/me": { roles: SIGNED_IN, why: "every caller may read its own claims" },

  // methodology (domain.md §1, §3): shared reference data, no tenant's records
  "POST /api/v1/grading/preview": {
    roles: SIGNED_IN,
    why: "computes a grade from the caller's inputs, saves nothing",
  },
  "GET /api/v1/method-profiles": { roles: SIGNED_IN, why: "methodology is public reference data" },
  "GET /api/v1/method-profiles/{profileId}/versions": {
    roles: SIGNED_IN,
    why: "every assessment names the version it was graded under; anyone reading one may read it",
  },
  "POST /api/v1/method-profiles": {
    roles: ["cityAdmin"],
    why: "domain.md §1: city administrators publish profiles (industry publishing is not built: see the README)",
  },
  "POST /api/v1/method-profiles/{profileId}/versions/{version}/retire": {
    roles: ["cityAdmin"],
    why: "domain.md §1: whoever publishes a version retires it; its sources are re-evaluated",
  },
  "PUT /api/v1/industries/{industry}/method-profiles": {
    roles: ["industryOfficial", "cityAdmin"],
    why: "domain.md §1: an industry's department decides which profiles its enterprises choose among",
  },
  "GET /api/v1/identification-lists/{industry}": {
    roles: SIGNED_IN,
    why: "domain.md §9: per-industry catalog, reference data",
  },

  // the enterprise's own profile
  "GET /api/v1/enterprise": {
    roles: ENTERPRISE,
    why: "the caller's own enterprise; others have none",
  },
  "PATCH /api/v1/enterprise": { roles: ["enterpriseAdmin"], why: "the admin keeps the profile" },

  // scheduled passes (issue 12): city-wide work, watched by the city administrator
  "GET /api/v1/passes": { roles: ["cityAdmin"], why: "passes run over the whole city" },
  "GET /api/v1/passes/{id}": { roles: ["cityAdmin"], why: "passes run over the whole city" },
  // statistics (issue 12): officials, each for the jurisdiction they hold
  "GET /api/v1/stats/summary": { roles: OFFICIALS, why: "statistics are the government's view" },
  "GET /api/v1/stats/accident-types": { roles: OFFICIALS },
  "GET /api/v1/stats/coverage": { roles: OFFICIALS },
  "GET /api/v1/stats/trends": { roles: OFFICIALS },
  // reports (issue 12): officials' paperwork of their own jurisdiction, jobs of their agency
  "POST /api/v1/reports": { roles: OFFICIALS, why: "reports are the government's view" },
  "GET /api/v1/reports": { roles: OFFICIALS },
  "GET /api/v1/reports/{id}": { roles: OFFICIALS },
  "GET /api/v1/reports/{id}/download": { roles: OFFICIALS },

  // supervision is the government's to assign (issue 10): the enterprise asks, the official over
  // the requested place decides
  "POST /api/v1/supervision-changes": {
    roles: ["enterpriseAdmin"],
    why: "moving the enterprise or a source under other officials is the admin's request",
  },
  "GET /api/v1/supervision-changes": {
    roles: [...ENTERPRISE, ...OFFICIALS],
    why: "the enterprise sees its requests, officials those coming into their jurisdiction",
  },
  "POST /api/v1/supervision-changes/{id}/decision": {
    roles: OFFICIALS,
    why: "the receiving official approves or rejects",
  },

  // monitoring and warnings (issue 11): the enterprise keeps its indicators and reports its
  // sensors; officials read and handle warnings in their jurisdiction along the responsibility
  // chain (domain.md §5); machines read warnings, people act on them
  "POST /api/v1/risk-sources/{id}/indicators": {
    roles: KEEPERS,
    why: "the enterprise monitors its own sources (main responsibility)",
  },
  "GET /api/v1/risk-sources/{id}/indicators": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "officials read the monitoring of sources in their jurisdiction",
  },
  "PATCH /api/v1/risk-sources/{id}/indicators/{indicatorId}": { roles: KEEPERS, why: "as adding" },
  "POST /api/v1/readings": {
    roles: KEEPERS,
    why: "the enterprise's people and its own systems (write scope) report its sensors",
  },
  "GET /api/v1/warnings": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "the enterprise sees its own warnings, officials their jurisdiction's",
  },
  "GET /api/v1/warnings/{id}": { roles: [...KEEPERS, ...OFFICIALS], why: "as the inbox" },
  "POST /api/v1/warnings/{id}/acknowledge": {
    roles: [...ENTERPRISE, ...OFFICIALS],
    why: "whoever is responsible on the chain acknowledges; systems only read",
  },
  "POST /api/v1/warnings/{id}/handle": {
    roles: [...ENTERPRISE, ...OFFICIALS],
    why: "as acknowledging",
  },
  "POST /api/v1/warnings/{id}/resolve": {
    roles: [...ENTERPRISE, ...OFFICIALS],
    why: "as acknowledging",
  },
  "POST /api/v1/warnings/{id}/close": {
    roles: OFFICIALS,
    why: "closing (销号) is the supervising official's",
  },
  "GET /api/v1/warning-settings/{scope}": {
    roles: OFFICIALS,
    why: "officials read the escalation deadlines that bind them",
  },
  "PUT /api/v1/warning-settings/{scope}": {
    roles: ["districtOfficial", "cityAdmin"],
    why: "the city admin sets the city's deadlines, a district's officials their district's",
  },
  "GET /api/v1/warning-rule-sets": {
    roles: OFFICIALS,
    why: "officials read the rule versions the warnings they handle were raised under",
  },
  "GET /api/v1/warning-rule-sets/current": {
    roles: OFFICIALS,
    why: "as the list: the version in force",
  },
  "POST /api/v1/warning-rule-sets": {
    roles: ["cityAdmin"],
    why: "issue 11: the city publishes its warning rules, as its admin publishes method profiles",
  },
  "GET /api/v1/me/notification-preferences": {
    roles: OFFICIALS,
    why: "officials choose how warnings reach them; enterprises' people get the defaults",
  },
  "PUT /api/v1/me/notification-preferences": {
    roles: OFFICIALS,
    why: "each official sets only their own (the path names no one else)",
  },

  // webhooks (issue 11 item 7): whoever registers integrators keeps the tenant's endpoints; an
  // enterprise's reach its own events, a government body's (city admin, its platform) its
  // jurisdiction's. Staff and officials below the city admin do not wire systems.
  ...Object.fromEntries(
    [
      "GET /api/v1/webhook-endpoints",
      "POST /api/v1/webhook-endpoints",
      "GET /api/v1/webhook-endpoints/{id}",
      "PATCH /api/v1/webhook-endpoints/{id}",
      "DELETE /api/v1/webhook-endpoints/{id}",
      "POST /api/v1/webhook-endpoints/{id}/rotate-secret",
      "GET /api/v1/webhook-endpoints/{id}/deliveries",
      "GET /api/v1/webhook-endpoints/{id}/attempts",
      "POST /api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/replay",
      "POST /api/v1/webhook-endpoints/{id}/replay",
    ].map((route) => [
      route,
      {
        roles: [...MANAGERS, "integrator"],
        why: "the tenant's admins and its own systems keep its endpoints",
      },
    ]),
  ),

  // emergency readiness (issue 14, domain.md §5, §8): an enterprise keeps its resources, plans
  // and drills; officials read their jurisdiction's and keep the city's resources in their area
  "GET /api/v1/emergency-resources": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "own, or the jurisdiction's",
  },
  "POST /api/v1/emergency-resources": {
    roles: [...KEEPERS, "streetOfficial", "districtOfficial", "cityAdmin"],
    why: "enterprises record theirs (DB11/T 1580); territorial agencies the city's shelters, medical, transport",
  },
  "GET /api/v1/emergency-resources/{id}": { roles: [...KEEPERS, ...OFFICIALS], why: "as the list" },
  "PATCH /api/v1/emergency-resources/{id}": {
    roles: [...KEEPERS, "streetOfficial", "districtOfficial", "cityAdmin"],
    why: "as recording; only the keeping tenant reaches it",
  },
  "DELETE /api/v1/emergency-resources/{id}": {
    roles: [...KEEPERS, "streetOfficial", "districtOfficial", "cityAdmin"],
    why: "as recording",
  },
  "GET /api/v1/enterprises/{tenantId}/resource-survey": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "the enterprise's survey, for it and its supervisors",
  },
  "GET /api/v1/enterprises/{tenantId}/resource-survey.csv": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "as the survey",
  },
  "GET /api/v1/risk-sources/{id}/nearest-resources": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "whoever reads the source (assessors excepted: they assess, not respond)",
  },
  "POST /api/v1/emergency-plans": {
    roles: KEEPERS,
    why: "domain.md §5: the enterprise makes its one-to-one plan",
  },
  "GET /api/v1/emergency-plans": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "shared with its street and district",
  },
  "GET /api/v1/emergency-plans/{id}": { roles: [...KEEPERS, ...OFFICIALS], why: "as the list" },
  "PATCH /api/v1/emergency-plans/{id}": { roles: KEEPERS, why: "as making it" },
  "POST /api/v1/emergency-plans/{id}/document": { roles: KEEPERS, why: "as making it" },
  "GET /api/v1/emergency-plans/{id}/document": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "as reading it",
  },
  "POST /api/v1/drills": { roles: KEEPERS, why: "the enterprise records its drills" },
  "GET /api/v1/drills": { roles: [...KEEPERS, ...OFFICIALS], why: "as the plan" },
  "GET /api/v1/capability-checklists": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "the checklist is read by whoever assesses or reads assessments",
  },
  "POST /api/v1/capability-assessments": {
    roles: KEEPERS,
    why: "domain.md §8: the enterprise assesses its own emergency capability",
  },
  "GET /api/v1/capability-assessments": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "the enterprise's history, for it and its supervisors",
  },
  "GET /api/v1/capability-assessments/{id}": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "as the history",
  },

  // the registry: enterprises keep their sources, assessors assess delegated ones, officials
  // supervise their jurisdiction (domain.md §5), integrators act like their tenant's users
  "GET /api/v1/enterprises": {
    roles: [...OFFICIALS, "integrator"],
    why: "a jurisdiction's listing; an enterprise reads itself at /enterprise",
  },
  "GET /api/v1/enterprises/{tenantId}": {
    roles: SIGNED_IN,
    why: "anyone may ask; scope answers 404 outside own tenant, delegation or jurisdiction",
  },
  "GET /api/v1/risk-sources": {
    roles: SIGNED_IN,
    why: "scope narrows: own, delegated or in the jurisdiction",
  },
  "GET /api/v1/map-points": {
    roles: SIGNED_IN,
    why: "as the listing: scope narrows the district's points to own, delegated or jurisdiction",
  },
  "POST /api/v1/risk-sources": {
    roles: KEEPERS,
    why: "domain.md §5: the enterprise bears the main responsibility for its sources",
  },
  "GET /api/v1/risk-sources/{id}": { roles: SIGNED_IN, why: "scope narrows, 404 outside it" },
  "PATCH /api/v1/risk-sources/{id}": { roles: KEEPERS, why: "as registering" },
  "DELETE /api/v1/risk-sources/{id}": {
    roles: ["enterpriseAdmin"],
    why: "removal is the admin's decision, not staff's or a system's",
  },
  "POST /api/v1/risk-sources/{id}/assessments": {
    roles: [...ENTERPRISE, "assessor", "integrator"],
    why: "the enterprise assesses its own, an agency what is delegated to it; officials review, not assess",
  },
  "GET /api/v1/risk-sources/{id}/assessments": { roles: SIGNED_IN, why: "as the source itself" },
  // risk notification card (domain.md §6)
  "GET /api/v1/risk-sources/{id}/card": {
    roles: [...ENTERPRISE, "assessor", ...OFFICIALS],
    why: "who reads the source prints or checks its card; integrators read the data, not a printout",
  },
  "GET /api/v1/public/risk-sources/{token}": {
    roles: PUBLIC,
    why: "the card's QR code opens it unsigned; the signed, expiring link is the key and it shows no people or phones",
  },
  "GET /api/v1/reviews": {
    roles: OFFICIALS,
    why: "officials accept or return assessments in their jurisdiction",
  },
  "POST /api/v1/assessments/{id}/review": { roles: OFFICIALS, why: "as the review queue" },
  "POST /api/v1/reviews/batch": { roles: OFFICIALS, why: "as one review, several at once" },

  // sign-up and invitations
  "POST /api/v1/signups": { roles: PUBLIC, why: "an enterprise signs up before it has a login" },
  "GET /api/v1/signups": {
    roles: OFFICIALS,
    why: "the district, street or industry official over the enterprise approves; the city admin citywide",
  },
  "POST /api/v1/signups/{tenantId}/decision": { roles: OFFICIALS, why: "as the approval queue" },
  "GET /api/v1/invitations/{token}": {
    roles: PUBLIC,
    why: "the invitee has no login yet; the one-time token is the credential",
  },
  "POST /api/v1/invitations/{token}/accept": { roles: PUBLIC, why: "as showing the invitation" },

  // users, tenants, agencies
  "GET /api/v1/users": { roles: MANAGERS },
  "POST /api/v1/users/invitations": { roles: MANAGERS },
  "PATCH /api/v1/users/{userId}": { roles: MANAGERS },
  "POST /api/v1/tenants": {
    roles: ["cityAdmin"],
    why: "government bodies and assessment agencies are created by the city admin",
  },
  "GET /api/v1/tenants": { roles: ["cityAdmin"], why: "as creating them" },
  "GET /api/v1/agencies": {
    roles: [...ENTERPRISE, "cityAdmin"],
    why: "enterprises choose an agency to delegate to; the city admin manages them",
  },

  // delegation, audit, the tenant's export
  "POST /api/v1/delegations": {
    roles: ["enterpriseAdmin"],
    why: "handing sources to an outside agency is the admin's decision",
  },
  "GET /api/v1/delegations": {
    roles: [...ENTERPRISE, "assessor"],
    why: "granted (the enterprise) or received (the agency's assessors)",
  },
  "DELETE /api/v1/delegations/{id}": { roles: ["enterpriseAdmin"], why: "as granting" },
  "GET /api/v1/audit": {
    roles: ["enterpriseAdmin", ...OFFICIALS],
    why: "the admin reads the tenant's trail, officials the trails of enterprises in their jurisdiction",
  },
  "GET /api/v1/export": {
    roles: ["enterpriseAdmin"],
    why: "all the tenant's data, personal data unmasked: its admin only",
  },

  // integrators
  "GET /api/v1/integrators": { roles: MANAGERS },
  "POST /api/v1/integrators": { roles: MANAGERS },
  "PATCH /api/v1/integrators/{clientId}": { roles: MANAGERS },

  // spreadsheet exchange (README "Import and export")
  "GET /api/v1/risk-sources/import-template": {
    roles: ENTERPRISE,
    why: "the template serves the enterprise's own import",
  },
  "POST /api/v1/risk-sources/exports": {
    roles: [...ENTERPRISE, ...OFFICIALS],
    why: "enterprises export their own sources, officials their jurisdiction (a job: any size)",
  },
  "GET /api/v1/risk-sources/exports/{id}": {
    roles: [...ENTERPRISE, ...OFFICIALS],
    why: "as starting one; the job is the starter's",
  },
  "POST /api/v1/risk-sources/imports": {
    roles: ENTERPRISE,
    why: "enterprises register their own sources in bulk",
  },
  // hidden dangers (issue 14 item 1, domain.md §7): the enterprise rectifies (五到位), its people
  // and officials report, officials accept and close a major one (the enterprise admin a general
  // one, checked in the domain); the enterprise's systems and officials read
  "POST /api/v1/hidden-dangers": {
    roles: [...ENTERPRISE, ...OFFICIALS],
    why: "found by the enterprise's inspection or an official's",
  },
  "GET /api/v1/hidden-dangers": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "the enterprise sees its own, officials their jurisdiction's",
  },
  "GET /api/v1/hidden-dangers/{id}": { roles: [...KEEPERS, ...OFFICIALS], why: "as the list" },
  "PUT /api/v1/hidden-dangers/{id}/plan": {
    roles: ENTERPRISE,
    why: "rectification is the enterprise's duty",
  },
  "POST /api/v1/hidden-dangers/{id}/rectify": { roles: ENTERPRISE, why: "as the plan" },
  "POST /api/v1/hidden-dangers/{id}/evaluate": { roles: ENTERPRISE, why: "as the plan" },
  "POST /api/v1/hidden-dangers/{id}/accept": {
    roles: ["enterpriseAdmin", ...OFFICIALS],
    why: "officials accept; the enterprise admin only a general danger (the domain refuses a major one)",
  },
  "POST /api/v1/hidden-dangers/{id}/reject": {
    roles: ["enterpriseAdmin", ...OFFICIALS],
    why: "as accepting",
  },
  "POST /api/v1/hidden-dangers/{id}/close": {
    roles: ["enterpriseAdmin", ...OFFICIALS],
    why: "as accepting",
  },
  "POST /api/v1/hidden-dangers/{id}/evidence": { roles: ENTERPRISE, why: "as the plan" },
  "POST /api/v1/hidden-dangers/{id}/evidence/{evidenceId}/complete": {
    roles: ENTERPRISE,
    why: "as starting the upload",
  },
  "GET /api/v1/hidden-dangers/{id}/evidence/{evidenceId}": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "as the danger",
  },
  "GET /api/v1/hidden-danger-stats": {
    roles: [...KEEPERS, ...OFFICIALS],
    why: "the enterprise's own counts, officials their jurisdiction's",
  },
  // public hidden-danger reports (群众举报) from a card's QR page, moderated before they count
  "POST /api/v1/public/risk-sources/{token}/hidden-dangers": {
    roles: PUBLIC,
    why: "anyone at the posted card reports; the signed, expiring link is the only credential, rate-limited per link and address",
  },
  "GET /api/v1/public-danger-reports": {
    roles: [...ENTERPRISE, ...OFFICIALS],
    why: "officials moderate their jurisdiction's queue; the enterprise sees reports on its sources without the reporter's contact",
  },
  "POST /api/v1/public-danger-reports/{id}/accept": {
    roles: OFFICIALS,
    why: "an official of the source's jurisdiction decides whether a public report counts",
  },
  "POST /api/v1/public-danger-reports/{id}/reject": { roles: OFFICIALS, why: "as accepting" },
  "GET /api/v1/risk-sources/imports/{id}": { roles: ENTERPRISE, why: "as starting one" },
  "POST /api/v1/enterprises/census-imports": {
    roles: ["districtOfficial", "cityAdmin"],
    why: "district officials and the city admin exchange enterprise data with the city's systems",
  },
  "GET /api/v1/enterprises/census-imports/{id}": {
    roles: ["districtOfficial", "cityAdmin"],
    why: "as starting one",
  },
  "POST /api/v1/enterprises/standardization-imports": {
    roles: ["districtOfficial", "cityAdmin"],
    why: "as census imports",
  },
  "GET /api/v1/enterprises/standardization-imports/{id}": {
    roles: ["districtOfficial", "cityAdmin"],
    why: "as starting one",
  },
};

/** What to do when a route has no row: said the same way by every check that meets one. */
export function missingPermission(key: string): string {
  return `${key}: no row in the permission table — add the route to test/matrix/permissions.ts with the roles the product's rules allow`;
}

/** The row of a route key; throws the message above when there is none. */
export function permissionOf(key: string): Permission {
  const permission = PERMISSIONS[key];
  if (!permission) throw new Error(missingPermission(key));
  return permission;
}
