import { CARD_LABELS } from "../../../../shared/cards/card-labels.ts";

/** Texts of the risk notification card (安全风险告知卡) preview and its public page. */
export const cardsZhCN = {
  title: "安全风险告知卡",
  sizeA4: "A4（存档）",
  sizeSmall: "A5（岗位张贴）",
  download: "下载 PDF",
  open: "在新窗口打开",
  previewTitle: "安全风险告知卡预览",
  hint: "风险源或其评估等级变化后，告知卡自动重新生成；卡上二维码链接在复评到期一个月后失效。",
  loadFailed: "告知卡加载失败",
  publicTitle: "风险源公开信息",
  publicNote: "本页由安全风险告知卡二维码打开，仅显示风险源公开信息。",
  linkExpired: "该二维码链接已过期，请以现场张贴的最新告知卡为准。",
  linkInvalid: "二维码链接无效或风险源已不存在。",
  linkExpiresAt: "链接有效期至",
  // The card's own printed words (shared/cards/card-labels.ts), so page and PDF say the same.
  fields: {
    enterprise: CARD_LABELS.enterprise,
    place: CARD_LABELS.place,
    supervision: CARD_LABELS.supervision,
    industry: "行业",
    level: CARD_LABELS.level,
    hazards: CARD_LABELS.hazards,
    accidentTypes: CARD_LABELS.accidentTypes,
    consequences: CARD_LABELS.consequences,
    engineering: CARD_LABELS.engineering,
    management: CARD_LABELS.management,
    emergency: CARD_LABELS.emergency,
    protectiveEquipment: CARD_LABELS.protectiveEquipment,
    safetySigns: CARD_LABELS.safetySigns,
    phones: CARD_LABELS.phones,
    assessment: CARD_LABELS.assessment,
  },
  phones: "报警 {{police}}　火警 {{fire}}　急救 {{medical}}　安全生产举报投诉 {{report}}",
};
