import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import { LOCAL_IDENTITY_USERS_PATH } from "../../functions/adapters/identity/local-identity-protocol.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import type { User } from "../../shared/tenancy/user.ts";

const PASSWORD = "bench-password-0001";

/**
 * An enterprise admin login for a benchmark client: the user record an accepted invitation
 * leaves (the authorizer admits active users only), the login created through the local IdP's
 * admin endpoint, then signed in with the password grant. Answers the ID token.
 */
export async function benchAdminToken(
  stack: LocalStack,
  store: Store,
  who: { userId: string; tenantId: string; email: string; name: string; jurisdiction: string },
): Promise<string> {
  const at = new Date().toISOString();
  const user: User = {
    ...who,
    role: "enterpriseAdmin",
    status: "active",
    activatedAt: at,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await store.entities.user
    .put({ tenantId: user.tenantId, userId: user.userId, version: 1, record: user })
    .go();
  const secret = process.env.CITYRISK_LOCAL_IDP_SECRET ?? "";
  const created = await fetch(`${stack.baseUrl}${LOCAL_IDENTITY_USERS_PATH}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({ ...who, role: user.role, password: PASSWORD }),
  });
  if (created.status !== 200) throw new Error(`login for ${who.email}: ${created.status}`);
  const res = await fetch(`${stack.baseUrl}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "password",
      client_id: "cityrisk-web",
      username: who.email,
      password: PASSWORD,
    }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${who.email}: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
