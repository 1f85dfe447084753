import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import {
  enterpriseFixture,
  FIXTURE_USCC,
  putEnterprise,
  riskSourceInput,
} from "../../test/support/registry-fixtures.ts";
import { signIn, stackStore } from "../../test/support/stack-client.ts";
import { startTestStack, type TestStack } from "../../test/support/test-stack.ts";
import { launchChromium, pageOptions, signInAs } from "./browser-support.ts";

// The risk e-map: the districts from the shipped GeoJSON, one district's sources as points and,
// with the layer on, its emergency resources.
const GAS_STATION = { district: "110105", street: "建外街道", industry: "gas" } as const;

describe("risk e-map", () => {
  let running: TestStack | undefined;
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startTestStack("risk-map-web");
    stack = running.stack;
    await putEnterprise(
      stackStore(stack),
      enterpriseFixture("t-gas-station-chaoyang", GAS_STATION, FIXTURE_USCC[0] as string),
    );
    const gasAdmin = await signIn(stack, "admin@gas-station.demo");
    for (const name of ["加油区（1号加油岛）", "卸油区", "储罐区"]) {
      const res = await gasAdmin.call("POST", "/api/v1/risk-sources", {
        body: riskSourceInput(GAS_STATION, name),
      });
      expect(res.status).toBe(201);
    }
    // The station's own extinguishers next to its sources, and a shelter of the district's.
    const resource = {
      name: "干粉灭火器",
      category: "equipment",
      quantity: 12,
      unit: "具",
      location: { lon: 116.47, lat: 39.91 },
      contact: { name: "王站长", phone: "13800138000" },
      availability: "available",
    };
    const own = await gasAdmin.call("POST", "/api/v1/emergency-resources", { body: resource });
    expect(own.status).toBe(201);
    const official = await signIn(stack, "official@chaoyang.demo");
    const shelter = await official.call("POST", "/api/v1/emergency-resources", {
      body: {
        ...resource,
        name: "日坛公园应急避难场所",
        category: "shelter",
        unit: "处",
        quantity: 1,
        district: "110105",
        street: "建外街道",
      },
    });
    expect(shelter.status).toBe(201);
    browser = await launchChromium();
    page = await browser.newPage(pageOptions(1280, 900));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const status = () => page.getByTestId("map-status");

  it("opens on the official's district with its sources drawn on the map of Beijing", async () => {
    await signInAs(page, stack.baseUrl, "official@chaoyang.demo", "/map");
    await page.getByRole("heading", { name: "风险电子地图" }).waitFor();
    await page.getByText("朝阳区：显示 3 个风险源（点击查看详情）").waitFor();
    await expect(page.getByTestId("risk-map").locator("canvas").count()).resolves.toBeGreaterThan(
      0,
    );
    await page.getByText(/非审图号地图/).waitFor();
    // Kept for a human look at the map after the run.
    await page.screenshot({ path: join(tmpdir(), "cityrisk-risk-map-zh.png"), fullPage: true });
  });

  it("draws the district's emergency resources next to its sources when the layer is on", async () => {
    await page.getByTestId("map-resources").click();
    await expect
      .poll(() => status().textContent())
      .toBe("朝阳区：显示 3 个风险源（点击查看详情） 另显示 2 处应急资源（菱形）");
    await page.getByTestId("map-resources").click();
    await expect.poll(() => status().textContent()).not.toContain("应急资源");
  });

  it("opens a source when its point on the map is clicked", async () => {
    // The points have a canvas of their own (zlevel 1), above the districts' and so last in the
    // container: any pixel drawn on it is a point. ECharts draws on its next frame: poll.
    const drawnPoint = () =>
      page
        .getByTestId("risk-map")
        .locator("canvas")
        .last()
        .evaluate((canvas: HTMLCanvasElement) => {
          const { width, height } = canvas;
          const pixels = canvas.getContext("2d")?.getImageData(0, 0, width, height).data;
          const ratio = width / canvas.getBoundingClientRect().width;
          for (let i = 3; pixels && i < pixels.length; i += 4) {
            if ((pixels[i] ?? 0) > 0) {
              const at = (i - 3) / 4;
              // The first pixel met is the top of a round symbol 7 pixels wide: aim 3 below it.
              return { x: (at % width) / ratio, y: Math.floor(at / width) / ratio + 3 };
            }
          }
          return undefined;
        });
    await expect.poll(drawnPoint).toBeDefined();
    const pixel = await drawnPoint();
    const box = await page.getByTestId("risk-map").boundingBox();
    if (!pixel || !box) throw new Error("no point drawn on the map");
    await page.mouse.click(box.x + pixel.x, box.y + pixel.y);
    await page.waitForURL((url) => /^\/risk-sources\/[^/]+$/.test(url.pathname));
    // The source's page, with the name of one of the station's three sources.
    await page
      .getByText(/加油区（1号加油岛）|卸油区|储罐区/)
      .first()
      .waitFor();
    await page.goBack();
    await page.getByText("朝阳区：显示 3 个风险源（点击查看详情）").waitFor();
  });

  it("narrows the points by level and moves to another district", async () => {
    await page.getByTestId("map-level").click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
      .getByText("重大风险", { exact: true })
      .click();
    // The sources are not graded yet: none is major.
    await page.getByText("朝阳区：显示 0 个风险源（点击查看详情）").waitFor();
    await page.getByTestId("map-district").click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
      .getByText("海淀区", { exact: true })
      .click();
    await expect(status().textContent()).resolves.toContain("海淀区");
  });
});
