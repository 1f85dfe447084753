import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, readFileSync } from "node:fs";
import type { Role } from "../../../shared/tenancy/roles.ts";
import { writePrivateFile } from "../private-files.ts";

/** A login created through the admin endpoint (invited users), with its claims. */
export interface StoredLogin {
  userId: string;
  email: string;
  name: string;
  tenantId: string;
  role: Role;
  jurisdiction: string;
  enabled: boolean;
  /** `scrypt$N$r$p$<salt b64>$<hash b64>` */
  passwordHash: string;
}

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s per hash; the local stack
// trades that down to N=2^14 so sign-in stays instant. Parameters are stored with each hash.
const COST = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), hash.toString("base64")].join(
    "$",
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The local identity provider's own users, persisted as JSON under `<dataDir>/identity/users.json`
 * so accepted invitations survive a restart, like Cognito's user pool. Keyed by lower-case e-mail.
 */
export class LoginStore {
  readonly #file: string | undefined;
  readonly #logins = new Map<string, StoredLogin>();

  /** Without a file the logins are kept in memory only. */
  constructor(file?: string) {
    this.#file = file;
    if (file && existsSync(file)) {
      chmodSync(file, 0o600);
      for (const login of JSON.parse(readFileSync(file, "utf8")) as StoredLogin[]) {
        this.#logins.set(login.email.toLowerCase(), login);
      }
    }
  }

  find(email: string): StoredLogin | undefined {
    return this.#logins.get(email.trim().toLowerCase());
  }

  /** The login whose tokens carry `sub` = `userId` (the OpenID provider's account id). */
  findByUserId(userId: string): StoredLogin | undefined {
    for (const login of this.#logins.values()) if (login.userId === userId) return login;
    return undefined;
  }

  /** Creates the login or replaces its password and claims, enabling it. */
  async upsert(login: Omit<StoredLogin, "passwordHash" | "enabled">, password: string) {
    const email = login.email.trim().toLowerCase();
    this.#logins.set(email, {
      ...login,
      email,
      enabled: true,
      passwordHash: await hashPassword(password),
    });
    this.#save();
  }

  /** Changes an existing login; false when there is none for the e-mail. */
  update(email: string, change: Partial<Pick<StoredLogin, "enabled" | "role" | "jurisdiction">>) {
    const login = this.find(email);
    if (!login) return false;
    Object.assign(login, change);
    this.#save();
    return true;
  }

  /**
   * The login whose password matches, if it is enabled. An unknown or disabled e-mail costs the
   * same scrypt run as a known one (against a hash of nothing), so timing does not tell who exists.
   */
  async authenticate(email: string, password: string): Promise<StoredLogin | undefined> {
    const login = this.find(email);
    const usable = login?.enabled === true;
    this.#dummyHash ??= hashPassword(randomBytes(16).toString("base64"));
    const hash = usable ? login.passwordHash : await this.#dummyHash;
    const matches = await verifyPassword(password, hash);
    return usable && matches ? login : undefined;
  }

  #dummyHash: Promise<string> | undefined;

  #save(): void {
    if (!this.#file) return;
    writePrivateFile(this.#file, JSON.stringify([...this.#logins.values()], null, 2));
  }
}
