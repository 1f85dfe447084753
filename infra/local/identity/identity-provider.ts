import { timingSafeEqual } from "node:crypto";
import { SignJWT } from "jose";
import { CLAIM } from "../../../shared/tenancy/claims.ts";
import {
  DEMO_PASSWORD,
  type DemoClient,
  type DemoUser,
  demoClients,
  demoUsers,
  WEB_CLIENT_ID,
} from "./demo-users.ts";
import type { SigningKeys } from "./signing-keys.ts";

export const TOKEN_LIFETIME_SECONDS = 3600;

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
}

export interface OAuthError {
  status: 400 | 401;
  error: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";
  error_description: string;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The local stand-in for the Cognito user pool's token endpoint: same claims, same signing
 * algorithm, so the gateway verifies exactly what API Gateway's JWT authorizer would.
 */
export class LocalIdentityProvider {
  constructor(
    private readonly keys: SigningKeys,
    readonly issuer: string,
    private readonly users: readonly DemoUser[] = demoUsers,
    private readonly clients: readonly DemoClient[] = demoClients,
  ) {}

  get audiences(): string[] {
    return [WEB_CLIENT_ID, ...this.clients.map((c) => c.clientId)];
  }

  jwks(): { keys: object[] } {
    return { keys: [this.keys.publicJwk] };
  }

  private sign(claims: Record<string, unknown>, subject: string): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: this.keys.kid, typ: "JWT" })
      .setIssuer(this.issuer)
      .setSubject(subject)
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.keys.privateKey);
  }

  /** Issues a token for a demo user as Cognito issues an ID token: `aud` is the app client. */
  tokenForUser(user: DemoUser): Promise<string> {
    return this.sign(
      {
        aud: WEB_CLIENT_ID,
        token_use: "id",
        email: user.email,
        "cognito:groups": [user.role],
        [CLAIM.tenantId]: user.tenantId,
        [CLAIM.role]: user.role,
        [CLAIM.jurisdiction]: user.jurisdiction,
      },
      user.userId,
    );
  }

  /** Machine token as Cognito's client-credentials access token: no `aud`, a `client_id`. */
  tokenForClient(client: DemoClient): Promise<string> {
    return this.sign(
      {
        client_id: client.clientId,
        token_use: "access",
        scope: client.scopes.join(" "),
        [CLAIM.tenantId]: client.tenantId,
        [CLAIM.role]: "integrator",
        [CLAIM.jurisdiction]: "",
      },
      client.clientId,
    );
  }

  /** Handles a form-encoded `POST /oauth2/token` body (RFC 6749 §4.3 and §4.4). */
  async token(form: URLSearchParams, authorization?: string): Promise<TokenResponse | OAuthError> {
    const grant = form.get("grant_type");
    if (grant === "password") {
      if (form.get("client_id") !== WEB_CLIENT_ID) {
        return { status: 401, error: "invalid_client", error_description: "unknown client_id" };
      }
      const user = this.users.find((u) => u.email === form.get("username")?.trim().toLowerCase());
      if (!user || !same(form.get("password") ?? "", DEMO_PASSWORD)) {
        return {
          status: 400,
          error: "invalid_grant",
          error_description: "用户名或密码错误 / wrong username or password",
        };
      }
      return {
        access_token: await this.tokenForUser(user),
        token_type: "Bearer",
        expires_in: TOKEN_LIFETIME_SECONDS,
      };
    }
    if (grant === "client_credentials") {
      const [id, secret] = basicCredentials(authorization) ?? [
        form.get("client_id") ?? "",
        form.get("client_secret") ?? "",
      ];
      const client = this.clients.find((c) => c.clientId === id);
      if (!client || !same(secret, client.clientSecret)) {
        return {
          status: 401,
          error: "invalid_client",
          error_description: "client authentication failed",
        };
      }
      return {
        access_token: await this.tokenForClient(client),
        token_type: "Bearer",
        expires_in: TOKEN_LIFETIME_SECONDS,
      };
    }
    return {
      status: 400,
      error: "unsupported_grant_type",
      error_description: `grant_type ${grant ?? "(missing)"} is not supported`,
    };
  }
}

function basicCredentials(header: string | undefined): [string, string] | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0
    ? undefined
    : [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
}
