import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { tenantItem } from "../../../functions/tenancy/tenant-records.ts";
import type { LocalStack } from "../../../infra/local/start-stack.ts";
import type { Enterprise } from "../../../shared/risk/enterprise.ts";
import type { RiskSource } from "../../../shared/risk/risk-source.ts";
import type { SupervisionChange } from "../../../shared/risk/supervision-change.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../support/registry-fixtures.ts";
import { type ApiCaller, signIn, stackStore } from "../../support/stack-client.ts";
import { startTestStack, type TestStack } from "../../support/test-stack.ts";

// Supervision is the government's to assign (issue 10): an enterprise cannot move itself or
// hand its sources to other supervisors; it asks, and the official over the requested place
// decides. Through the local gateway against DynamoDB Local.
const GAS = { district: "110105", street: "建外街道", industry: "gas" } as const;
const MALL = { district: "110108", street: "中关村街道", industry: "commerce" } as const;
const MALL_ID = "t-mall-haidian";
const TO_CHAOYANG = { district: "110105", street: "建外街道", industry: "commerce" } as const;
const TO_XUEYUAN = { district: "110108", street: "学院路街道", industry: "commerce" } as const;
const enc = encodeURIComponent;

describe("supervision changes", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let store: Store;
  let gasAdmin: ApiCaller;
  let mallAdmin: ApiCaller;
  let chaoyang: ApiCaller;
  let haidian: ApiCaller;
  let gasOfficial: ApiCaller;
  /** A source that follows the enterprise (its assessment awaits review). */
  let follower: RiskSource;
  /** A source moved on its own request before the enterprise moves. */
  let separate: RiskSource;
  let followerAssessmentId: string;

  beforeAll(async () => {
    running = await startTestStack("supervision");
    stack = running.stack;
    store = stackStore(stack);
    await putEnterprise(
      store,
      enterpriseFixture("t-gas-station-chaoyang", GAS, FIXTURE_USCC[0] as string),
    );
    await putEnterprise(store, enterpriseFixture(MALL_ID, MALL, FIXTURE_USCC[1] as string));
    const at = "2026-01-05T08:00:00.000Z";
    await store.entities.tenant
      .put(
        tenantItem({
          id: MALL_ID,
          kind: "enterprise",
          status: "active",
          name: `测试企业 ${MALL_ID}`,
          uscc: FIXTURE_USCC[1] as string,
          ...MALL,
          version: 1,
          createdAt: at,
          updatedAt: at,
        }),
      )
      .go();
    [gasAdmin, mallAdmin, chaoyang, haidian, gasOfficial] = await Promise.all([
      signIn(stack, "admin@gas-station.demo"),
      signIn(stack, "admin@mall.demo"),
      signIn(stack, "official@chaoyang.demo"),
      signIn(stack, "official@haidian.demo"),
      signIn(stack, "official@gas.demo"),
    ]);
  });

  afterAll(async () => {
    await running?.stop();
  });

  async function storedEnterprise(): Promise<Enterprise | undefined> {
    const { data } = await store.entities.enterprise.get({ tenantId: MALL_ID }).go();
    return data?.record;
  }

  async function storedSource(id: string): Promise<RiskSource | undefined> {
    const { data } = await store.entities.riskSource.get({ tenantId: MALL_ID, id }).go();
    return data?.record;
  }

  async function ids(caller: ApiCaller, path: string): Promise<string[]> {
    const res = await caller.call("GET", path);
    expect(res.status).toBe(200);
    return (res.body as { items: { id: string }[] }).items.map((i) => i.id);
  }

  async function request(body: unknown, key?: string) {
    return mallAdmin.call("POST", "/api/v1/supervision-changes", {
      body,
      ...(key ? { headers: { "idempotency-key": key } } : {}),
    });
  }

  function decide(caller: ApiCaller, id: string, body: unknown, version = 1) {
    return caller.call("POST", `/api/v1/supervision-changes/${enc(id)}/decision`, {
      body,
      headers: { "if-match": `"${version}"` },
    });
  }

  describe("direct edits", () => {
    it("refuses a new district in PATCH /enterprise with a field-level 400, changing nothing", async () => {
      const before = await storedEnterprise();
      const res = await mallAdmin.call("PATCH", "/api/v1/enterprise", {
        body: { district: "110119", address: "延庆区某路 1 号" },
        headers: { "if-match": '"1"' },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: "supervision.invalidDirectChange",
        errors: [
          {
            path: "body.district",
            code: "supervision.invalidDirectChange",
            allowed: ["110108"],
          },
        ],
      });
      expect(JSON.stringify(res.body)).toContain("/api/v1/supervision-changes");
      expect(await storedEnterprise()).toEqual(before);
    });

    it("still lets the enterprise edit its other fields (and repeat its place unchanged)", async () => {
      const res = await mallAdmin.call("PATCH", "/api/v1/enterprise", {
        body: { ...MALL, address: "海淀区中关村大街 1 号" },
        headers: { "if-match": '"1"' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ...MALL, address: "海淀区中关村大街 1 号", version: 2 });
    });

    it("refuses a source registered with another district or industry, writing nothing", async () => {
      const foreign = riskSourceInput(MALL);
      for (const body of [
        { ...foreign, supervision: { ...foreign.supervision, district: "110119" } },
        { ...foreign, industry: "gas" },
      ]) {
        const res = await mallAdmin.call("POST", "/api/v1/risk-sources", { body });
        expect(res.status).toBe(400);
        expect((res.body as { code: string }).code).toBe("supervision.invalidDirectChange");
      }
      expect(await ids(mallAdmin, "/api/v1/risk-sources")).toEqual([]);
    });

    it("registers sources at the enterprise's place and refuses a changed supervision on update", async () => {
      const created = await Promise.all(
        ["自动扶梯", "中庭护栏"].map((name) =>
          mallAdmin.call("POST", "/api/v1/risk-sources", { body: riskSourceInput(MALL, name) }),
        ),
      );
      expect(created.map((r) => r.status)).toEqual([201, 201]);
      [follower, separate] = created.map((r) => r.body as RiskSource) as [RiskSource, RiskSource];
      const res = await mallAdmin.call("PATCH", `/api/v1/risk-sources/${enc(separate.id)}`, {
        body: { supervision: { ...separate.supervision, street: "学院路街道" } },
        headers: { "if-match": '"1"' },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errors: [{ path: "body.supervision.street" }] });
      // The answer names the enterprise; the stored record is the rest of it, unchanged.
      const { enterpriseName, ...answered } = separate as RiskSource & { enterpriseName?: string };
      expect(enterpriseName).toBe("测试企业 t-mall-haidian");
      expect(await storedSource(separate.id)).toEqual(answered);
      const assessed = await mallAdmin.call(
        "POST",
        `/api/v1/risk-sources/${enc(follower.id)}/assessments`,
        { body: { profileId: "lec-default", current: { L: 3, E: 10, C: 15 } } },
      );
      expect(assessed.status).toBe(201);
      followerAssessmentId = (assessed.body as { id: string }).id;
    });
  });

  describe("a source's own request", () => {
    it("is approved by the official over the requested place and moves only that source", async () => {
      const asked = await request({
        target: { type: "riskSource", id: separate.id },
        to: TO_XUEYUAN,
        reason: "护栏所在楼宇属学院路街道",
      });
      expect(asked.status).toBe(201);
      const change = asked.body as SupervisionChange;
      const approved = await decide(haidian, change.id, { decision: "approve" });
      expect(approved.status).toBe(200);
      expect(approved.headers.get("etag")).toBe('"2"');
      expect(await storedSource(separate.id)).toMatchObject({
        supervision: { district: "110108", street: "学院路街道" },
        version: 2,
      });
      expect(await storedSource(follower.id)).toMatchObject({
        supervision: { street: "中关村街道" },
      });
    });
  });

  describe("moving the enterprise", () => {
    let change: SupervisionChange;

    it("files a request (idempotent retry, one pending per target) and moves nothing yet", async () => {
      const body = {
        target: { type: "enterprise" },
        to: TO_CHAOYANG,
        industryDepartment: "朝阳区商务局",
        reason: "经营场所迁至朝阳区建外街道",
      };
      const first = await request(body, "move-mall-000001");
      expect(first.status).toBe(201);
      change = first.body as SupervisionChange;
      expect(change).toMatchObject({
        tenantId: MALL_ID,
        status: "pending",
        from: MALL,
        to: TO_CHAOYANG,
        version: 1,
        decision: null,
      });
      const retry = await request(body, "move-mall-000001");
      expect((retry.body as SupervisionChange).id).toBe(change.id);
      expect((await request(body)).status).toBe(409);
      expect(await storedEnterprise()).toMatchObject(MALL);
      expect(await ids(haidian, "/api/v1/enterprises")).toContain(MALL_ID);
    });

    it("is listed for the receiving official and the enterprise, nobody else", async () => {
      expect(await ids(chaoyang, "/api/v1/supervision-changes")).toContain(change.id);
      expect(await ids(mallAdmin, "/api/v1/supervision-changes")).toContain(change.id);
      expect(await ids(haidian, "/api/v1/supervision-changes")).not.toContain(change.id);
      expect(await ids(gasOfficial, "/api/v1/supervision-changes")).not.toContain(change.id);
      expect(await ids(gasAdmin, "/api/v1/supervision-changes")).toEqual([]);
    });

    it("may be decided only by an official over the requested place (404 elsewhere, 403 for enterprises)", async () => {
      const approve = { decision: "approve" };
      expect((await decide(haidian, change.id, approve)).status).toBe(404);
      expect((await decide(gasOfficial, change.id, approve)).status).toBe(404);
      expect((await decide(gasAdmin, change.id, approve)).status).toBe(403);
      expect((await decide(mallAdmin, change.id, approve)).status).toBe(403);
      const ghost = `${MALL_ID}~01J0000000000000000000000`;
      const missing = await decide(chaoyang, ghost, approve);
      const outside = await decide(haidian, change.id, approve);
      expect(missing.status).toBe(404);
      expect((outside.body as { title: string }).title).toBe(
        (missing.body as { title: string }).title,
      );
      expect(await storedEnterprise()).toMatchObject(MALL);
    });

    it("refuses a stale version with 412", async () => {
      expect((await decide(chaoyang, change.id, { decision: "approve" }, 7)).status).toBe(412);
      expect(await storedEnterprise()).toMatchObject(MALL);
    });

    it("on approval moves the enterprise and the sources that followed it, in one step", async () => {
      const res = await decide(chaoyang, change.id, { decision: "approve", comment: "同意" });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: "approved",
        version: 2,
        decision: { decision: "approve", by: "u-chaoyang-official", movedSourceIds: [follower.id] },
      });
      expect(await storedEnterprise()).toMatchObject({ ...TO_CHAOYANG, version: 3 });
      const { data: tenant } = await store.entities.tenant.get({ tenantId: MALL_ID }).go();
      expect(tenant?.record).toMatchObject({ ...TO_CHAOYANG, version: 2 });
      expect(await storedSource(follower.id)).toMatchObject({
        industry: "commerce",
        supervision: { district: "110105", street: "建外街道", industryDepartment: "朝阳区商务局" },
      });
      // The source moved on its own request stays where that request put it.
      expect(await storedSource(separate.id)).toMatchObject({
        supervision: TO_XUEYUAN_SUPERVISION,
      });
      expect((await decide(chaoyang, change.id, { decision: "approve" }, 2)).status).toBe(409);
    });

    it("hands the enterprise, its source and its pending review to the new official", async () => {
      expect(await ids(haidian, "/api/v1/enterprises")).not.toContain(MALL_ID);
      expect((await haidian.call("GET", `/api/v1/enterprises/${MALL_ID}`)).status).toBe(404);
      expect(await ids(chaoyang, "/api/v1/enterprises")).toContain(MALL_ID);
      expect((await chaoyang.call("GET", `/api/v1/enterprises/${MALL_ID}`)).status).toBe(200);

      expect(await ids(haidian, "/api/v1/risk-sources")).not.toContain(follower.id);
      expect(await ids(haidian, "/api/v1/risk-sources")).toContain(separate.id);
      expect(await ids(chaoyang, "/api/v1/risk-sources")).toContain(follower.id);

      expect(await ids(haidian, "/api/v1/reviews")).not.toContain(followerAssessmentId);
      expect(await ids(chaoyang, "/api/v1/reviews")).toContain(followerAssessmentId);
    });
  });

  describe("rejection", () => {
    it("needs a comment, then leaves the supervision as it was", async () => {
      const asked = await request({
        target: { type: "riskSource", id: follower.id },
        to: { ...TO_CHAOYANG, street: "呼家楼街道" },
        reason: "扶梯所在区域属呼家楼街道",
      });
      expect(asked.status).toBe(201);
      const change = asked.body as SupervisionChange;
      const before = await storedSource(follower.id);
      expect((await decide(chaoyang, change.id, { decision: "reject" })).status).toBe(400);
      const rejected = await decide(chaoyang, change.id, {
        decision: "reject",
        comment: "扶梯仍在建外街道辖区",
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: "rejected", decision: { decision: "reject" } });
      expect(await storedSource(follower.id)).toEqual(before);
      expect(await ids(chaoyang, "/api/v1/supervision-changes")).not.toContain(change.id);
    });
  });

  it("audits every request and decision in the enterprise's trail", async () => {
    const { data } = await store.entities.auditRecord.query
      .byTenant({ tenantId: MALL_ID })
      .go({ pages: "all" });
    const actions = data.map((d) => d.record.action);
    expect(actions.filter((a) => a === "supervisionChange.request")).toHaveLength(3);
    expect(actions.filter((a) => a === "supervisionChange.approve")).toHaveLength(2);
    expect(actions.filter((a) => a === "supervisionChange.reject")).toHaveLength(1);
    const approval = data.find(
      (d) =>
        d.record.action === "supervisionChange.approve" &&
        d.record.actor.userId === "u-chaoyang-official",
    );
    expect(approval?.record).toMatchObject({
      before: { place: MALL },
      after: { place: TO_CHAOYANG, movedSourceIds: [follower.id] },
    });
  });
});

const TO_XUEYUAN_SUPERVISION = { district: "110108", street: "学院路街道" } as const;
