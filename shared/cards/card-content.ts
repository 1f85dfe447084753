import { GB6441_1986, getAccidentTypeCatalog } from "../catalogs/accident-types.ts";
import { getDistrict } from "../catalogs/districts.ts";
import { HAZARD_FACTOR_CATEGORIES } from "../catalogs/hazard-factors.ts";
import { getIdentificationItem } from "../catalogs/identification-lists/index.ts";
import { getIndustry } from "../catalogs/industries.ts";
import { LEVEL_INFO, type Level } from "../methodology/levels.ts";
import type { RiskSource } from "../risk/risk-source.ts";
import { protectiveEquipmentFor, safetySignsFor } from "./protective-measures.ts";
import { PUBLIC_PHONES, type PublicRiskSource } from "./public-risk-source.ts";

/** Everything the printed card shows: the public part plus the enterprise's own contacts. */
export interface CardContent extends Omit<PublicRiskSource, "linkExpiresAt"> {
  /** 责任岗位 and 责任人 with the person's phone: printed, never on the public page. */
  responsible: string;
  /** The enterprise's duty line (its safety contact's phone). */
  dutyPhone: string;
}

/** Ungraded sources print grey: no level colour may be implied. */
const UNGRADED_COLOUR = "#8C8C8C";

function accidentTypeNames(source: RiskSource): string[] {
  const catalog =
    getAccidentTypeCatalog(source.accidentTypeCatalog.id, source.accidentTypeCatalog.version) ??
    GB6441_1986;
  return source.accidentTypes.map((id) => catalog.entries.find((e) => e.id === id)?.name.zh ?? id);
}

/** The identification list's consequences, else the source's description, else the accidents. */
function consequencesOf(source: RiskSource, accidents: readonly string[]): string {
  const item = source.identificationItemId
    ? getIdentificationItem(source.identificationItemId)
    : undefined;
  if (item) return item.item.consequences.text;
  if (source.description.trim()) return source.description.trim();
  return `可能发生${accidents.join("、")}，造成人员伤亡或财产损失`;
}

function levelOf(level: Level | null): { levelName: string; levelColour: string } {
  if (!level) return { levelName: "尚未评估", levelColour: UNGRADED_COLOUR };
  const info = LEVEL_INFO[level];
  return { levelName: `${info.name.zh}（${info.colour.name.zh}）`, levelColour: info.colour.hex };
}

/** What card and public page both show: pure, from the stored record and the enterprise's name. */
function sharedViewOf(
  source: RiskSource,
  enterpriseName: string,
): Omit<PublicRiskSource, "linkExpiresAt"> {
  const accidents = accidentTypeNames(source);
  const last = source.lastAssessment;
  return {
    enterpriseName,
    sourceName: source.name,
    place: source.place,
    district: getDistrict(source.supervision.district)?.name.zh ?? source.supervision.district,
    street: source.supervision.street,
    industry: getIndustry(source.industry)?.name.zh ?? source.industry,
    industryDepartment: source.supervision.industryDepartment,
    level: source.currentLevel,
    ...levelOf(source.currentLevel),
    hazardFactors: HAZARD_FACTOR_CATEGORIES.filter((c) => source.hazardFactors.includes(c.id)).map(
      (c) => c.name.zh,
    ),
    accidentTypes: accidents,
    consequences: consequencesOf(source, accidents),
    controls: {
      engineering: [...source.controls.engineering],
      management: [...source.controls.management],
      emergency: [...source.controls.emergency],
    },
    protectiveEquipment: protectiveEquipmentFor(source.accidentTypes),
    safetySigns: safetySignsFor(source.accidentTypes),
    publicPhones: { ...PUBLIC_PHONES },
    assessedOn: last ? last.gradedAt.slice(0, 10) : null,
    profile: last ? `${last.profileId} v${last.profileVersion}` : null,
  };
}

/** The public view of a source, with when the link it was opened by ends. */
export function publicViewOf(
  source: RiskSource,
  enterpriseName: string,
  linkExpiresAt: Date,
): PublicRiskSource {
  return { ...sharedViewOf(source, enterpriseName), linkExpiresAt: linkExpiresAt.toISOString() };
}

/** The printed card's content: the public view and the enterprise's responsible post and phones. */
export function cardContentOf(
  source: RiskSource,
  enterprise: { name: string; dutyPhone: string },
): CardContent {
  return {
    ...sharedViewOf(source, enterprise.name),
    responsible: `${source.responsiblePost}：${source.responsiblePerson.name} ${source.responsiblePerson.phone}`,
    dutyPhone: enterprise.dutyPhone,
  };
}
