import { describe, expect, it } from "vitest";
import {
  CardLinkExpiredError,
  CardLinkInvalidError,
  linkExpiryOf,
} from "../../shared/cards/card-link.ts";
import { openCardLink, signCardLink } from "./card-links.ts";

const SECRET = "s".repeat(48);
const NOW = new Date("2026-12-01T00:00:00.000Z");
const DAY = 86_400_000;

describe("card links", () => {
  it("expire a month after the review is due, and never sooner than a month from now", () => {
    expect(linkExpiryOf({ nextReviewAt: "2027-03-01T00:00:00.000Z" }, NOW).toISOString()).toBe(
      "2027-03-31T00:00:00.000Z",
    );
    expect(linkExpiryOf({ nextReviewAt: null }, NOW).getTime()).toBe(NOW.getTime() + 30 * DAY);
    expect(linkExpiryOf({ nextReviewAt: "2026-10-01T00:00:00.000Z" }, NOW).getTime()).toBe(
      NOW.getTime() + 30 * DAY,
    );
  });

  it("open to the source they name until they expire", async () => {
    const token = await signCardLink("t-gas~01A", SECRET, new Date(NOW.getTime() + DAY), NOW);
    await expect(openCardLink(token, SECRET, NOW)).resolves.toBe("t-gas~01A");
    await expect(
      openCardLink(token, SECRET, new Date(NOW.getTime() + 2 * DAY)),
    ).rejects.toBeInstanceOf(CardLinkExpiredError);
  });

  it("refuse another key, a changed payload and anything else", async () => {
    const token = await signCardLink("t-gas~01A", SECRET, new Date(NOW.getTime() + DAY), NOW);
    await expect(openCardLink(token, "k".repeat(48), NOW)).rejects.toBeInstanceOf(
      CardLinkInvalidError,
    );
    const [header, , signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "t-other~01B" })).toString("base64url");
    await expect(
      openCardLink(`${header}.${forged}.${signature}`, SECRET, NOW),
    ).rejects.toBeInstanceOf(CardLinkInvalidError);
    await expect(openCardLink("not-a-token-at-all", SECRET, NOW)).rejects.toBeInstanceOf(
      CardLinkInvalidError,
    );
  });
});
