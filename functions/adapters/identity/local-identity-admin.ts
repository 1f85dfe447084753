import type {
  IdentityAdmin,
  LoginSpec,
  MachineClient,
  MachineClientSpec,
} from "./identity-admin.ts";
import {
  LOCAL_IDENTITY_CLIENTS_PATH,
  LOCAL_IDENTITY_USERS_PATH,
  type LocalClientCreate,
  LocalClientCreatedSchema,
  type LocalClientDelete,
  type LocalLoginCreate,
  type LocalLoginPatch,
} from "./local-identity-protocol.ts";

/**
 * Logins and machine clients in the local identity provider, through its admin endpoints on the
 * local gateway.
 */
export class LocalIdentityAdmin implements IdentityAdmin {
  readonly #baseUrl: string;
  readonly #secret: string;

  constructor(baseUrl: string, secret: string) {
    this.#baseUrl = baseUrl.replace(/\/$/, "");
    this.#secret = secret;
  }

  #send(
    path: string,
    method: "POST" | "PATCH" | "DELETE",
    body: LocalLoginCreate | LocalLoginPatch | LocalClientCreate | LocalClientDelete,
  ): Promise<Response> {
    return fetch(`${this.#baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${this.#secret}` },
      body: JSON.stringify(body),
    });
  }

  async #call(method: "POST" | "PATCH", body: LocalLoginCreate | LocalLoginPatch): Promise<void> {
    const response = await this.#send(LOCAL_IDENTITY_USERS_PATH, method, body);
    if (!response.ok) throw await failure(response);
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

  async createMachineClient(spec: MachineClientSpec): Promise<MachineClient> {
    const body: LocalClientCreate = { name: spec.name, scopes: [...spec.scopes] };
    const response = await this.#send(LOCAL_IDENTITY_CLIENTS_PATH, "POST", body);
    if (!response.ok) throw await failure(response);
    return LocalClientCreatedSchema.parse(await response.json());
  }

  async deleteMachineClient(clientId: string): Promise<void> {
    const response = await this.#send(LOCAL_IDENTITY_CLIENTS_PATH, "DELETE", { clientId });
    if (!response.ok && response.status !== 404) throw await failure(response);
    // A client already gone counts as deleted, as ResourceNotFoundException does on Cognito.
    await response.body?.cancel();
  }
}

async function failure(response: Response): Promise<Error> {
  return new Error(`local identity provider answered ${response.status}: ${await response.text()}`);
}
