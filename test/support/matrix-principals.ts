import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEMO_PASSWORD } from "../../infra/local/identity/demo-users.ts";
import { hashPassword, type StoredLogin } from "../../infra/local/identity/login-store.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import type { Role } from "../../shared/tenancy/roles.ts";
import { OWNERS, type Owner } from "./matrix-owners.ts";
import { type ApiCaller, callerWithToken, signIn } from "./stack-client.ts";

/**
 * How a caller stands to an owner's data, as issue 3 §6 names it (assessors: delegated or not).
 * `none` is a caller whose role has no relation to tenant data at all (anonymous).
 */
export type Relation =
  | "ownTenant"
  | "otherTenant"
  | "inJurisdiction"
  | "outOfJurisdiction"
  | "delegated"
  | "notDelegated";

/** The relations that put an owner's data within the caller's reach. */
export const REACHING: ReadonlySet<Relation> = new Set([
  "ownTenant",
  "inJurisdiction",
  "delegated",
]);

type Login =
  | { kind: "password"; email: string }
  | { kind: "client"; clientId: string; clientSecret: string };

/** One signed-in identity of the matrix: a role, its tenant, and its relation to each owner. */
export interface Principal {
  id: string;
  role: Role;
  tenantId: string;
  login: Login;
  relationTo: (owner: Owner) => Relation;
  /** Integrators: registered with the `write` scope (without it, routes that write answer 403). */
  writes?: boolean;
}

const tenantRelation = (tenantId: string) => (owner: Owner) =>
  owner.tenantId === tenantId ? ("ownTenant" as const) : ("otherTenant" as const);

const jurisdictionRelation = (covers: (owner: Owner) => boolean) => (owner: Owner) =>
  covers(owner) ? ("inJurisdiction" as const) : ("outOfJurisdiction" as const);

/**
 * Logins the demo list lacks (enterprise staff, a street official), written into the local
 * identity provider's login file before the stack starts so they sign in like invited users.
 */
export const EXTRA_LOGINS: readonly Omit<StoredLogin, "passwordHash" | "enabled">[] = [
  {
    userId: "u-matrix-gas-staff",
    email: "staff@gas-station.matrix.test",
    name: "加油站员工",
    tenantId: OWNERS.gas.tenantId,
    role: "enterpriseStaff",
    jurisdiction: "d:110105;i:gas",
  },
  {
    userId: "u-matrix-jianwai-official",
    email: "official@jianwai.matrix.test",
    name: "建外街道监管人员",
    tenantId: "t-street-110105-jianwai",
    role: "streetOfficial",
    jurisdiction: `d:110105/${OWNERS.gas.place.street}`,
  },
];

/** Every role at least once, with both relations to the two owners where the role has two. */
export const PRINCIPALS: readonly Principal[] = [
  {
    id: "gasAdmin",
    role: "enterpriseAdmin",
    tenantId: OWNERS.gas.tenantId,
    login: { kind: "password", email: "admin@gas-station.demo" },
    relationTo: tenantRelation(OWNERS.gas.tenantId),
  },
  {
    id: "mallAdmin",
    role: "enterpriseAdmin",
    tenantId: OWNERS.mall.tenantId,
    login: { kind: "password", email: "admin@mall.demo" },
    relationTo: tenantRelation(OWNERS.mall.tenantId),
  },
  {
    id: "gasStaff",
    role: "enterpriseStaff",
    tenantId: OWNERS.gas.tenantId,
    login: { kind: "password", email: "staff@gas-station.matrix.test" },
    relationTo: tenantRelation(OWNERS.gas.tenantId),
  },
  {
    id: "assessor",
    role: "assessor",
    tenantId: "t-assessment-agency",
    login: { kind: "password", email: "assessor@agency.demo" },
    // The matrix fixtures delegate every gas-station source to the agency, no mall source.
    relationTo: (owner) => (owner.delegatesToAgency ? "delegated" : "notDelegated"),
  },
  {
    id: "jianwaiOfficial",
    role: "streetOfficial",
    tenantId: "t-street-110105-jianwai",
    login: { kind: "password", email: "official@jianwai.matrix.test" },
    relationTo: jurisdictionRelation(
      (o) => o.place.district === "110105" && o.place.street === OWNERS.gas.place.street,
    ),
  },
  {
    id: "chaoyangOfficial",
    role: "districtOfficial",
    tenantId: "t-district-110105",
    login: { kind: "password", email: "official@chaoyang.demo" },
    relationTo: jurisdictionRelation((o) => o.place.district === "110105"),
  },
  {
    id: "haidianOfficial",
    role: "districtOfficial",
    tenantId: "t-district-110108",
    login: { kind: "password", email: "official@haidian.demo" },
    relationTo: jurisdictionRelation((o) => o.place.district === "110108"),
  },
  {
    id: "gasOfficial",
    role: "industryOfficial",
    tenantId: "t-industry-gas",
    login: { kind: "password", email: "official@gas.demo" },
    relationTo: jurisdictionRelation((o) => o.place.industry === "gas"),
  },
  {
    id: "cityAdmin",
    role: "cityAdmin",
    tenantId: "t-city-safety-committee",
    login: { kind: "password", email: "admin@city.demo" },
    relationTo: jurisdictionRelation(() => true),
  },
  {
    id: "integrator",
    role: "integrator",
    tenantId: "t-city-safety-committee",
    login: { kind: "client", clientId: "demo-integrator", clientSecret: "demo-integrator-secret" },
    // The demo client is the city committee's platform: a citywide jurisdiction claim.
    relationTo: jurisdictionRelation(() => true),
  },
  {
    id: "gasSystem",
    role: "integrator",
    tenantId: OWNERS.gas.tenantId,
    login: { kind: "client", clientId: "demo-gas-erp", clientSecret: "demo-gas-erp-secret" },
    // The gas station's own system: its tenant only, and it may write.
    relationTo: tenantRelation(OWNERS.gas.tenantId),
    writes: true,
  },
];

/** Writes the extra logins into `<dataDir>/identity/users.json`; call before starting the stack. */
export async function seedExtraLogins(dataDir: string): Promise<void> {
  const logins: StoredLogin[] = [];
  for (const login of EXTRA_LOGINS) {
    logins.push({ ...login, enabled: true, passwordHash: await hashPassword(DEMO_PASSWORD) });
  }
  await mkdir(join(dataDir, "identity"), { recursive: true });
  await writeFile(join(dataDir, "identity", "users.json"), JSON.stringify(logins), {
    mode: 0o600,
  });
}

async function clientToken(stack: LocalStack, clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: secret,
    }),
  });
  if (res.status !== 200)
    throw new Error(`client_credentials of ${clientId} failed: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Signs every principal in once; the tokens are reused by every case. */
export async function signInAll(stack: LocalStack): Promise<Map<string, ApiCaller>> {
  const entries = await Promise.all(
    PRINCIPALS.map(async (p): Promise<[string, ApiCaller]> => {
      if (p.login.kind === "password") return [p.id, await signIn(stack, p.login.email)];
      const token = await clientToken(stack, p.login.clientId, p.login.clientSecret);
      return [p.id, callerWithToken(stack, token)];
    }),
  );
  return new Map(entries);
}

/** A caller without a token, for public routes and the 401 column. */
export function anonymous(stack: LocalStack): ApiCaller {
  return {
    token: "",
    async call(method, path, options = {}) {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: {
          ...(options.body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // non-JSON answers stay text
      }
      return { status: res.status, headers: res.headers, body };
    },
  };
}
