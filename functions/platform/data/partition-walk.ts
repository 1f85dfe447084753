import * as z from "zod";
import { ValidationError } from "../../../shared/errors.ts";
import { isRefusedInput } from "../../adapters/dynamodb/conditions.ts";

/** One page read from one partition; `cursor` continues that partition, null when it is done. */
export interface PartitionPage<T> {
  items: T[];
  cursor: string | null;
}

/** Reads up to `limit` items of one partition from `cursor` (null = its start). */
export type PartitionReader<T> = (
  cursor: string | null,
  limit: number,
) => Promise<PartitionPage<T>>;

export interface Partition<T> {
  /** Identifies the partition, so a cursor only resumes the listing it came from. */
  id: string;
  read: PartitionReader<T>;
}

const CursorSchema = z.object({
  h: z.string(),
  p: z.number().int().min(0),
  c: z.string().nullable(),
});

function fingerprint(partitions: readonly Partition<unknown>[]): string {
  let hash = 0x811c9dc5;
  for (const { id } of partitions) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x2c, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function badCursor(): ValidationError {
  return new ValidationError({ zh: "分页游标无效", en: "Invalid cursor" }, [
    {
      path: "query.cursor",
      code: "request.invalidCursor",
      message: {
        zh: "游标无效或不属于此查询，请从第一页重新开始",
        en: "The cursor is invalid or belongs to another listing; start from the first page",
      },
    },
  ]);
}

function decode(cursor: string, hash: string): { p: number; c: string | null } {
  try {
    const parsed = CursorSchema.parse(
      JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")),
    );
    if (parsed.h !== hash) throw badCursor();
    return parsed;
  } catch {
    throw badCursor();
  }
}

function encode(hash: string, p: number, c: string | null): string {
  return Buffer.from(JSON.stringify({ h: hash, p, c })).toString("base64url");
}

/** The most partitions read at once when the ones before came back short. */
const MAX_READ_AHEAD = 16;

/**
 * Lists several index partitions as one listing: partitions in order (e.g. levels most severe
 * first, then shards), each paged by the index. Pages are full unless the listing ends;
 * `nextCursor` is null on the last page. Each partition is a query the caller's scope
 * produced, so nothing outside the scope is ever read.
 *
 * A city-wide scope is hundreds of partitions (district × level × shard), most of them empty
 * where the city is sparse; read one after another they took longer than the function's
 * timeout. So each round reads the current partition and, while pages come back short, a
 * growing number of the following ones at once (1, 2, 4 … 16). A partition whose page holds
 * more than the listing still has room for is read again for exactly that room, so the cursor
 * points past the last item taken.
 */
export async function walkPartitions<T>(
  partitions: readonly Partition<T>[],
  cursor: string | undefined,
  limit: number,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const hash = fingerprint(partitions);
  let { p, c } = cursor ? decode(cursor, hash) : { p: 0, c: null as string | null };
  const items: T[] = [];
  const read = (at: number, from: string | null, want: number) => {
    const partition = partitions[at] as Partition<T>;
    return partition.read(from, want).catch((error: unknown) => {
      // A forged inner cursor points outside the partition: the database refuses it.
      if (from !== null && isRefusedInput(error)) throw badCursor();
      throw error;
    });
  };
  let width = 1;
  while (p < partitions.length && items.length < limit) {
    const want = limit - items.length;
    const ahead = Math.min(width, partitions.length - p);
    const pages = await Promise.all(
      Array.from({ length: ahead }, (_, i) => read(p + i, i === 0 ? c : null, want)),
    );
    width = Math.min(width * 2, MAX_READ_AHEAD);
    for (const [i, early] of pages.entries()) {
      const from = i === 0 ? c : null;
      const room = limit - items.length;
      const page = early.items.length > room ? await read(p, from, room) : early;
      items.push(...page.items);
      if (page.cursor === null) {
        p += 1;
        c = null;
      } else {
        c = page.cursor;
      }
      // More in this partition, or the listing is full: the pages read beyond are not used.
      if (page.cursor !== null || items.length >= limit) break;
    }
  }
  return { items, nextCursor: p < partitions.length ? encode(hash, p, c) : null };
}
