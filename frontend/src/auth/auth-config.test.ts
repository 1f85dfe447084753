import { UserManager } from "oidc-client-ts";
import { describe, expect, it } from "vitest";
import {
  type AuthConfig,
  isLocalStack,
  signoutParams,
  userManagerSettings,
} from "./auth-config.ts";

const ORIGIN = "https://d111.cloudfront.net";
const cognito: AuthConfig = {
  authority: "https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_abc",
  clientId: "web123",
  signOut: "cognito",
  logoutUrl: "https://cityrisk-prod.auth.cn-north-1.amazoncognito.com/logout",
};
const local: AuthConfig = {
  authority: "http://localhost:3000",
  clientId: "cityrisk-web",
  signOut: "oidc",
};

// The logout URL each provider gets, built by oidc-client-ts itself from our settings.
async function logoutUrl(config: AuthConfig, idToken?: string): Promise<URL> {
  const settings = {
    ...userManagerSettings(config, ORIGIN),
    metadata: {
      issuer: config.authority,
      authorization_endpoint: `${config.authority}/authorize`,
      end_session_endpoint: config.logoutUrl ?? `${config.authority}/oidc/logout`,
    },
  };
  const manager = new UserManager(settings);
  const params = signoutParams(config, idToken, ORIGIN);
  // biome-ignore lint/suspicious/noExplicitAny: the request builder is internal to the library
  const client = (manager as any)._client;
  const request = await client.createSignoutRequest({
    post_logout_redirect_uri: settings.post_logout_redirect_uri,
    ...params,
  });
  return new URL(request.url);
}

describe("sign-out URLs", () => {
  it("sends Cognito's /logout one client_id and the logout_uri", async () => {
    const url = await logoutUrl(cognito);
    expect(`${url.origin}${url.pathname}`).toBe(cognito.logoutUrl);
    expect(url.searchParams.getAll("client_id")).toEqual(["web123"]);
    expect(url.searchParams.get("logout_uri")).toBe(`${ORIGIN}/sign-in`);
    expect(url.searchParams.has("post_logout_redirect_uri")).toBe(false);
  });

  it("sends the local provider RP-initiated logout with the ID token hint", async () => {
    const url = await logoutUrl(local, "id.token.here");
    expect(url.searchParams.get("id_token_hint")).toBe("id.token.here");
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${ORIGIN}/sign-in`);
  });
});

describe("userManagerSettings", () => {
  it("asks for the code flow back on this origin's callback", () => {
    expect(userManagerSettings(cognito, ORIGIN)).toMatchObject({
      response_type: "code",
      redirect_uri: `${ORIGIN}/auth/callback`,
      scope: "openid email profile",
      metadataSeed: { end_session_endpoint: cognito.logoutUrl },
    });
  });
});

describe("isLocalStack", () => {
  it("is true for the local gateway's own provider only, never for Cognito", () => {
    expect(isLocalStack(local)).toBe(true);
    expect(isLocalStack(cognito)).toBe(false);
  });
});
