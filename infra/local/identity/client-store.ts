import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync } from "node:fs";
import { writePrivateFile } from "../private-files.ts";
import { hashPassword, verifyPassword } from "./login-store.ts";

/** A machine client registered through the admin endpoint (an integrator's OAuth client). */
export interface StoredClient {
  clientId: string;
  name: string;
  /** Full OAuth scopes, e.g. `cityrisk-api/read`. */
  scopes: string[];
  /** `scrypt$N$r$p$<salt b64>$<hash b64>`, as login passwords are kept. */
  secretHash: string;
  createdAt: string;
}

/** The id an integrator sees: short, URL-safe, clearly the local provider's (Cognito's are 26 chars). */
function newClientId(): string {
  return `ic-${randomBytes(10).toString("hex")}`;
}

/**
 * The local identity provider's machine clients, persisted as JSON under
 * `<dataDir>/identity/clients.json` so registered integrators keep working across a restart, like
 * Cognito's app clients. The secret is returned once, at creation; only its hash is kept.
 */
export class ClientStore {
  readonly #file: string | undefined;
  readonly #clients = new Map<string, StoredClient>();

  /** Without a file the clients are kept in memory only. */
  constructor(file?: string) {
    this.#file = file;
    if (file && existsSync(file)) {
      chmodSync(file, 0o600);
      for (const client of JSON.parse(readFileSync(file, "utf8")) as StoredClient[]) {
        this.#clients.set(client.clientId, client);
      }
    }
  }

  find(clientId: string): StoredClient | undefined {
    return this.#clients.get(clientId);
  }

  async create(
    spec: Pick<StoredClient, "name" | "scopes">,
  ): Promise<{ clientId: string; clientSecret: string }> {
    const clientId = newClientId();
    // 256 bits, as much as Cognito's generated secrets carry.
    const clientSecret = randomBytes(32).toString("base64url");
    this.#clients.set(clientId, {
      clientId,
      name: spec.name,
      scopes: [...spec.scopes],
      secretHash: await hashPassword(clientSecret),
      createdAt: new Date().toISOString(),
    });
    this.#save();
    return { clientId, clientSecret };
  }

  /** False when there is no client with the id. */
  delete(clientId: string): boolean {
    const found = this.#clients.delete(clientId);
    if (found) this.#save();
    return found;
  }

  /** The client whose secret matches. */
  async authenticate(clientId: string, secret: string): Promise<StoredClient | undefined> {
    const client = this.find(clientId);
    if (!client) return undefined;
    return (await verifyPassword(secret, client.secretHash)) ? client : undefined;
  }

  #save(): void {
    if (!this.#file) return;
    writePrivateFile(this.#file, JSON.stringify([...this.#clients.values()], null, 2));
  }
}
