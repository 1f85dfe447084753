/**
 * Builds the font the risk notification card (安全风险告知卡) is set in: Noto Sans CJK SC
 * Regular (SIL OFL 1.1) cut down to the characters a card can need, so the card function ships
 * one small file instead of a 19 MB collection.
 *
 *   apt-get install -y fonts-noto-cjk          # gives NotoSansCJK-Regular.ttc
 *   npx tsx scripts/make-card-font.ts [path/to/NotoSansCJK-Regular.ttc]
 *
 * The set (7,145 characters, 1.09 MB of WOFF2): ASCII, GB 2312 rows 1–3 (CJK punctuation,
 * numbered forms, full-width ASCII), all 6,763 hanzi of GB 2312 levels 1 and 2, plus every
 * character of the card's own labels and of the catalogs it prints. A character outside it that
 * an enterprise types renders as the font's empty glyph (the PDF's text still carries it).
 *
 * Size: without layout closure and hinting (horizontal text needs neither the vertical forms
 * GSUB reaches nor CFF hints in a printed card) the set is 1.09 MB; with them, level 1 alone is
 * already 1.35 MB, and harfbuzz's wasm build fails on the full set. Output: WOFF2 (fontkit, which pdfkit
 * uses, reads it), written with its licence next to it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";
import { CARD_LABEL_TEXT } from "../shared/cards/card-labels.ts";
import { PROTECTIVE_MEASURE_TEXT } from "../shared/cards/protective-measures.ts";
import { GB6441_1986 } from "../shared/catalogs/accident-types.ts";
import { DISTRICTS } from "../shared/catalogs/districts.ts";
import { IDENTIFICATION_LISTS } from "../shared/catalogs/identification-lists/index.ts";
import { INDUSTRIES } from "../shared/catalogs/industries.ts";
import { LEVEL_INFO, LEVELS } from "../shared/methodology/levels.ts";

const SOURCE = process.argv[2] ?? "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const OUT = join(dirname(fileURLToPath(import.meta.url)), "../functions/cards/fonts");
/** Face of the collection to take: its Simplified Chinese one (JP, KR, SC, TC, HK order). */
const FAMILY = "Noto Sans CJK SC";

/** One face of a TrueType/OpenType collection as a stand-alone font (its tables copied out). */
export function faceOfCollection(collection: Buffer, familyName: string): Buffer {
  if (collection.toString("latin1", 0, 4) !== "ttcf") return collection;
  const count = collection.readUInt32BE(8);
  for (let i = 0; i < count; i++) {
    const face = extractFace(collection, collection.readUInt32BE(12 + 4 * i));
    if (face.toString("latin1").includes(familyName) || nameOf(face).includes(familyName)) {
      return face;
    }
  }
  throw new Error(`no face named ${familyName} in the collection`);
}

function extractFace(collection: Buffer, at: number): Buffer {
  const numTables = collection.readUInt16BE(at + 4);
  const header = Buffer.from(collection.subarray(at, at + 12 + 16 * numTables));
  const bodies: Buffer[] = [];
  let offset = header.length;
  for (let t = 0; t < numTables; t++) {
    const record = 12 + 16 * t;
    const from = collection.readUInt32BE(at + record + 8);
    const length = collection.readUInt32BE(at + record + 12);
    header.writeUInt32BE(offset, record + 8);
    const padded = Buffer.alloc((length + 3) & ~3);
    collection.copy(padded, 0, from, from + length);
    bodies.push(padded);
    offset += padded.length;
  }
  return Buffer.concat([header, ...bodies]);
}

/** The names of a face (UTF-16BE records of its `name` table), to find the SC face. */
function nameOf(face: Buffer): string {
  const numTables = face.readUInt16BE(4);
  for (let t = 0; t < numTables; t++) {
    const record = 12 + 16 * t;
    if (face.toString("latin1", record, record + 4) !== "name") continue;
    const table = face.readUInt32BE(record + 8);
    const count = face.readUInt16BE(table + 2);
    const strings = table + face.readUInt16BE(table + 4);
    const names: string[] = [];
    for (let n = 0; n < count; n++) {
      const r = table + 6 + 12 * n;
      const platform = face.readUInt16BE(r);
      const length = face.readUInt16BE(r + 8);
      const start = strings + face.readUInt16BE(r + 10);
      const raw = face.subarray(start, start + length);
      names.push(platform === 3 ? Buffer.from(raw).swap16().toString("utf16le") : raw.toString());
    }
    return names.join("\n");
  }
  return "";
}

/** GB 2312 characters of rows `first..last` (row 1 = byte 0xA1), decoded through Node's ICU. */
export function gb2312Rows(first: number, last: number): string {
  const decoder = new TextDecoder("gbk", { fatal: false });
  let text = "";
  for (let row = first; row <= last; row++) {
    for (let cell = 1; cell <= 94; cell++) {
      const ch = decoder.decode(Uint8Array.of(0xa0 + row, 0xa0 + cell));
      if (ch !== "\ufffd" && ch.length === 1) text += ch;
    }
  }
  return text;
}

export function cardCharacters(): string {
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
  // Rows 1–3: punctuation, numbered forms (①, ⑴, Ⅰ), full-width ASCII; kana, Greek, Cyrillic,
  // pinyin and box drawing (rows 4–9) are left out.
  const symbols = gb2312Rows(1, 3);
  // Levels 1 and 2 (rows 16–87): all 6,763 GB 2312 hanzi.
  const hanzi = gb2312Rows(16, 87);
  const catalogs = [
    ...GB6441_1986.entries.map((a) => a.name.zh),
    ...DISTRICTS.map((d) => d.name.zh),
    ...INDUSTRIES.map((i) => i.name.zh),
    ...LEVELS.map((l) => LEVEL_INFO[l].name.zh + LEVEL_INFO[l].colour.name.zh),
    CARD_LABEL_TEXT,
    PROTECTIVE_MEASURE_TEXT,
    "尚未评估（）",
    JSON.stringify(IDENTIFICATION_LISTS),
  ].join("");
  return [...new Set(ascii + symbols + hanzi + catalogs + "\u3000")].join("");
}

async function main(): Promise<void> {
  const face = faceOfCollection(readFileSync(SOURCE), FAMILY);
  const characters = cardCharacters();
  const font = await subsetFont(face, characters, {
    targetFormat: "woff2",
    noLayoutClosure: true,
    noHinting: true,
  });
  writeFileSync(join(OUT, "NotoSansCJKsc-card.woff2"), font);
  console.log(
    `${[...characters].length} characters → NotoSansCJKsc-card.woff2, ${(font.length / 1024).toFixed(0)} KiB`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
