import type { AccidentTypeId } from "../catalogs/accident-types.ts";

/**
 * Protective equipment (个体防护用品) and safety signs (安全警示标志, names as in GB 2894) a card
 * shows for each GB 6441-1986 accident type. A product default: the risk source records no such
 * lists, and the sign for a hazard follows from the accident it can cause. Every source gets the
 * union over its accident types, in catalog order.
 */
const BY_ACCIDENT_TYPE: Readonly<
  Record<AccidentTypeId, { equipment: readonly string[]; signs: readonly string[] }>
> = {
  "object-strike": { equipment: ["安全帽"], signs: ["当心落物", "必须戴安全帽"] },
  "vehicle-injury": { equipment: ["反光背心"], signs: ["当心车辆"] },
  "mechanical-injury": { equipment: ["防护手套", "防护眼镜"], signs: ["当心机械伤人"] },
  "lifting-injury": { equipment: ["安全帽"], signs: ["当心吊物", "禁止停留"] },
  "electric-shock": { equipment: ["绝缘手套", "绝缘鞋"], signs: ["当心触电"] },
  drowning: { equipment: ["救生衣"], signs: ["当心落水"] },
  "burn-scald": { equipment: ["隔热手套", "防护面罩"], signs: ["当心烫伤"] },
  fire: { equipment: ["防静电工作服"], signs: ["当心火灾", "禁止烟火"] },
  "fall-from-height": { equipment: ["安全带", "安全帽"], signs: ["当心坠落", "必须系安全带"] },
  collapse: { equipment: ["安全帽"], signs: ["当心塌方"] },
  "roof-fall": { equipment: ["安全帽"], signs: ["当心冒顶"] },
  "water-inrush": { equipment: ["救生衣"], signs: ["当心透水"] },
  blasting: { equipment: ["安全帽", "防护耳塞"], signs: ["当心爆炸"] },
  "explosive-explosion": { equipment: ["防静电工作服"], signs: ["当心爆炸", "禁止烟火"] },
  "firedamp-explosion": { equipment: ["自救器"], signs: ["当心爆炸", "禁止烟火"] },
  "boiler-explosion": { equipment: ["隔热手套"], signs: ["当心爆炸", "当心烫伤"] },
  "vessel-explosion": { equipment: ["防护面罩"], signs: ["当心爆炸"] },
  "other-explosion": { equipment: ["防静电工作服"], signs: ["当心爆炸", "禁止烟火"] },
  "poisoning-asphyxiation": {
    equipment: ["防毒面具", "正压式空气呼吸器"],
    signs: ["当心中毒", "当心窒息", "注意通风"],
  },
  "other-injury": { equipment: ["劳动防护用品"], signs: ["注意安全"] },
};

function unionOf(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

export function protectiveEquipmentFor(types: readonly AccidentTypeId[]): string[] {
  return unionOf(types.map((t) => BY_ACCIDENT_TYPE[t].equipment));
}

export function safetySignsFor(types: readonly AccidentTypeId[]): string[] {
  return unionOf(types.map((t) => BY_ACCIDENT_TYPE[t].signs));
}

/** Every word the table can print, for the card font's character set. */
export const PROTECTIVE_MEASURE_TEXT = Object.values(BY_ACCIDENT_TYPE)
  .flatMap((m) => [...m.equipment, ...m.signs])
  .join("");
