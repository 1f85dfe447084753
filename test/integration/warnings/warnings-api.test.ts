import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Indicator } from "../../../shared/warnings/indicator.ts";
import type { Warning } from "../../../shared/warnings/warning.ts";
import { gasStation, inbox, startGasStationStack } from "../../support/gas-station-stack.ts";
import type { ApiCaller } from "../../support/stack-client.ts";
import type { TestStack } from "../../support/test-stack.ts";

// The warnings API through the local gateway: a self-assessment grading a source major warns
// the Chaoyang official at once (in the registry's own unit of work), who acknowledges it; a
// sensor batch raises a warning; the Haidian official never sees Chaoyang's warnings.
describe("warnings API", () => {
  let running: TestStack;
  let enterprise: ApiCaller;
  let official: ApiCaller;
  let haidian: ApiCaller;
  let station: ReturnType<typeof gasStation>;

  beforeAll(async () => {
    let callers: ApiCaller[];
    ({ running, callers } = await startGasStationStack("warnings", [
      "admin@gas-station.demo",
      "official@chaoyang.demo",
      "official@haidian.demo",
    ]));
    [enterprise, official, haidian] = callers as [ApiCaller, ApiCaller, ApiCaller];
    station = gasStation(enterprise);
  });

  afterAll(async () => {
    await running?.stop();
  });

  it("a self-assessment grading a source major warns the official at once, who acknowledges it", async () => {
    const source = await station.register("储罐区（液化石油气）");
    await station.assessMajor(source);

    const items = (await inbox(official, "&rule=assessed-major")).filter(
      (w) => w.riskSourceId === source.id,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ level: "major", status: "open", riskSourceName: source.name });
    expect(items[0]?.enterpriseName).toBeTruthy();
    expect((await inbox(haidian)).some((w) => w.riskSourceId === source.id)).toBe(false);
    expect((await inbox(enterprise)).some((w) => w.id === items[0]?.id)).toBe(true);

    const id = encodeURIComponent(items[0]?.id ?? "");
    const first = await official.call("POST", `/api/v1/warnings/${id}/acknowledge`, {
      body: { note: "已通知企业负责人" },
    });
    expect(first.status).toBe(200);
    const second = await official.call("POST", `/api/v1/warnings/${id}/acknowledge`, { body: {} });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: "acknowledged", version: 2 });

    const detail = await official.call("GET", `/api/v1/warnings/${id}`);
    expect((detail.body as Warning).timeline.map((e) => e.kind)).toEqual([
      "raised",
      "acknowledged",
    ]);
    expect(
      (await haidian.call("GET", `/api/v1/warnings/${id}`)).status,
      "another district's official",
    ).toBe(404);
    const closing = await enterprise.call("POST", `/api/v1/warnings/${id}/close`, { body: {} });
    expect(closing.status).toBe(403);
  });

  it("indicators and a batch of readings raise a sustained-breach warning", async () => {
    const source = await station.register("加油区（油气浓度）");
    const indicator = await station.addGasSensor(source);
    const listed = await official.call(
      "GET",
      `/api/v1/risk-sources/${encodeURIComponent(source.id)}/indicators`,
    );
    expect((listed.body as { items: Indicator[] }).items.map((i) => i.id)).toEqual([indicator.id]);

    const now = Date.now();
    const readings = [0, 1, 2, 3].map((m) => ({
      indicatorId: indicator.id,
      at: new Date(now - (3 - m) * 60_000).toISOString(),
      value: 45,
    }));
    const posted = await enterprise.call("POST", "/api/v1/readings", {
      body: { readings: [...readings, { indicatorId: indicator.id, at: "soon", value: 1 }] },
    });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ accepted: 4, duplicates: 0, rejected: [{ index: 4 }] });
    const again = await enterprise.call("POST", "/api/v1/readings", { body: { readings } });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 4 });

    const raised = (await inbox(official, "&rule=threshold-sustained")).filter(
      (w) => w.riskSourceId === source.id,
    );
    expect(raised.map((w) => [w.level, w.status])).toEqual([["major", "open"]]);
    expect((await official.call("POST", "/api/v1/readings", { body: { readings } })).status).toBe(
      403,
    );
  });

  it("escalation deadlines: defaults, then a district's own (If-Match)", async () => {
    const read = await official.call("GET", "/api/v1/warning-settings/110105");
    expect(read.body).toMatchObject({
      source: "default",
      timing: { acknowledgeMinutes: { major: 15, significant: 30, general: 240, low: 1440 } },
    });
    const timing = (read.body as { timing: object }).timing;
    const set = await official.call("PUT", "/api/v1/warning-settings/110105", {
      body: {
        ...timing,
        acknowledgeMinutes: { major: 10, significant: 30, general: 240, low: 1440 },
      },
      headers: { "if-match": '"0"' },
    });
    expect(set.status).toBe(200);
    const other = await haidian.call("PUT", "/api/v1/warning-settings/110105", {
      body: timing,
      headers: { "if-match": '"1"' },
    });
    expect(other.status).toBe(403);
    const after = await haidian.call("GET", "/api/v1/warning-settings/110105");
    expect(after.body).toMatchObject({
      source: "district",
      timing: { acknowledgeMinutes: { major: 10 } },
    });
  });
});
