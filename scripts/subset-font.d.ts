/** The part of `subset-font` (no published types) that scripts/make-card-font.ts uses. */
declare module "subset-font" {
  export interface SubsetFontOptions {
    targetFormat?: "sfnt" | "woff" | "woff2" | "truetype";
    /** Keep no glyphs reached only through GSUB/GPOS (vertical forms, alternates). */
    noLayoutClosure?: boolean;
    /** Drop hinting instructions (CFF hints, TrueType `fpgm`/`prep`). */
    noHinting?: boolean;
    preserveNameIds?: number[];
  }
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: SubsetFontOptions,
  ): Promise<Buffer>;
}
