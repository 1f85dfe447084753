import type { Store } from "../adapters/dynamodb/store.ts";
import { attemptTogether } from "../platform/data/unit-of-work.ts";
import type { ChannelPort } from "./deliver.ts";

/** How long a run holds a digest it is sending; past it, the next run takes it over (a crashed run's). */
export const DIGEST_CLAIM_MS = 2 * 60_000;

/**
 * Sends every digest due by `now` on the given channels (one message each). Each digest is
 * claimed first — moved out of the due range for DIGEST_CLAIM_MS, on the version read — so two
 * runs at once send it once; then sent, then removed on the claimed version. A run that dies
 * after claiming leaves it due again when the claim runs out (never lost); one that dies between
 * sending and removing sends it again then (a duplicate summary, only on a crash). A fold
 * arriving meanwhile refuses the removal, and the next run sends the fuller digest.
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
      const key = { tenantId: digest.tenantId, userId: digest.userId, channel: digest.channel };
      const claimedVersion = digest.version + 1;
      const claim = await attemptTogether(store, [
        {
          action: (tx) =>
            tx.notificationDigest
              .patch(key)
              .set({
                dueAt: new Date(now.getTime() + DIGEST_CLAIM_MS).toISOString(),
                version: claimedVersion,
              })
              .where(({ version }, { eq }) => eq(version, digest.version))
              .commit(),
        },
      ]);
      // Another run claimed it, or a fold changed it: that run, or the next, sends it.
      if (!claim.committed) continue;
      const language = digest.language === "en" ? "en" : "zh";
      await port.sendDigest(
        digest.to,
        language,
        digest.lines,
        digest.total,
        `digest.${digest.userId}.${digest.channel}.${digest.dueAt}`,
      );
      sent += 1;
      await attemptTogether(store, [
        {
          action: (tx) =>
            tx.notificationDigest
              .delete(key)
              .where(({ version }, { eq }) => eq(version, claimedVersion))
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
