import type { Role } from "../../../shared/tenancy/roles.ts";

/** A user's sign-in as the identity provider keeps it, with the claims its tokens carry. */
export interface LoginSpec {
  /** The product's user id (the local provider's `sub`; Cognito generates its own). */
  userId: string;
  email: string;
  name: string;
  tenantId: string;
  role: Role;
  /** Token form (shared/tenancy/claims.ts); empty for enterprise roles and assessors. */
  jurisdiction: string;
}

/**
 * The identity port: Cognito's admin API on AWS, the local identity provider's admin endpoint
 * on one machine. The product's user records stay in DynamoDB; only sign-ins live here.
 */
export interface IdentityAdmin extends MachineClientAdmin {
  /** Creates the login with a permanent password, or resets an existing one's password and claims. */
  upsertLogin(login: LoginSpec, password: string): Promise<void>;
  /** Disabled logins cannot sign in (tokens already issued run out within their lifetime). */
  setLoginEnabled(email: string, enabled: boolean): Promise<void>;
  /** Changes the role and jurisdiction claims (and the role group on Cognito). */
  setLoginClaims(
    email: string,
    claims: { role: Role; jurisdiction: string; previousRole: Role },
  ): Promise<void>;
}

/** A confidential OAuth2 client allowed the client-credentials grant only. */
export interface MachineClientSpec {
  /** Shown in the identity provider's console. */
  name: string;
  /** Full OAuth scopes, e.g. `cityrisk-api/read` (shared/tenancy/integrator-client.ts). */
  scopes: readonly string[];
}

export interface MachineClient {
  clientId: string;
  /** Shown once to whoever registers the client; the provider keeps only what verifies it. */
  clientSecret: string;
}

/** The machine-client half of the identity port: integrators' OAuth2 clients. */
export interface MachineClientAdmin {
  createMachineClient(spec: MachineClientSpec): Promise<MachineClient>;
  /** Removes the client; tokens already issued run out within their lifetime. Absent: no error. */
  deleteMachineClient(clientId: string): Promise<void>;
}

/** The identity provider refused a password (Cognito's pool policy may be stricter than ours). */
export class PasswordRejectedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "PasswordRejectedError";
  }
}
