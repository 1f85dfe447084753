import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import Provider, { type Configuration, type KoaContext } from "oidc-provider";
import { CLAIM } from "../../../../shared/tenancy/claims.ts";
import { WEB_CLIENT_ID } from "../demo-users.ts";
import { type LocalIdentityProvider, TOKEN_LIFETIME_SECONDS } from "../identity-provider.ts";
import type { StoredLogin } from "../login-store.ts";
import type { SigningKeys } from "../signing-keys.ts";
import { pageLanguage, signInPage } from "./sign-in-page.ts";

/** Where the web app receives the authorization response and returns after signing out. */
export const WEB_CALLBACK_PATH = "/auth/callback";
export const WEB_SIGNED_OUT_PATH = "/sign-in";

/**
 * The provider's endpoints. Authorization, user info and JWKS sit where Cognito has them; the
 * code exchange lives at `/oidc/token` because `/oauth2/token` keeps the integrators' client
 * credentials and the scripts' local-only password grant (identity-provider.ts).
 */
const ROUTES = {
  authorization: "/oauth2/authorize",
  token: "/oidc/token",
  userinfo: "/oauth2/userInfo",
  jwks: "/.well-known/jwks.json",
  end_session: "/oidc/logout",
  revocation: "/oauth2/revoke",
} as const;
const INTERACTION_PREFIX = "/oidc/interaction/";
const SCOPES = ["openid", "email", "profile"];

/** The ID token's claims: exactly those the password grant's token and Cognito's carry. */
function idTokenClaims(login: StoredLogin) {
  return {
    sub: login.userId,
    token_use: "id",
    email: login.email,
    "cognito:groups": [login.role],
    [CLAIM.userId]: login.userId,
    [CLAIM.tenantId]: login.tenantId,
    [CLAIM.role]: login.role,
    [CLAIM.jurisdiction]: login.jurisdiction,
  };
}

export interface LocalOidcOptions {
  issuer: string;
  /** Origins the web app is served from (the gateway's, other accepted hosts, Vite's dev server). */
  webOrigins: readonly string[];
  keys: SigningKeys;
  identity: LocalIdentityProvider;
  log?: (line: string) => void;
}

/**
 * The local OpenID provider (`oidc-provider`, a certified implementation): authorization code
 * with PKCE for the public web client, on the gateway's origin, signing with the same key and
 * the same claims as the password grant, so the API's authorizer sees what Cognito would issue.
 */
export class LocalOidc {
  readonly #provider: Provider;
  readonly #callback: (req: IncomingMessage, res: ServerResponse) => void;
  readonly #identity: LocalIdentityProvider;

  constructor(options: LocalOidcOptions) {
    this.#identity = options.identity;
    const identity = options.identity;
    const configuration: Configuration = {
      clients: [
        {
          client_id: WEB_CLIENT_ID,
          client_name: "城市安全风险云 CityRisk",
          application_type: "web",
          token_endpoint_auth_method: "none",
          grant_types: ["authorization_code", "refresh_token"],
          response_types: ["code"],
          redirect_uris: options.webOrigins.map((o) => `${o}${WEB_CALLBACK_PATH}`),
          post_logout_redirect_uris: options.webOrigins.map((o) => `${o}${WEB_SIGNED_OUT_PATH}`),
        },
      ],
      jwks: { keys: [{ ...options.keys.privateJwk, use: "sig" }] },
      async findAccount(_ctx, sub) {
        const login = await identity.findLogin(sub);
        return login && { accountId: sub, claims: () => idTokenClaims(login) };
      },
      // Everything under `openid` (always granted) so the ID token carries it whatever the scope.
      claims: {
        openid: ["sub", "token_use", "cognito:groups", ...Object.values(CLAIM)],
        email: ["email"],
        profile: [],
      },
      scopes: SCOPES,
      responseTypes: ["code"],
      // Cognito puts the user's attributes in the ID token of the code flow too.
      conformIdTokenClaims: false,
      features: {
        devInteractions: { enabled: false },
        revocation: { enabled: true },
        userinfo: { enabled: true },
        rpInitiatedLogout: { enabled: true, logoutSource: autoSubmitLogout },
      },
      interactions: { url: (_ctx, interaction) => `${INTERACTION_PREFIX}${interaction.uid}` },
      // First-party client: no consent screen, the grant is made on sign-in.
      async loadExistingGrant(ctx) {
        const { client, session, result, provider } = ctx.oidc;
        const accountId = session?.accountId;
        if (!client || !accountId) return undefined;
        const grantId = result?.consent?.grantId ?? session?.grantIdFor(client.clientId);
        if (grantId) return provider.Grant.find(grantId);
        const grant = new provider.Grant({ clientId: client.clientId, accountId });
        grant.addOIDCScope(SCOPES.join(" "));
        await grant.save();
        return grant;
      },
      // Refresh tokens (ending with the provider session) renew the ID token, as Cognito's do.
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
      pkce: { required: () => true },
      routes: { ...ROUTES },
      ttl: {
        IdToken: TOKEN_LIFETIME_SECONDS,
        AccessToken: TOKEN_LIFETIME_SECONDS,
        AuthorizationCode: 60,
        RefreshToken: 8 * 3600,
        Interaction: 3600,
        Session: 8 * 3600,
        Grant: 8 * 3600,
      },
      // Sessions live in memory: a restart signs browsers out of the provider, not of the app.
      cookies: { keys: [randomBytes(32).toString("base64url")] },
    };
    this.#provider = new Provider(options.issuer, configuration);
    this.#provider.on("server_error", (_ctx, error) =>
      options.log?.(`[oidc] ${(error as Error).stack ?? String(error)}`),
    );
    this.#callback = this.#provider.callback();
  }

  /** Whether a request path is the provider's (its endpoints, discovery, the sign-in page). */
  handles(pathname: string): boolean {
    return (
      // The JWKS stays the gateway's (the identity provider's one key): the same document.
      (Object.values(ROUTES).some((r) => r === pathname) && pathname !== ROUTES.jwks) ||
      pathname === "/.well-known/openid-configuration" ||
      // Resumed authorizations (`/oauth2/authorize/<uid>`), logout confirmation and success.
      [ROUTES.authorization, ROUTES.end_session, INTERACTION_PREFIX.slice(0, -1)].some((r) =>
        pathname.startsWith(`${r}/`),
      )
    );
  }

  async handle(req: IncomingMessage, res: ServerResponse, remoteAddress: string): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname.startsWith(INTERACTION_PREFIX)) {
      await this.#interaction(req, res, url, remoteAddress);
      return;
    }
    this.#callback(req, res);
  }

  /** `GET /oidc/interaction/:uid` shows the sign-in page; `POST …/login` checks the password. */
  async #interaction(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    remoteAddress: string,
  ): Promise<void> {
    const [uid = "", action] = url.pathname.slice(INTERACTION_PREFIX.length).split("/");
    let details: Awaited<ReturnType<Provider["interactionDetails"]>>;
    try {
      details = await this.#provider.interactionDetails(req, res);
    } catch {
      // Expired or foreign interaction: start again from the web app.
      return send(res, 303, "", { location: "/" });
    }
    if (details.uid !== uid) return send(res, 400, "interaction mismatch");
    const language = url.searchParams.has("lang")
      ? pageLanguage(url.searchParams.get("lang"))
      : pageLanguage(details.params.ui_locales);
    const page = (input: Partial<Parameters<typeof signInPage>[0]>, status = 200) =>
      send(res, status, signInPage({ uid, language, users: this.#identity.demoUsers, ...input }), {
        "content-type": "text/html; charset=utf-8",
      });
    const loginHint =
      typeof details.params.login_hint === "string" ? details.params.login_hint : "";
    if (req.method === "GET" && action === undefined) return page({ email: loginHint });
    if (req.method !== "POST" || action !== "login") return send(res, 405, "method not allowed");

    const form = new URLSearchParams((await readSmallBody(req)) ?? "");
    const email = form.get("email") ?? "";
    const checked = await this.#identity.checkPassword(
      email,
      form.get("password") ?? "",
      remoteAddress,
    );
    if (checked.ok) {
      await this.#provider.interactionFinished(
        req,
        res,
        { login: { accountId: checked.login.userId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (checked.retryAfterSeconds !== undefined) {
      res.setHeader("retry-after", String(checked.retryAfterSeconds));
      return page(
        { email, failure: { kind: "throttled", retryAfterSeconds: checked.retryAfterSeconds } },
        429,
      );
    }
    return page({ email, failure: { kind: "invalid" } }, 400);
  }
}

/** The sign-out confirmation, submitted at once: the web app's own button was the question. */
async function autoSubmitLogout(ctx: KoaContext, form: string): Promise<void> {
  const confirmed = form.replace(
    "</form>",
    '<input type="hidden" name="logout" value="yes"></form>',
  );
  ctx.type = "html";
  ctx.body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>退出登录 / Signing out</title></head>
<body>${confirmed}<noscript><button type="submit" form="op.logoutForm">退出登录 / Sign out</button></noscript>
<script>document.getElementById("op.logoutForm").submit()</script></body></html>`;
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "cache-control": "no-store", ...headers });
  res.end(body);
}

function readSmallBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
      if (text.length > 16 * 1024) req.destroy();
    });
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}
