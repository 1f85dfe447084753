import PDFDocument from "pdfkit";
import type { ReportCell, ReportTable } from "../../shared/reports/report-table.ts";
import { cardFont } from "../cards/card-font.ts";

/** A4 landscape in PDF points: wide lists (the major-risk list has 13 columns) stay legible. */
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 32;
const FONT_SIZE = 7.5;
const PAD = 3;
const FOOTER = 18;

const text = (cell: ReportCell | undefined): string =>
  cell === null || cell === undefined ? "" : String(cell);

/**
 * A report as PDF: its Chinese title, the scope and time it was made for, then the table with
 * its header repeated on every page and page numbers. Set in the card's Noto Sans CJK SC subset
 * (functions/cards/card-font.ts), so the Chinese text is real text that extracts and searches.
 * Deterministic for the same input (fixed dates), so a re-render is byte-comparable.
 */
export async function renderReportPdf(
  table: ReportTable,
  heading: { scope: string; generatedAt: Date },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 4 },
    font: cardFont() as unknown as string,
    bufferPages: true,
    info: {
      Title: table.title,
      Subject: `${table.title}（${heading.scope}）`,
      Creator: "CityRisk 城市安全风险云",
      CreationDate: heading.generatedAt,
      ModDate: heading.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = PAGE.width - 2 * MARGIN;
  doc
    .fontSize(18)
    .fillColor("#000000")
    .text(table.title, MARGIN, MARGIN, { width, align: "center" });
  const stamp = heading.generatedAt.toISOString().replace("T", " ").slice(0, 16);
  doc
    .fontSize(9)
    .fillColor("#333333")
    .text(`范围：${heading.scope}　　生成时间：${stamp} UTC　　共 ${table.rows.length} 条`, {
      width,
      align: "center",
    });
  let y = doc.y + 8;

  const total = table.columns.reduce((n, c) => n + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * width);
  const rowHeight = (cells: readonly string[]) =>
    Math.max(
      ...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * PAD })),
    ) +
    2 * PAD;
  const drawRow = (cells: readonly string[], header: boolean) => {
    const h = rowHeight(cells);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      if (header) doc.rect(x, y, w, h).fillAndStroke("#EDEDED", "#777777");
      else doc.rect(x, y, w, h).stroke("#777777");
      doc.fillColor("#000000").text(cell, x + PAD, y + PAD, { width: w - 2 * PAD });
      x += w;
    });
    y += h;
  };

  doc.fontSize(FONT_SIZE).lineWidth(0.5);
  const headers = table.columns.map((c) => c.label);
  drawRow(headers, true);
  if (table.rows.length === 0) {
    doc.fontSize(10).text("（无）", MARGIN, y + 8, { width, align: "center" });
  }
  for (const row of table.rows) {
    const cells = table.columns.map((c) => text(row[c.key]));
    if (y + rowHeight(cells) > PAGE.height - MARGIN - FOOTER) {
      doc.addPage();
      y = MARGIN;
      drawRow(headers, true);
    }
    drawRow(cells, false);
  }

  // Page numbers once the page count is known.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc
      .fontSize(8)
      .fillColor("#555555")
      .text(`${table.title}　第 ${i + 1} 页 / 共 ${count} 页`, MARGIN, PAGE.height - MARGIN, {
        width,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
