import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether } from "../platform/data/unit-of-work.ts";
import type { ChannelPort } from "./deliver.ts";

/**
 * Sends every digest due by `now` on the given channels (one message each), then removes it on
 * the version read. Send-then-remove: a crash in between sends that digest again on the next
 * run (a duplicate summary, never a lost one); a fold arriving meanwhile refuses the removal and
 * the next run sends the fuller digest.
 */
export async function flushDigests(
  store: Store,
  ports: readonly ChannelPort[],
  now: Date,
): Promise<number> {
  const byChannel = new Map(ports.map((p) => [p.channel as string, p]));
  let sent = 0;
  let cursor: string | null = null;
  do {
    const page: { data: Awaited<ReturnType<typeof readPage>>["data"]; cursor: string | null } =
      await readPage(store, now, cursor);
    for (const digest of page.data) {
      const port = byChannel.get(digest.channel);
      if (!port) continue;
      const language = digest.language === "en" ? "en" : "zh";
      await port.sendDigest(
        digest.to,
        language,
        digest.lines,
        digest.total,
        `digest.${digest.userId}.${digest.channel}.${digest.dueAt}`,
      );
      sent += 1;
      const key = { tenantId: digest.tenantId, userId: digest.userId, channel: digest.channel };
      await attemptTogether(store, [
        {
          action: (tx) =>
            tx.notificationDigest
              .delete(key)
              .where(({ version }, { eq }) => eq(version, digest.version))
              .commit(),
        },
      ]);
    }
    cursor = page.cursor;
  } while (cursor);
  return sent;
}

function readPage(store: Store, now: Date, cursor: string | null) {
  return (
    store.entities.notificationDigest.query
      .due({})
      // Due up to and including now (sort keys are `<dueAt>#…`).
      .lte({ dueAt: new Date(now.getTime() + 1).toISOString() })
      .go({ cursor, limit: 100 })
  );
}
