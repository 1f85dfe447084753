import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Partition, walkPartitions } from "./partition-walk.ts";

/**
 * Partitions over fixed item lists, paged like an index (the cursor is the next offset), some
 * filtering a few items out after the read as the review-due partitions do; reads are counted.
 */
function partitionsOf(sizes: readonly number[], filtered: boolean) {
  let reads = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const partitions: Partition<string>[] = sizes.map((size, p) => ({
    id: `p${p}`,
    read: async (cursor, limit) => {
      reads += 1;
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 0));
      inFlight -= 1;
      const from = cursor === null ? 0 : Number(cursor);
      const to = Math.min(size, from + limit);
      const items = Array.from({ length: to - from }, (_, i) => `${p}:${from + i}`).filter(
        (item) => !filtered || !item.endsWith(":3"),
      );
      return { items, cursor: to < size ? String(to) : null };
    },
  }));
  const all = sizes.flatMap((size, p) =>
    Array.from({ length: size }, (_, i) => `${p}:${i}`).filter(
      (item) => !filtered || !item.endsWith(":3"),
    ),
  );
  return { partitions, all, reads: () => reads, mostInFlight: () => mostInFlight };
}

async function everyPage(partitions: readonly Partition<string>[], limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await walkPartitions(partitions, cursor, limit);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

describe("walkPartitions", () => {
  it("pages through every item once, in partition order, full pages but the last", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        async (sizes, limit, filtered) => {
          const { partitions, all } = partitionsOf(sizes, filtered);
          const pages = await everyPage(partitions, limit);
          expect(pages.flat()).toEqual(all);
          if (!filtered) {
            for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads a sparse city's empty partitions in growing rounds, not one query after another", async () => {
    const sizes = Array.from({ length: 640 }, (_, i) => (i === 600 ? 5 : 0));
    const { partitions, reads, mostInFlight } = partitionsOf(sizes, false);
    const page = await walkPartitions(partitions, undefined, 50);
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).toBeNull();
    expect(reads()).toBe(640);
    expect(mostInFlight()).toBe(16);
  });

  it("reads a dense first partition once", async () => {
    const { partitions, reads, mostInFlight } = partitionsOf([100, 100, 100], false);
    const page = await walkPartitions(partitions, undefined, 50);
    expect(page.items).toHaveLength(50);
    expect(reads()).toBe(1);
    expect(mostInFlight()).toBe(1);
  });
});
