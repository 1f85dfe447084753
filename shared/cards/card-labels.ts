/**
 * The printed words of the risk notification card (安全风险告知卡, domain.md §6), in Chinese as
 * posted at the workplace. The card font is subset to include every character here
 * (scripts/make-card-font.ts), so a label added here renders after the font is rebuilt.
 */
export const CARD_LABELS = {
  title: "安全风险告知卡",
  enterprise: "企业名称",
  source: "风险源名称",
  place: "所在场所/位置",
  level: "风险等级",
  hazards: "主要危险因素",
  accidentTypes: "可能导致的事故类型",
  consequences: "可能造成的后果",
  engineering: "工程技术措施",
  management: "管理措施",
  emergency: "应急处置措施",
  protectiveEquipment: "个体防护用品",
  safetySigns: "安全警示标志",
  responsible: "责任岗位/责任人",
  supervision: "属地监管/行业管理",
  phones: "应急电话",
  police: "报警",
  fire: "火警",
  medical: "急救",
  dutyPhone: "企业值班电话",
  report: "安全生产举报投诉",
  assessment: "评估日期/方法版本",
  ungraded: "尚未评估",
  none: "无",
  scan: "扫码查看风险源公开信息",
  basis: "依据《企业安全生产风险公告六条规定》（国家安全监管总局令第70号）",
} as const;

export type CardLabel = keyof typeof CARD_LABELS;

/** Every character the card's labels print, for the font subset. */
export const CARD_LABEL_TEXT = Object.values(CARD_LABELS).join("") + "版第页—；，。：、（）";
