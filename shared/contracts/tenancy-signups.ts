import {
  DecisionInputSchema,
  InvitationAcceptInputSchema,
  PageQuerySchema,
  SignupInputSchema,
} from "../tenancy/requests.ts";
import {
  InvitationAcceptedSchema,
  InvitationViewSchema,
  pageSchema,
  SignupCreatedSchema,
  TenantViewSchema,
} from "../tenancy/views.ts";
import { api, type Contract, problem } from "./route.ts";
import { OFFICIALS, TenantIdParams, TokenParams, tags } from "./tenancy-parts.ts";

/** Sign-up, approval and invitations. */
export const signupContract = {
  signUp: {
    method: "POST",
    path: api("/signups"),
    access: "public",
    summary: "An enterprise signs up (企业注册); pending until its district or industry approves",
    tags,
    request: { body: SignupInputSchema },
    responses: {
      201: { description: "Signed up", schema: SignupCreatedSchema },
      400: problem("Invalid fields, listed"),
      409: problem("Credit code or admin e-mail already registered; nothing written"),
    },
  },
  listSignups: {
    method: "GET",
    path: api("/signups"),
    access: { roles: OFFICIALS },
    summary: "Sign-ups awaiting approval in the caller's jurisdiction (审批队列)",
    tags,
    request: { query: PageQuerySchema },
    responses: { 200: { description: "A page", schema: pageSchema(TenantViewSchema) } },
  },
  decideSignup: {
    method: "POST",
    path: api("/signups/{tenantId}/decision"),
    access: { roles: OFFICIALS },
    summary: "Approve or reject a sign-up in the caller's jurisdiction (If-Match: tenant version)",
    tags,
    request: { params: TenantIdParams, body: DecisionInputSchema, headers: ["If-Match"] },
    responses: {
      200: { description: "Decided; on approval the admin is invited", schema: TenantViewSchema },
      404: problem("No such sign-up within the caller's jurisdiction"),
      409: problem("Already decided"),
      412: problem("Changed since read"),
      428: problem("If-Match missing"),
    },
  },
  showInvitation: {
    method: "GET",
    path: api("/invitations/{token}"),
    access: "public",
    summary: "What an invitation link is for: e-mail, organisation and role",
    tags,
    request: { params: TokenParams },
    responses: {
      200: { description: "The invitation", schema: InvitationViewSchema },
      404: problem("Invalid, used or expired"),
    },
  },
  acceptInvitation: {
    method: "POST",
    path: api("/invitations/{token}/accept"),
    access: "public",
    summary: "Accept an invitation by choosing a password; the login is created (single use)",
    tags,
    request: { params: TokenParams, body: InvitationAcceptInputSchema },
    responses: {
      200: {
        description: "Accepted; sign in with the e-mail and password",
        schema: InvitationAcceptedSchema,
      },
      400: problem("Password not accepted"),
      404: problem("Invalid, used or expired"),
    },
  },
} as const satisfies Contract;
