import {
  InvitationCreateInputSchema,
  PageQuerySchema,
  TenantCreateInputSchema,
  TenantIdQuerySchema,
  TenantKindQuerySchema,
  TenantPageQuerySchema,
  UserPatchInputSchema,
} from "../tenancy/requests.ts";
import {
  AgencyViewSchema,
  pageSchema,
  TenantViewSchema,
  UserViewSchema,
} from "../tenancy/views.ts";
import { api, type Contract, problem } from "./route.ts";
import { tags, UserIdParams } from "./tenancy-parts.ts";

const MANAGERS = ["enterpriseAdmin", "cityAdmin"] as const;

/** Users of a tenant, and the tenants and agencies the city admin keeps. */
export const userContract = {
  listUsers: {
    method: "GET",
    path: api("/users"),
    access: { roles: MANAGERS },
    summary: "Users of the caller's tenant (the city admin: also of a government or agency tenant)",
    tags,
    request: { query: TenantPageQuerySchema },
    responses: {
      200: {
        description: "A page; phones masked for the city admin",
        schema: pageSchema(UserViewSchema),
      },
      404: problem("No such tenant within reach"),
    },
  },
  inviteUser: {
    method: "POST",
    path: api("/users/invitations"),
    access: { roles: MANAGERS },
    summary: "Invite a user by e-mail, with a role the tenant's kind allows",
    tags,
    request: { body: InvitationCreateInputSchema },
    responses: {
      201: { description: "Invited; the e-mail carries a one-time link", schema: UserViewSchema },
      400: problem("Role or jurisdiction unfit for the tenant"),
      409: problem("E-mail already registered"),
    },
  },
  patchUser: {
    method: "PATCH",
    path: api("/users/{userId}"),
    access: { roles: MANAGERS },
    summary: "Disable, enable or re-role a user (If-Match: user version)",
    tags,
    request: {
      params: UserIdParams,
      query: TenantIdQuerySchema,
      body: UserPatchInputSchema,
      headers: ["If-Match"],
    },
    responses: {
      200: { description: "Changed", schema: UserViewSchema },
      404: problem("No such user within reach"),
      409: problem("Cannot disable or re-role yourself"),
      412: problem("Changed since read"),
      428: problem("If-Match missing"),
    },
  },
  createTenant: {
    method: "POST",
    path: api("/tenants"),
    access: { roles: ["cityAdmin"] },
    summary: "Create a government body or an assessment agency, optionally inviting its first user",
    tags,
    request: { body: TenantCreateInputSchema },
    responses: {
      201: { description: "Created, active", schema: TenantViewSchema },
      400: problem("Jurisdiction or first user invalid"),
    },
  },
  listTenants: {
    method: "GET",
    path: api("/tenants"),
    access: { roles: ["cityAdmin"] },
    summary: "Tenants of one kind",
    tags,
    request: { query: TenantKindQuerySchema },
    responses: { 200: { description: "A page", schema: pageSchema(TenantViewSchema) } },
  },
  listAgencies: {
    method: "GET",
    path: api("/agencies"),
    access: { roles: ["enterpriseAdmin", "enterpriseStaff", "cityAdmin"] },
    summary: "Active assessment agencies (for delegation)",
    tags,
    request: { query: PageQuerySchema },
    responses: { 200: { description: "A page", schema: pageSchema(AgencyViewSchema) } },
  },
} as const satisfies Contract;
