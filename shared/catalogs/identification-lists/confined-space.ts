import type { IdentificationList } from "./list-schema.ts";

/** Confined-space work (有限空间作业): sewers, tanks, utility tunnels, silos, pump pits. */
export const CONFINED_SPACE_LIST: IdentificationList = {
  id: "confined-space",
  version: 1,
  name: { zh: "有限空间作业风险源辨识建议清单", en: "Confined-space work" },
  industries: ["confined-space", "municipal", "industrial"],
  accidentTypeCatalog: { id: "gb6441-1986", version: 1 },
  items: [
    {
      id: "cf-sewer",
      place: "污水井、化粪池",
      riskSource: "污水井、化粪池及排水管道作业",
      criterion:
        "依据《工贸企业有限空间作业安全规定》（应急管理部令第13号）；可能存在硫化氢、缺氧环境",
      consequences: {
        kinds: ["casualties", "socialImpact"],
        text: "中毒窒息，盲目施救导致伤亡扩大",
      },
      accidentTypes: ["poisoning-asphyxiation", "drowning"],
      hazardFactors: ["environment", "human", "management"],
      controls: {
        engineering: ["机械通风", "气体检测报警仪", "三脚架与安全绳"],
        management: ["“先通风、再检测、后作业”", "作业审批与专人监护"],
        emergency: ["正压式空气呼吸器", "有限空间救援预案，严禁盲目施救"],
      },
      suggestedLec: { L: 1, E: 3, C: 40 },
    },
    {
      id: "cf-tank-cleaning",
      place: "储罐、反应釜内部",
      riskSource: "罐内清洗、检修作业",
      criterion: "罐内残留易燃、有毒介质；与工艺系统隔离、置换是否彻底",
      consequences: { kinds: ["casualties", "economicLoss"], text: "中毒窒息、闪爆" },
      accidentTypes: ["poisoning-asphyxiation", "fire", "other-explosion"],
      hazardFactors: ["material", "human", "management"],
      controls: {
        engineering: ["盲板隔离与置换通风", "防爆照明与工具"],
        management: ["受限空间作业票", "连续气体检测"],
        emergency: ["救援三脚架与呼吸器", "罐内作业应急处置卡"],
      },
      suggestedLec: { L: 1, E: 2, C: 40 },
    },
    {
      id: "cf-utility-tunnel",
      place: "地下综合管廊、电缆隧道",
      riskSource: "管廊巡检与维修",
      criterion: "通风不良，可能积聚有害气体；带电电缆",
      consequences: { kinds: ["casualties"], text: "中毒窒息、触电" },
      accidentTypes: ["poisoning-asphyxiation", "electric-shock"],
      hazardFactors: ["environment", "material"],
      controls: {
        engineering: ["环境与设备监控系统", "强制通风"],
        management: ["进入登记与双人作业", "停电验电挂牌"],
        emergency: ["便携式气体检测仪", "管廊应急疏散预案"],
      },
      suggestedLec: { L: 1, E: 3, C: 15 },
    },
    {
      id: "cf-silo",
      place: "料仓、粮仓",
      riskSource: "清仓作业",
      criterion: "物料结拱塌落埋压；粉尘爆炸；熏蒸后残留有毒气体",
      consequences: { kinds: ["casualties", "economicLoss"], text: "埋压窒息、粉尘爆炸" },
      accidentTypes: ["poisoning-asphyxiation", "other-explosion", "collapse"],
      hazardFactors: ["material", "human"],
      controls: {
        engineering: ["破拱装置", "粉尘浓度监测与防爆电气"],
        management: ["禁止在物料上方站立作业", "作业审批与监护"],
        emergency: ["安全带与救援绳", "埋压救援预案"],
      },
      suggestedLec: { L: 0.5, E: 2, C: 40 },
    },
    {
      id: "cf-pump-pit",
      place: "地下泵房、集水井",
      riskSource: "泵房及集水井检修",
      criterion: "积水、缺氧，电气设备潮湿",
      consequences: { kinds: ["casualties"], text: "中毒窒息、淹溺、触电" },
      accidentTypes: ["poisoning-asphyxiation", "drowning", "electric-shock"],
      hazardFactors: ["environment", "material"],
      controls: {
        engineering: ["通风设施", "防水电气与漏电保护"],
        management: ["作业前检测", "停电挂牌"],
        emergency: ["排水设备", "救援器材"],
      },
      suggestedLec: { L: 1, E: 3, C: 15 },
    },
  ],
};
