import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { type Store, storeFor } from "../../../functions/adapters/dynamodb/store.ts";
import { passProgress, runPass } from "../../../functions/passes/pass-runner.ts";
import { reviewDuePlan } from "../../../functions/passes/review-due.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../runners/local-account.ts";
import { seedDemoDelegation } from "./demo-delegation.ts";
import { seedDemoHiddenDangers } from "./demo-hidden-dangers.ts";
import { seedDemoMonitoring } from "./demo-monitoring.ts";
import { seedDemoReadiness } from "./demo-readiness.ts";
import { seedDemoTenants } from "./demo-tenants.ts";
import { describeSeed, seedDemoRegistry } from "./seed-demo-registry.ts";

/**
 * `npm start`'s demo data (issue 4 §9). The demo users' tenants are written before the stack is
 * ready (idempotent, every start, a few dozen items). The Beijing registry — about 26,000 items
 * on the first start only — goes on in the background: DynamoDB Local writes it at a few hundred
 * items a second, far slower than the rest of the start, so the stack is ready meanwhile and the
 * registry's line is printed when it is done. A start stopped midway seeds again next time.
 */
export async function startDemoSeed(
  endpoint: string,
  table: string,
  log: (line: string) => void,
  options: { enterprises?: number } = {},
): Promise<{ registry: Promise<void>; stop(): Promise<void> }> {
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint,
  });
  const store = storeFor(client, table);
  await seedDemoTenants(store, new Date());
  const abort = new AbortController();
  const registry = seedDemoRegistry({
    store,
    client,
    table,
    signal: abort.signal,
    ...(options.enterprises === undefined ? {} : { enterprises: options.enterprises }),
  })
    .then(async (outcome) => {
      log(`✔ Demo data            ${describeSeed(outcome)}`);
      // The gas station's sensors and open warnings in Chaoyang (issue 11), once.
      const delegated = await seedDemoDelegation(store, new Date());
      if (delegated) {
        log(
          `✔ Demo delegation      ${delegated} gas-station sources delegated to the demo assessment agency`,
        );
      }
      const monitoring = await seedDemoMonitoring(store, new Date());
      if (monitoring) {
        log(
          `✔ Demo monitoring      ${monitoring.indicators} indicators with readings, ${monitoring.warnings} open warnings (Chaoyang gas station)`,
        );
      }
      // A few hidden dangers of the gas station and the mall (issue 14), once.
      const dangers = await seedDemoHiddenDangers(store, new Date());
      if (dangers > 0) log(`✔ Demo hidden dangers  ${dangers} (gas station and mall)`);
      // Emergency resources, plans and drills (issue 14), once.
      const resources = await seedDemoReadiness(store, new Date());
      if (resources)
        log(`✔ Demo readiness       ${resources} emergency resources, plans and drills`);
      const overdue = await catchUpReviewDuePass(store, new Date(), abort.signal);
      log(`✔ Review-due pass      today's: ${overdue} sources announced overdue`);
    })
    .then(
      () => undefined,
      (error: unknown) =>
        log(
          abort.signal.aborted
            ? "✘ Demo data            stopped before the end; seeds again on the next start"
            : `✘ Demo data            not seeded: ${(error as Error).message}`,
        ),
    );
  return {
    registry,
    stop: () => {
      abort.abort();
      return registry;
    },
  };
}

/**
 * Today's review-due pass, as the 06:00 schedule would have run it had the stack been up: the
 * seeded city has sources past their review dates, and officials' overdue warnings and their
 * enterprises' coverage ("current") come from that pass. Idempotent and checkpointed: a pass
 * already done today costs one read, a stop midway resumes on the next start.
 */
async function catchUpReviewDuePass(store: Store, now: Date, signal: AbortSignal) {
  const plan = reviewDuePlan(store, now);
  await runPass(
    store,
    {
      ...plan,
      readPage: (segment, cursor) => {
        signal.throwIfAborted();
        return plan.readPage(segment, cursor);
      },
    },
    () => new Date(),
  );
  return (await passProgress(store, plan.id))?.acted ?? 0;
}
