import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import type { IntegratorClient } from "../../../shared/tenancy/integrator-client.ts";
import { demoClients } from "../identity/demo-users.ts";

/**
 * The registrations of the identity provider's static demo clients, so they act for their
 * tenant like any integrator registered through the API. `create`: an existing one is kept.
 */
export function demoIntegratorWrites(store: Store, at: string): (() => Promise<unknown>)[] {
  return demoClients.map((demo) => () => {
    const record: IntegratorClient = {
      ...demo.registration,
      clientId: demo.clientId,
      status: "active",
      createdBy: "seed",
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    return store.entities.integratorClient
      .create({ tenantId: record.tenantId, clientId: record.clientId, version: 1, record })
      .go();
  });
}
