import { readFileSync } from "node:fs";

/**
 * The card's font (Noto Sans CJK SC subset, SIL OFL 1.1; scripts/make-card-font.ts). It sits in
 * `fonts/` beside this module in the repository and beside the bundle on Lambda (the manifest's
 * `assets` copies the folder next to `index.mjs`), so one relative URL finds it in both.
 */
const FONT_URL = new URL("./fonts/NotoSansCJKsc-card.woff2", import.meta.url);

let font: Buffer | undefined;

/** Read once per container: 1.1 MB that every card embeds a subset of. */
export function cardFont(): Buffer {
  font ??= readFileSync(FONT_URL);
  return font;
}
