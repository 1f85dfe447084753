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

/**
 * Lists several index partitions as one listing: partitions in order (e.g. levels most severe
 * first, then shards), each paged by the index. Pages are full unless the listing ends;
 * `nextCursor` is null on the last page. Each partition is a query the caller's scope
 * produced, so nothing outside the scope is ever read.
 */
export async function walkPartitions<T>(
  partitions: readonly Partition<T>[],
  cursor: string | undefined,
  limit: number,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const hash = fingerprint(partitions);
  let { p, c } = cursor ? decode(cursor, hash) : { p: 0, c: null as string | null };
  const items: T[] = [];
  while (p < partitions.length) {
    const partition = partitions[p] as Partition<T>;
    const resumed = c;
    const page = await partition.read(c, limit - items.length).catch((error: unknown) => {
      // A forged inner cursor points outside the partition: the database refuses it.
      if (resumed !== null && isRefusedInput(error)) throw badCursor();
      throw error;
    });
    items.push(...page.items);
    if (page.cursor === null) {
      p += 1;
      c = null;
    } else {
      c = page.cursor;
    }
    if (items.length >= limit) break;
  }
  return { items, nextCursor: p < partitions.length ? encode(hash, p, c) : null };
}
