import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { CardContent } from "../../shared/cards/card-content.ts";
import { CARD_LABELS } from "../../shared/cards/card-labels.ts";
import type { CardSize } from "../../shared/cards/card-size.ts";
import { cardFont } from "./card-font.ts";

/** Page sizes in PDF points: A4 for offices, A5 for posting at the post itself. */
const PAGES: Readonly<Record<CardSize, { width: number; height: number; scale: number }>> = {
  a4: { width: 595.28, height: 841.89, scale: 1 },
  small: { width: 419.53, height: 595.28, scale: 0.7 },
};

interface Row {
  label: string;
  value: string;
}

const numbered = (items: readonly string[]): string =>
  items.length === 0
    ? CARD_LABELS.none
    : items.length === 1
      ? (items[0] as string)
      : items.map((item, i) => `${i + 1}. ${item}`).join("\n");

const joined = (items: readonly string[]): string =>
  items.length ? items.join("、") : CARD_LABELS.none;

function rowsOf(card: CardContent): Row[] {
  const L = CARD_LABELS;
  return [
    { label: L.enterprise, value: card.enterpriseName },
    { label: L.source, value: card.sourceName },
    { label: L.place, value: `${card.place}（${card.district}${card.street}）` },
    { label: L.responsible, value: card.responsible },
    { label: L.supervision, value: `${card.district}${card.street}；${card.industryDepartment}` },
    { label: L.hazards, value: joined(card.hazardFactors) },
    { label: L.accidentTypes, value: joined(card.accidentTypes) },
    { label: L.consequences, value: card.consequences },
    { label: L.engineering, value: numbered(card.controls.engineering) },
    { label: L.management, value: numbered(card.controls.management) },
    { label: L.emergency, value: numbered(card.controls.emergency) },
    { label: L.protectiveEquipment, value: joined(card.protectiveEquipment) },
    { label: L.safetySigns, value: joined(card.safetySigns) },
    {
      label: L.phones,
      value:
        `${L.police} ${card.publicPhones.police}　${L.fire} ${card.publicPhones.fire}　` +
        `${L.medical} ${card.publicPhones.medical}\n${L.dutyPhone} ${card.dutyPhone}　` +
        `${L.report} ${card.publicPhones.report}`,
    },
    {
      label: L.assessment,
      value: card.assessedOn ? `${card.assessedOn}　${card.profile}` : L.ungraded,
    },
  ];
}

/** The QR code drawn as vector squares: sharp at any print size, no image to decode. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = size / (modules.size + 2);
  doc.save().rect(x, y, size, size).fill("#FFFFFF").fillColor("#000000");
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + 1) * cell, y + (row + 1) * cell, cell, cell);
    }
  }
  doc.fill("#000000").restore();
}

/** A light text on the dark level colours, dark on yellow and grey, for contrast. */
function textOn(hex: string): string {
  return hex === "#F5C400" || hex === "#8C8C8C" ? "#000000" : "#FFFFFF";
}

/**
 * Renders the card: title, the level as a colour block beside the QR code, then one bordered
 * row per field of domain.md §6. Long control lists shrink the type until the page holds them.
 * Deterministic for the same input (fixed creation date), so a re-render is byte-comparable.
 */
export async function renderCardPdf(
  card: CardContent,
  size: CardSize,
  publicLink: string,
  createdAt: Date,
): Promise<Buffer> {
  const page = PAGES[size];
  const s = page.scale;
  const margin = 36 * s;
  const doc = new PDFDocument({
    size: [page.width, page.height],
    // A small bottom margin: the basis line sits below the table without starting a page.
    margins: { top: margin, left: margin, right: margin, bottom: 8 * s },
    font: cardFont() as unknown as string,
    info: {
      Title: `${CARD_LABELS.title} ${card.sourceName}`,
      Subject: CARD_LABELS.title,
      Creator: "CityRisk",
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = page.width - 2 * margin;
  // Title.
  doc.fontSize(26 * s).fillColor("#000000");
  doc.text(CARD_LABELS.title, margin, margin, { width, align: "center" });
  let y = doc.y + 8 * s;

  // Level block and QR code side by side.
  const side = 110 * s;
  const blockWidth = width - side - 12 * s;
  doc.rect(margin, y, blockWidth, side).fill(card.levelColour);
  doc.fillColor(textOn(card.levelColour)).fontSize(13 * s);
  doc.text(CARD_LABELS.level, margin + 12 * s, y + 14 * s, { width: blockWidth - 24 * s });
  doc.fontSize(28 * s).text(card.levelName, margin + 12 * s, y + 40 * s, {
    width: blockWidth - 24 * s,
  });
  drawQr(doc, publicLink, margin + width - side, y, side);
  // Clickable in a PDF viewer too: the same public link as an annotation over the code.
  doc.link(margin + width - side, y, side, side, publicLink);
  doc.fillColor("#000000").fontSize(7 * s);
  doc.text(CARD_LABELS.scan, margin + width - side, y + side + 2 * s, {
    width: side,
    align: "center",
  });
  y += side + 14 * s;

  // Field rows: find the largest type size at which every row fits the page.
  const rows = rowsOf(card);
  const labelWidth = 112 * s;
  const valueWidth = width - labelWidth;
  const pad = 4 * s;
  const footer = 14 * s;
  const heightAt = (fontSize: number): number[] => {
    doc.fontSize(fontSize);
    return rows.map(
      (r) =>
        Math.max(
          doc.heightOfString(r.label, { width: labelWidth - 2 * pad }),
          doc.heightOfString(r.value, { width: valueWidth - 2 * pad }),
        ) +
        2 * pad,
    );
  };
  const room = page.height - margin - footer - y;
  let fontSize = 11 * s;
  let heights = heightAt(fontSize);
  while (heights.reduce((a, b) => a + b, 0) > room && fontSize > 5) {
    fontSize -= 0.5;
    heights = heightAt(fontSize);
  }
  doc.fontSize(fontSize).lineWidth(0.6);
  rows.forEach((row, i) => {
    const h = heights[i] as number;
    doc.rect(margin, y, labelWidth, h).fillAndStroke("#F0F0F0", "#555555");
    doc.rect(margin + labelWidth, y, valueWidth, h).stroke("#555555");
    doc.fillColor("#000000");
    doc.text(row.label, margin + pad, y + pad, { width: labelWidth - 2 * pad });
    doc.text(row.value, margin + labelWidth + pad, y + pad, { width: valueWidth - 2 * pad });
    y += h;
  });

  doc.fontSize(7 * s).fillColor("#555555");
  doc.text(CARD_LABELS.basis, margin, page.height - margin + 4 * s, {
    width,
    align: "center",
    lineBreak: false,
  });
  doc.end();
  return done;
}
