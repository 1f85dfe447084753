import * as z from "zod";
import {
  IntegratorCreatedSchema,
  IntegratorCreateInputSchema,
  IntegratorPatchInputSchema,
  IntegratorViewSchema,
} from "../tenancy/integrator-client.ts";
import { TenantIdQuerySchema, TenantPageQuerySchema } from "../tenancy/requests.ts";
import { pageSchema } from "../tenancy/views.ts";
import { api, type Contract, problem } from "./route.ts";
import { tags } from "./tenancy-parts.ts";

const MANAGERS = ["enterpriseAdmin", "cityAdmin"] as const;
const ClientIdParams = z.strictObject({ clientId: z.string().min(1).max(128) });

/** Integrator clients (client_credentials) of a tenant. */
export const integratorContract = {
  listIntegrators: {
    method: "GET",
    path: api("/integrators"),
    access: { roles: MANAGERS },
    summary:
      "Integrators (OAuth2 client-credentials clients) of the caller's tenant or, for the city admin, of a government body",
    tags,
    request: { query: TenantPageQuerySchema },
    responses: {
      200: { description: "A page", schema: pageSchema(IntegratorViewSchema) },
      404: problem("No such tenant within reach"),
    },
  },
  registerIntegrator: {
    method: "POST",
    path: api("/integrators"),
    access: { roles: MANAGERS },
    summary: "Register an integrator: creates its client and answers the secret, once",
    tags,
    request: { body: IntegratorCreateInputSchema, headers: ["Idempotency-Key"] },
    responses: {
      201: {
        description: "Registered; the answer carries the client secret and the token URL",
        schema: IntegratorCreatedSchema,
      },
      400: problem("Jurisdiction or tenant unfit for an integrator"),
      404: problem("No such tenant within reach"),
    },
  },
  patchIntegrator: {
    method: "PATCH",
    path: api("/integrators/{clientId}"),
    access: { roles: MANAGERS },
    summary: "Rename, disable or re-enable an integrator (If-Match: its version)",
    tags,
    request: {
      params: ClientIdParams,
      query: TenantIdQuerySchema,
      body: IntegratorPatchInputSchema,
      headers: ["If-Match"],
    },
    responses: {
      200: { description: "Changed", schema: IntegratorViewSchema },
      404: problem("No such integrator within reach"),
      412: problem("Changed since read"),
      428: problem("If-Match missing"),
    },
  },
} as const satisfies Contract;
