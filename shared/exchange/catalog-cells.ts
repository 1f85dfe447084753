import { GB6441_1986 } from "../catalogs/accident-types.ts";
import { DISTRICTS } from "../catalogs/districts.ts";
import { HAZARD_FACTOR_CATEGORIES } from "../catalogs/hazard-factors.ts";
import { INDUSTRIES } from "../catalogs/industries.ts";
import { type Cell, splitList } from "./columns.ts";

/** Catalog entries are written by id or by Chinese name (codes too where the catalog has them). */
interface Entry {
  id: string;
  code?: string;
  name: { zh: string };
}

function lookup(entries: readonly Entry[]) {
  const byText = new Map<string, string>();
  for (const e of entries) {
    byText.set(e.id, e.id);
    byText.set(e.name.zh, e.id);
    if (e.code !== undefined) byText.set(e.code, e.id);
  }
  const names = new Map(entries.map((e) => [e.id, e.name.zh]));
  return {
    /** The id of a text, or the text itself so the schema lists the allowed values. */
    id: (text: string): string | undefined => {
      const t = text.trim();
      return t === "" ? undefined : (byText.get(t) ?? t);
    },
    ids: (text: string): string[] => splitList(text).map((t) => byText.get(t) ?? t),
    name: (value: unknown): Cell =>
      typeof value === "string" ? (names.get(value) ?? value) : null,
    names: (value: unknown): Cell =>
      Array.isArray(value) ? value.map((v) => names.get(String(v)) ?? String(v)).join("；") : null,
  };
}

/** GB 6441-1986 accident types: id, code 01–20 or Chinese name. */
export const accidentTypes = lookup(GB6441_1986.entries);
/** GB/T 13861 categories: id, code 1–4 or Chinese name. */
export const hazardFactors = lookup(HAZARD_FACTOR_CATEGORIES);
export const industries = lookup(INDUSTRIES);
/** Districts by GB/T 2260 code or Chinese name. */
export const districts = lookup(DISTRICTS.map((d) => ({ id: d.code, name: d.name })));
