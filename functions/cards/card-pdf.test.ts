import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { cardContentOf } from "../../shared/cards/card-content.ts";
import { LEVEL_INFO } from "../../shared/methodology/levels.ts";
import { gradedSource } from "../../test/support/card-fixtures.ts";
import { renderCardPdf } from "./card-pdf.ts";

// Extracts text with poppler's pdftotext (Debian poppler-utils, installed by .ci/run) and keeps
// a PNG of each size in test-results/ (pdftoppm) for a person to look at.
const card = cardContentOf(gradedSource(), {
  name: "北京朝阳测试加油站有限公司",
  dutyPhone: "010-65001234",
});

function textOf(pdf: Buffer, dir: string, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

describe("risk notification card PDF", () => {
  const dir = mkdtempSync(join(tmpdir(), "card-"));
  const artifacts = join(process.cwd(), "test-results");
  mkdirSync(artifacts, { recursive: true });

  it.each(["a4", "small"] as const)(
    "carries every field of domain.md §6 as extractable Chinese text (%s)",
    async (size) => {
      const pdf = await renderCardPdf(
        card,
        size,
        "https://cityrisk.example/p/token",
        new Date("2026-12-01T08:00:00.000Z"),
      );
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const text = textOf(pdf, dir, size).replace(/\s+/g, "");
      for (const expected of [
        "安全风险告知卡",
        "北京朝阳测试加油站有限公司",
        "加油区（加油机）",
        "风险等级",
        "重大风险（红）",
        "主要危险因素",
        "物的因素",
        "可能导致的事故类型",
        "火灾、其他爆炸",
        "可能造成的后果",
        "工程技术措施",
        "油气回收系统",
        "管理措施",
        "加油作业规程",
        "应急处置措施",
        "灭火器8具",
        "个体防护用品",
        "防静电工作服",
        "安全警示标志",
        "禁止烟火",
        "站长：王五13700137000",
        "朝阳区建外街道",
        "区城市管理委员会",
        "报警110",
        "火警119",
        "急救120",
        "010-65001234",
        "12350",
        "2026-12-01",
        "lec-defaultv1",
        "扫码查看风险源公开信息",
      ]) {
        expect(text, expected).toContain(expected);
      }
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "60",
        "-singlefile",
        join(dir, `${size}.pdf`),
        join(artifacts, `risk-card-${size}`),
      ]);
    },
  );

  it("prints the level as a block of its colour and a QR code that scans to the link", async () => {
    const link = "https://cityrisk.example/p/eyJzIjoidGVzdCJ9.signed";
    const pdf = await renderCardPdf(card, "a4", link, new Date("2026-12-01T08:00:00.000Z"));
    writeFileSync(join(dir, "scan.pdf"), pdf);
    // 100 dpi: enough for a scanner to read the code as a phone would from a print.
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "100",
      "-singlefile",
      join(dir, "scan.pdf"),
      join(dir, "scan"),
    ]);
    const png = PNG.sync.read(readFileSync(join(dir, "scan.png")));
    const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
    expect(jsQR(pixels, png.width, png.height)?.data).toBe(link);

    const hex = card.levelColour.replace("#", "");
    const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    let inLevelColour = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) inLevelColour += 1;
    }
    // The block beside the code: a few percent of the page, in exactly the level's colour.
    // The fixture is graded major: red, the colour domain.md names for 重大.
    expect(card.levelColour).toBe(LEVEL_INFO.major.colour.hex);
    expect(inLevelColour / (png.width * png.height)).toBeGreaterThan(0.01);
  });

  it("is one page, and the same input renders the same bytes", async () => {
    const at = new Date("2026-12-01T08:00:00.000Z");
    const a = await renderCardPdf(card, "a4", "https://x.example/p/t", at);
    const b = await renderCardPdf(card, "a4", "https://x.example/p/t", at);
    expect(a.equals(b)).toBe(true);
    const info = execFileSync("pdfinfo", [join(dir, "a4.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
  });
});
