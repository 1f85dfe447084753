import { ulid } from "ulidx";
import { freshUscc } from "../support/matrix-fixtures.ts";
import { OTHER_AGENCY_TENANT_ID } from "../support/matrix-owners.ts";
import { enterpriseFixture } from "../support/registry-fixtures.ts";
import { enc, ownerOf, type RouteCase, type Target } from "./route-case.ts";

/** Matrix cases of the tenancy API (sign-up, users, tenants, delegation, audit, export). */

const open = (request: Target["request"], success = 200): RouteCase => ({
  shape: "open",
  success,
  prepare: async () => ({ request }),
});

const email = (what: string) => `${what}-${ulid().toLowerCase()}@matrix.test`;
const DAY_MS = 24 * 3600 * 1000;

/** Delegation ids carry no tenant: listings name them `<tenantId>~<id>` for the matrix. */
function delegationPage(body: unknown): { ids: string[]; next: string | null } {
  const page = body as { items?: { tenantId: string; id: string }[]; nextCursor?: unknown };
  return {
    ids: (page.items ?? []).map((d) => `${d.tenantId}~${d.id}`),
    next: typeof page.nextCursor === "string" ? page.nextCursor : null,
  };
}

export const tenancyCases: Readonly<Record<string, RouteCase>> = {
  "POST /api/v1/signups": open(() => {
    const place = { district: "110105", street: "建外街道", industry: "gas" } as const;
    const uscc = freshUscc(place.district);
    const {
      tenantId: _t,
      id: _i,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      ...profile
    } = enterpriseFixture("t-signup", place, uscc);
    return {
      path: "/api/v1/signups",
      body: {
        ...profile,
        name: `注册企业 ${uscc}`,
        admin: { name: "申请人", email: email("admin") },
      },
    };
  }, 201),
  "GET /api/v1/signups": {
    shape: "list",
    success: 200,
    prepare: async ({ fx, owner }) => ({
      id: (await fx.pendingSignup(owner)).id,
      request: () => ({ path: "/api/v1/signups?limit=200" }),
    }),
  },
  "POST /api/v1/signups/{tenantId}/decision": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const signup = await fx.pendingSignup(owner);
      return {
        id: signup.id,
        request: (id = signup.id) => ({
          path: `/api/v1/signups/${enc(id)}/decision`,
          body: { decision: "reject", comment: "材料不全" },
          headers: { "if-match": '"1"' },
        }),
        stored: () => fx.storedTenant(signup.id),
      };
    },
  },
  "GET /api/v1/invitations/{token}": {
    shape: "open",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { token } = await fx.invitation(owner);
      return { request: () => ({ path: `/api/v1/invitations/${token}` }) };
    },
  },
  "POST /api/v1/invitations/{token}/accept": {
    shape: "open",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const { token } = await fx.invitation(owner);
      return {
        request: () => ({
          path: `/api/v1/invitations/${token}/accept`,
          body: { password: "matrix-password-1" },
        }),
      };
    },
  },
  // Users of a tenant: an enterprise admin their own; the city admin never an enterprise's.
  "GET /api/v1/users": {
    shape: "item",
    success: 200,
    reaches: (relation) => relation === "ownTenant",
    prepare: async ({ owner }) => ({
      id: owner.tenantId,
      request: (id = owner.tenantId) => ({ path: `/api/v1/users?tenantId=${enc(id)}` }),
    }),
  },
  "POST /api/v1/users/invitations": {
    shape: "self",
    success: 201,
    prepare: async ({ principal }) => ({
      request: () => ({
        path: "/api/v1/users/invitations",
        body:
          principal?.role === "cityAdmin"
            ? { email: email("official"), name: "新监管人员", role: "cityAdmin", jurisdiction: "*" }
            : { email: email("staff"), name: "新员工", role: "enterpriseStaff" },
      }),
    }),
  },
  "PATCH /api/v1/users/{userId}": {
    shape: "item",
    success: 200,
    reaches: (relation) => relation === "ownTenant",
    prepare: async ({ fx, owner }) => {
      const { user } = await fx.invitation(owner);
      return {
        id: user.userId,
        request: (id = user.userId) => ({
          path: `/api/v1/users/${enc(id)}?tenantId=${enc(owner.tenantId)}`,
          body: { status: "disabled" },
          headers: { "if-match": '"1"' },
        }),
        stored: () => fx.storedUser(user),
      };
    },
  },
  "GET /api/v1/integrators": {
    shape: "item",
    success: 200,
    reaches: (relation) => relation === "ownTenant",
    prepare: async ({ owner }) => ({
      id: owner.tenantId,
      request: (id = owner.tenantId) => ({ path: `/api/v1/integrators?tenantId=${enc(id)}` }),
    }),
  },
  "POST /api/v1/integrators": {
    shape: "self",
    success: 201,
    prepare: async () => ({
      request: () => ({
        path: "/api/v1/integrators",
        body: { name: `矩阵对接系统 ${ulid()}`, scopes: ["read"] },
      }),
    }),
  },
  "PATCH /api/v1/integrators/{clientId}": {
    shape: "item",
    success: 200,
    reaches: (relation) => relation === "ownTenant",
    prepare: async ({ fx, owner }) => {
      const client = await fx.integrator(owner);
      return {
        id: client.clientId,
        request: (id = client.clientId) => ({
          path: `/api/v1/integrators/${enc(id)}?tenantId=${enc(owner.tenantId)}`,
          body: { status: "disabled" },
          headers: { "if-match": '"1"' },
        }),
        stored: () => fx.storedIntegrator(client),
      };
    },
  },
  "POST /api/v1/tenants": open(
    () => ({
      path: "/api/v1/tenants",
      body: { kind: "assessmentAgency", name: `矩阵评价公司 ${ulid()}` },
    }),
    201,
  ),
  "GET /api/v1/tenants": open(() => ({ path: "/api/v1/tenants?kind=enterprise" })),
  "GET /api/v1/agencies": open(() => ({ path: "/api/v1/agencies" })),
  "POST /api/v1/delegations": {
    shape: "self",
    success: 201,
    prepare: async ({ fx, principal, owner }) => {
      const own = ownerOf(principal) ?? owner;
      return {
        request: () => ({
          path: "/api/v1/delegations",
          body: {
            // Never the demo agency: its assessor's relation to each owner must stay as seeded.
            agencyTenantId: OTHER_AGENCY_TENANT_ID,
            riskSourceIds: [fx.shared(own).source.id],
            expiresAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
          },
        }),
      };
    },
  },
  "GET /api/v1/delegations": {
    shape: "list",
    success: 200,
    page: delegationPage,
    prepare: async ({ fx, owner }) => {
      const delegation = await fx.delegate(owner, [fx.shared(owner).source.id]);
      return {
        id: `${owner.tenantId}~${delegation.id}`,
        request: () => ({ path: "/api/v1/delegations?limit=200" }),
      };
    },
  },
  "DELETE /api/v1/delegations/{id}": {
    shape: "item",
    success: 200,
    prepare: async ({ fx, owner }) => {
      const delegation = await fx.delegate(owner, [fx.shared(owner).source.id]);
      return {
        id: delegation.id,
        request: (id = delegation.id) => ({
          path: `/api/v1/delegations/${enc(id)}`,
          headers: { "if-match": '"1"' },
        }),
        stored: () => fx.storedDelegation(delegation),
      };
    },
  },
  "GET /api/v1/audit": {
    shape: "item",
    success: 200,
    prepare: async ({ owner }) => ({
      id: owner.tenantId,
      request: (id = owner.tenantId) => ({ path: `/api/v1/audit?tenantId=${enc(id)}` }),
    }),
  },
  "GET /api/v1/export": {
    shape: "self",
    success: 200,
    prepare: async () => ({ request: () => ({ path: "/api/v1/export" }) }),
  },
};
