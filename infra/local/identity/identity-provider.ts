import { randomUUID, timingSafeEqual } from "node:crypto";
import { type CryptoKey, importJWK, jwtVerify, SignJWT } from "jose";
import {
  LocalClientCreateSchema,
  LocalClientDeleteSchema,
  LocalLoginCreateSchema,
  LocalLoginPatchSchema,
} from "../../../functions/adapters/identity/local-identity-protocol.ts";
import { CLAIM } from "../../../shared/tenancy/claims.ts";
import { oauthScope } from "../../../shared/tenancy/integrator-client.ts";
import { ClientStore } from "./client-store.ts";
import {
  DEMO_PASSWORD,
  type DemoClient,
  type DemoUser,
  demoClients,
  demoUsers,
  WEB_CLIENT_ID,
} from "./demo-users.ts";
import { LoginStore, type StoredLogin } from "./login-store.ts";
import type { SigningKeys } from "./signing-keys.ts";
import { Throttle } from "./throttle.ts";

export const TOKEN_LIFETIME_SECONDS = 3600;

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
}

export interface OAuthError {
  status: 400 | 401 | 429;
  error:
    | "invalid_request"
    | "invalid_client"
    | "invalid_grant"
    | "invalid_scope"
    | "unsupported_grant_type"
    | "slow_down";
  error_description: string;
  /** With 429: seconds until another attempt is counted (the `Retry-After` header). */
  retryAfterSeconds?: number;
}

/** A password check: the login, a refusal, or a wait imposed by the attempt limits. */
export type PasswordCheck =
  | { ok: true; login: StoredLogin }
  | { ok: false; retryAfterSeconds?: number };

/** The claims a user token is made of: a demo user's or an invited user's login. */
type TokenSubject = Pick<DemoUser, "email" | "userId" | "tenantId" | "role" | "jurisdiction">;

/** A machine client as a token names it: its id and the full OAuth scopes granted. */
export interface ClientSubject {
  clientId: string;
  scopes: readonly string[];
}

export interface AdminReply {
  status: 200 | 400 | 401 | 404 | 405;
  body: Record<string, unknown>;
}

export interface IdentityProviderOptions {
  /** Users created by invitation (persisted under `<dataDir>/identity/users.json`). */
  logins?: LoginStore;
  /** Machine clients created by the admin endpoint (`<dataDir>/identity/clients.json`). */
  clients?: ClientStore;
  /** Bearer secret of the admin endpoint; without it the endpoint refuses every call. */
  adminSecret?: string;
  /**
   * Password attempts allowed per minute, per e-mail and per remote address (default 10 and 60:
   * a test file signs a dozen users in from one address). Both the sign-in page and the
   * scripts' password grant count against them.
   */
  passwordAttemptsPerMinute?: { perUser: number; perAddress: number };
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
    private readonly options: IdentityProviderOptions = {},
  ) {
    this.logins = options.logins ?? new LoginStore();
    this.machineClients = options.clients ?? new ClientStore();
    this.demoLogins = this.seedDemoLogins();
    const limits = options.passwordAttemptsPerMinute ?? { perUser: 10, perAddress: 60 };
    this.attemptsByUser = new Throttle(limits.perUser, 60_000);
    this.attemptsByAddress = new Throttle(limits.perAddress, 60_000);
  }

  private readonly attemptsByUser: Throttle;
  private readonly attemptsByAddress: Throttle;

  /** The demo users the sign-in page offers. */
  get demoUsers(): readonly DemoUser[] {
    return this.users;
  }

  /** An enabled login by its user id (`sub`), once the demo logins are seeded. */
  async findLogin(userId: string): Promise<StoredLogin | undefined> {
    await this.demoLogins;
    const login = this.logins.findByUserId(userId);
    return login?.enabled ? login : undefined;
  }

  /**
   * Checks an e-mail and password for the sign-in page and the password grant alike: counted per
   * e-mail and per address first, then one scrypt run whether or not the e-mail exists.
   */
  async checkPassword(email: string, password: string, address: string): Promise<PasswordCheck> {
    const username = email.trim().toLowerCase();
    const byUser = this.attemptsByUser.take([username]);
    const byAddress = this.attemptsByAddress.take([address]);
    const waits = [byUser, byAddress].flatMap((t) => (t.allowed ? [] : [t.retryAfterSeconds]));
    if (waits.length > 0) return { ok: false, retryAfterSeconds: Math.max(...waits) };
    await this.demoLogins;
    const login = await this.logins.authenticate(username, password);
    return login ? { ok: true, login } : { ok: false };
  }

  /**
   * Demo users are real logins (created once, kept in the login store like invited users'), so
   * disabling one or changing its role reaches the provider exactly as for anyone else.
   */
  private async seedDemoLogins(): Promise<void> {
    for (const user of this.users) {
      if (this.logins.find(user.email)) continue;
      const { email, userId, tenantId, role, jurisdiction } = user;
      await this.logins.upsert(
        { email, userId, tenantId, role, jurisdiction, name: user.label.zh },
        DEMO_PASSWORD,
      );
    }
  }

  private readonly demoLogins: Promise<void>;

  private readonly logins: LoginStore;
  private readonly machineClients: ClientStore;

  jwks(): { keys: object[] } {
    return { keys: [this.keys.publicJwk] };
  }

  private sign(claims: Record<string, unknown>, subject: string): Promise<string> {
    // Cognito gives every token its own id (`jti`): two sign-ins within a second differ, as on AWS.
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: this.keys.kid, typ: "JWT" })
      .setIssuer(this.issuer)
      .setSubject(subject)
      .setJti(randomUUID())
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.keys.privateKey);
  }

  /** Issues a token for a demo user as Cognito issues an ID token: `aud` is the app client. */
  tokenForUser(user: TokenSubject): Promise<string> {
    return this.sign(
      {
        aud: WEB_CLIENT_ID,
        token_use: "id",
        email: user.email,
        "cognito:groups": [user.role],
        // As the pool's custom attribute does on AWS, where `sub` is Cognito's own id.
        [CLAIM.userId]: user.userId,
        [CLAIM.tenantId]: user.tenantId,
        [CLAIM.role]: user.role,
        [CLAIM.jurisdiction]: user.jurisdiction,
      },
      user.userId,
    );
  }

  /**
   * Machine token as Cognito's client-credentials access token: `client_id`, `scope`, `sub` the
   * client id, no `aud` and no tenancy claims — the API's authorizer reads those from the
   * integrator registry, so a token cannot outlive a client's disabling or re-scoping.
   */
  tokenForClient(client: ClientSubject): Promise<string> {
    return this.sign(
      { client_id: client.clientId, token_use: "access", scope: client.scopes.join(" ") },
      client.clientId,
    );
  }

  /** The client and the OAuth scopes it may ask for, when the secret matches. */
  private async authenticateClient(id: string, secret: string): Promise<ClientSubject | undefined> {
    const demo = this.clients.find((c) => c.clientId === id);
    if (demo) {
      return same(secret, demo.clientSecret)
        ? { clientId: demo.clientId, scopes: demo.registration.scopes.map(oauthScope) }
        : undefined;
    }
    return this.machineClients.authenticate(id, secret);
  }

  /**
   * Handles a form-encoded `POST /oauth2/token` body: client credentials for integrators (RFC 6749
   * §4.4, as Cognito's token endpoint), and — local only, for scripts and API tests — the password
   * grant (§4.3) for demo and invited users with `client_id=cityrisk-web`. Cognito offers no
   * password grant and the web app never uses it: it signs in by authorization code with PKCE.
   */
  async token(
    form: URLSearchParams,
    authorization?: string,
    remoteAddress = "unknown",
  ): Promise<TokenResponse | OAuthError> {
    const grant = form.get("grant_type");
    if (grant === "password") {
      if (form.get("client_id") !== WEB_CLIENT_ID) {
        return { status: 401, error: "invalid_client", error_description: "unknown client_id" };
      }
      const checked = await this.checkPassword(
        form.get("username") ?? "",
        form.get("password") ?? "",
        remoteAddress,
      );
      if (!checked.ok && checked.retryAfterSeconds !== undefined) {
        return {
          status: 429,
          error: "slow_down",
          error_description: "尝试次数过多，请稍后再试 / too many attempts, try again later",
          retryAfterSeconds: checked.retryAfterSeconds,
        };
      }
      if (!checked.ok) {
        return {
          status: 400,
          error: "invalid_grant",
          error_description: "用户名或密码错误 / wrong username or password",
        };
      }
      return {
        access_token: await this.tokenForUser(checked.login),
        token_type: "Bearer",
        expires_in: TOKEN_LIFETIME_SECONDS,
      };
    }
    if (grant === "client_credentials") {
      const [id, secret] = basicCredentials(authorization) ?? [
        form.get("client_id") ?? "",
        form.get("client_secret") ?? "",
      ];
      const client = await this.authenticateClient(id, secret);
      if (!client) {
        return {
          status: 401,
          error: "invalid_client",
          error_description: "client authentication failed",
        };
      }
      // RFC 6749 §3.3: a `scope` parameter narrows the grant to the scopes named; without one,
      // the client gets every scope it is allowed, as Cognito does.
      const requested = (form.get("scope") ?? "").split(" ").filter((s) => s.length > 0);
      const unknown = requested.filter((s) => !client.scopes.includes(s));
      if (unknown.length > 0) {
        return {
          status: 400,
          error: "invalid_scope",
          error_description: `scope not allowed for this client: ${unknown.join(" ")}`,
        };
      }
      const scopes = requested.length > 0 ? [...new Set(requested)] : client.scopes;
      return {
        access_token: await this.tokenForClient({ clientId: client.clientId, scopes }),
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

  /**
   * The admin endpoint the tenancy API's local identity adapter calls (what Cognito's
   * AdminCreateUser, AdminSetUserPassword, AdminDisableUser... do on AWS): `POST` creates or
   * resets a login, `PATCH` changes its status or claims.
   */
  async admin(
    method: string,
    authorization: string | undefined,
    body: string,
  ): Promise<AdminReply> {
    const request = this.adminRequest(authorization, body);
    if ("status" in request) return request;
    await this.demoLogins;
    const { json } = request;
    if (method === "POST") {
      const parsed = LocalLoginCreateSchema.safeParse(json);
      if (!parsed.success) return { status: 400, body: { message: parsed.error.message } };
      const { password, ...login } = parsed.data;
      if (this.users.some((u) => u.email === login.email.toLowerCase())) {
        return { status: 400, body: { message: "a demo user has this e-mail" } };
      }
      await this.logins.upsert(login, password);
      return { status: 200, body: { email: login.email.toLowerCase() } };
    }
    if (method === "PATCH") {
      const parsed = LocalLoginPatchSchema.safeParse(json);
      if (!parsed.success) return { status: 400, body: { message: parsed.error.message } };
      const { email, ...change } = parsed.data;
      const found = this.logins.update(email, change);
      return found
        ? { status: 200, body: { email: email.toLowerCase() } }
        : { status: 404, body: { message: "no such login" } };
    }
    return { status: 405, body: { message: `${method} not allowed` } };
  }

  /**
   * The machine-client admin endpoint (what Cognito's CreateUserPoolClient and
   * DeleteUserPoolClient do on AWS): `POST` creates a client for the client-credentials grant and
   * answers its secret, once; `DELETE` removes one, so its secret no longer buys a token.
   */
  async adminClients(
    method: string,
    authorization: string | undefined,
    body: string,
  ): Promise<AdminReply> {
    const request = this.adminRequest(authorization, body);
    if ("status" in request) return request;
    const { json } = request;
    if (method === "POST") {
      const parsed = LocalClientCreateSchema.safeParse(json);
      if (!parsed.success) return { status: 400, body: { message: parsed.error.message } };
      const created = await this.machineClients.create(parsed.data);
      return { status: 200, body: { ...created } };
    }
    if (method === "DELETE") {
      const parsed = LocalClientDeleteSchema.safeParse(json);
      if (!parsed.success) return { status: 400, body: { message: parsed.error.message } };
      const { clientId } = parsed.data;
      if (this.clients.some((c) => c.clientId === clientId)) {
        return { status: 400, body: { message: "demo clients cannot be deleted" } };
      }
      return this.machineClients.delete(clientId)
        ? { status: 200, body: { clientId } }
        : { status: 404, body: { message: "no such client" } };
    }
    return { status: 405, body: { message: `${method} not allowed` } };
  }

  /**
   * Whether `authorization` bears a live ID token of the web client for a city admin whose login
   * is enabled: the gateway's test for the mail capture and other `/local/*` pages of the web app.
   */
  async isSignedInCityAdmin(authorization: string | undefined): Promise<boolean> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
    if (!token) return false;
    try {
      this.publicKey ??= (await importJWK(this.keys.publicJwk, "RS256")) as CryptoKey;
      const { payload } = await jwtVerify(token, this.publicKey, {
        algorithms: ["RS256"],
        issuer: this.issuer,
        audience: WEB_CLIENT_ID,
      });
      if (payload.token_use !== "id" || payload[CLAIM.role] !== "cityAdmin") return false;
      const email = typeof payload.email === "string" ? payload.email : "";
      return this.users.some((u) => u.email === email) || this.logins.find(email)?.enabled === true;
    } catch {
      return false;
    }
  }

  private publicKey: CryptoKey | undefined;

  /** Both admin endpoints: the local admin secret as a bearer, then a JSON body. */
  private adminRequest(
    authorization: string | undefined,
    body: string,
  ): { json: unknown } | AdminReply {
    const secret = this.options.adminSecret;
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
    if (!secret || !bearer || !same(bearer, secret)) {
      return { status: 401, body: { message: "admin secret required" } };
    }
    try {
      return { json: JSON.parse(body) as unknown };
    } catch {
      return { status: 400, body: { message: "body is not JSON" } };
    }
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
