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
export interface IdentityAdmin {
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

/** The identity provider refused a password (Cognito's pool policy may be stricter than ours). */
export class PasswordRejectedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "PasswordRejectedError";
  }
}
