import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { signCardLink } from "../../../functions/cards/card-links.ts";
import { config, setting } from "../../../functions/platform/config.ts";
import { LEC_DEFAULT } from "../../../shared/methodology/profiles/lec-default.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import { cardLinkToken } from "../../support/card-fixtures.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// The risk notification card through the local gateway: drawn once per source version and
// grade, served by presigned link, scoped like the source; its QR link opens the public fields
// and nothing personal, and stops working when it expires.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MALL = { district: "110108", street: "中关村街道", industry: "commerce" } as const;
const GAS_TENANT = "t-gas-station-chaoyang";

interface CardAnswer {
  url: string;
  downloadUrl: string;
  fileName: string;
  sourceVersion: number;
}

describe("risk notification card", () => {
  let running: TestStack;
  let gasAdmin: ApiCaller;
  let mallAdmin: ApiCaller;
  let chaoyang: ApiCaller;
  let haidian: ApiCaller;
  let source: RiskSource;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), "card-it-"));

  beforeAll(async () => {
    running = await startTestStack("cards");
    store = stackStore(running.stack);
    await putEnterprise(store, enterpriseFixture(GAS_TENANT, GAS, FIXTURE_USCC[0] as string));
    await putEnterprise(
      store,
      enterpriseFixture("t-mall-haidian", MALL, FIXTURE_USCC[1] as string),
    );
    [gasAdmin, mallAdmin, chaoyang, haidian] = await Promise.all([
      signIn(running.stack, "admin@gas-station.demo"),
      signIn(running.stack, "admin@mall.demo"),
      signIn(running.stack, "official@chaoyang.demo"),
      signIn(running.stack, "official@haidian.demo"),
    ]);
    const created = await gasAdmin.call("POST", "/api/v1/risk-sources", {
      body: riskSourceInput(GAS),
      headers: { "idempotency-key": "card-source-0001" },
    });
    expect(created.status).toBe(201);
    const assessed = await gasAdmin.call(
      "POST",
      `/api/v1/risk-sources/${encodeURIComponent((created.body as RiskSource).id)}/assessments`,
      {
        body: {
          profileId: LEC_DEFAULT.id,
          current: { L: 3, E: 10, C: 15 },
        },
        headers: { "idempotency-key": "card-assess-0001" },
      },
    );
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(201);
    source = (assessed.body as { riskSource: RiskSource }).riskSource;
  });

  afterAll(async () => {
    await running?.stop();
  });

  const cardPath = (size = "a4") =>
    `/api/v1/risk-sources/${encodeURIComponent(source.id)}/card?size=${size}`;

  async function storedCards(): Promise<string[]> {
    // The stack pointed the SDK at the emulator (AWS_ENDPOINT_URL_S3) when it started.
    const s3 = new S3Client({ region: config().region, forcePathStyle: true });
    const { Contents } = await s3.send(
      new ListObjectsV2Command({ Bucket: setting("bucketName"), Prefix: `${GAS_TENANT}/cards/` }),
    );
    return (Contents ?? []).map((o) => o.Key ?? "").sort();
  }

  async function fetchCard(
    caller: ApiCaller,
    size = "a4",
  ): Promise<{ answer: CardAnswer; pdf: Buffer }> {
    const res = await caller.call("GET", cardPath(size));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const answer = res.body as CardAnswer;
    const file = await fetch(answer.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    return { answer, pdf: Buffer.from(await file.arrayBuffer()) };
  }

  function textOf(pdf: Buffer): string {
    const file = join(dir, "card.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  }

  /** The public link behind the QR code (also a link annotation over it). */
  function publicLinkOf(pdf: Buffer): string {
    const match = /\/URI \((http[^)]+)\)/.exec(pdf.toString("latin1"));
    if (!match?.[1]) throw new Error("no link in the card");
    return match[1];
  }

  it("gives the enterprise its card with the Chinese fields, drawn once per source version", async () => {
    const { answer, pdf } = await fetchCard(gasAdmin);
    expect(answer.fileName).toContain("安全风险告知卡");
    const text = textOf(pdf);
    for (const field of [
      "安全风险告知卡",
      "测试企业t-gas-station-chaoyang",
      "加油区（加油机）",
      "重大风险（红）",
      "火灾、其他爆炸",
      "油气回收系统",
      "站长：王五13700137000",
      "13900139000",
      "报警110",
    ]) {
      expect(text, field).toContain(field);
    }
    const again = await fetchCard(gasAdmin);
    expect(again.pdf.equals(pdf)).toBe(true);
    const stored = await storedCards();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(
      new RegExp(`^${GAS_TENANT}/cards/${source.id}/major-[0-9a-f]{16}-a4\\.pdf$`),
    );
  });

  it("draws a new card when the source changes, and keeps the old one", async () => {
    const changed = await gasAdmin.call(
      "PATCH",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}`,
      {
        body: {
          controls: {
            engineering: ["油气回收系统", "紧急切断阀"],
            management: ["加油作业规程"],
            emergency: ["灭火器 8 具"],
          },
        },
        headers: { "if-match": `"${source.version}"` },
      },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    source = changed.body as RiskSource;
    const { answer, pdf } = await fetchCard(gasAdmin);
    expect(answer.sourceVersion).toBe(source.version);
    expect(textOf(pdf)).toContain("紧急切断阀");
    expect(await storedCards()).toHaveLength(2);
  });

  it("draws none for a change the card does not print, and one when the enterprise's name changes", async () => {
    const moved = await gasAdmin.call(
      "PATCH",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}`,
      {
        body: { location: { lon: 116.48, lat: 39.92 } },
        headers: { "if-match": `"${source.version}"` },
      },
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    source = moved.body as RiskSource;
    await fetchCard(gasAdmin);
    expect(await storedCards()).toHaveLength(2);

    await putEnterprise(store, {
      ...enterpriseFixture(GAS_TENANT, GAS, FIXTURE_USCC[0] as string),
      name: "北京朝阳新名加油站有限公司",
      version: 2,
    });
    const { pdf } = await fetchCard(gasAdmin);
    expect(textOf(pdf)).toContain("北京朝阳新名加油站有限公司");
    expect(await storedCards()).toHaveLength(3);
  });

  it("lets the official in jurisdiction open it and refuses other tenants and jurisdictions", async () => {
    await fetchCard(chaoyang, "small");
    for (const outsider of [mallAdmin, haidian]) {
      expect((await outsider.call("GET", cardPath())).status).toBe(404);
    }
  });

  it("opens the public page from the QR link: public fields only, no people, no phones", async () => {
    const { pdf } = await fetchCard(gasAdmin);
    const link = publicLinkOf(pdf);
    expect(link).toMatch(/\/p\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const token = link.slice(link.lastIndexOf("/") + 1);
    const res = await fetch(`${running.stack.baseUrl}/api/v1/public/risk-sources/${token}`);
    expect(res.status).toBe(200);
    const raw = await res.text();
    const body = JSON.parse(raw) as Record<string, unknown>;
    expect(body).toMatchObject({ sourceName: "加油区（加油机）", level: "major" });
    for (const personal of [
      "王五",
      "张三",
      "李四",
      "13700137000",
      "13800138000",
      "13900139000",
      "站长",
    ]) {
      expect(raw, personal).not.toContain(personal);
    }
  });

  it("refuses an expired link (410) and a forged one (404)", async () => {
    const expired = await cardLinkToken(source.id, "expired");
    const forged = await signCardLink(
      source.id,
      "x".repeat(64),
      new Date(Date.now() + 3_600_000),
      new Date(),
    );
    const base = `${running.stack.baseUrl}/api/v1/public/risk-sources/`;
    expect((await fetch(base + expired)).status).toBe(410);
    expect((await fetch(base + forged)).status).toBe(404);
  });
});
