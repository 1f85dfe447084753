// The parts of oidc-provider 9 (which ships no types) that the local OpenID provider uses.
// Kept narrow on purpose: a wrong shape here fails at start-up in the browser tests, not silently.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }
  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<AccountClaims> | AccountClaims;
  }
  export interface Client {
    clientId: string;
    grantTypeAllowed(type: string): boolean;
  }
  export interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  export interface GrantConstructor {
    new (properties: { clientId: string; accountId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }
  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
  }
  export interface KoaContext {
    host: string;
    oidc: {
      client?: Client;
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
      provider: Provider;
      params?: Record<string, unknown>;
    };
    body: unknown;
    type: string;
    status: number;
  }
  export interface Configuration {
    clients?: Record<string, unknown>[];
    jwks?: { keys: object[] };
    findAccount?: (ctx: KoaContext, sub: string) => Promise<Account | undefined>;
    claims?: Record<string, string[]>;
    scopes?: string[];
    responseTypes?: string[];
    conformIdTokenClaims?: boolean;
    features?: Record<string, Record<string, unknown>>;
    interactions?: { url(ctx: KoaContext, interaction: Interaction): string };
    loadExistingGrant?: (ctx: KoaContext) => Promise<Grant | undefined>;
    issueRefreshToken?: (ctx: KoaContext, client: Client) => Promise<boolean>;
    pkce?: { required(ctx: KoaContext, client: Client): boolean };
    routes?: Record<string, string>;
    ttl?: Record<string, number>;
    cookies?: { keys: string[] };
    renderError?: (ctx: KoaContext, out: Record<string, string>, error: Error) => Promise<void>;
  }
  export type InteractionResult =
    | { login: { accountId: string } }
    | { error: string; error_description?: string };
  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly Grant: GrantConstructor;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
  export default Provider;
}
