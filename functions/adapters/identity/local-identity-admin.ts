import type { IdentityAdmin, LoginSpec } from "./identity-admin.ts";
import {
  LOCAL_IDENTITY_USERS_PATH,
  type LocalLoginCreate,
  type LocalLoginPatch,
} from "./local-identity-protocol.ts";

/** Logins in the local identity provider, through its admin endpoint on the local gateway. */
export class LocalIdentityAdmin implements IdentityAdmin {
  readonly #url: string;
  readonly #secret: string;

  constructor(baseUrl: string, secret: string) {
    this.#url = `${baseUrl.replace(/\/$/, "")}${LOCAL_IDENTITY_USERS_PATH}`;
    this.#secret = secret;
  }

  async #call(method: "POST" | "PATCH", body: LocalLoginCreate | LocalLoginPatch): Promise<void> {
    const response = await fetch(this.#url, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${this.#secret}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(
        `local identity provider answered ${response.status}: ${await response.text()}`,
      );
    }
  }

  upsertLogin(login: LoginSpec, password: string): Promise<void> {
    return this.#call("POST", { ...login, password });
  }

  setLoginEnabled(email: string, enabled: boolean): Promise<void> {
    return this.#call("PATCH", { email, enabled });
  }

  setLoginClaims(
    email: string,
    claims: Parameters<IdentityAdmin["setLoginClaims"]>[1],
  ): Promise<void> {
    return this.#call("PATCH", { email, role: claims.role, jurisdiction: claims.jurisdiction });
  }
}
