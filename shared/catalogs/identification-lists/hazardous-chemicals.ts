import type { IdentificationList } from "./list-schema.ts";

/** Hazardous-chemical units: tank farms, chemical stores, loading, pipelines (domain.md §9). */
export const HAZARDOUS_CHEMICALS_LIST: IdentificationList = {
  id: "hazardous-chemicals",
  version: 1,
  name: { zh: "危险化学品单位风险源辨识建议清单", en: "Hazardous-chemical units" },
  industries: ["hazardous-chemicals"],
  accidentTypeCatalog: { id: "gb6441-1986", version: 1 },
  items: [
    {
      id: "hc-tank-farm",
      place: "储罐区",
      riskSource: "甲B、乙A类易燃液体储罐",
      criterion:
        "储存易燃液体的常压或内浮顶储罐；依据 GB 18218 辨识是否构成重大危险源，依据 GB 50160 核查防火间距与防火堤",
      consequences: {
        kinds: ["casualties", "economicLoss", "socialImpact", "environment"],
        text: "泄漏后遇点火源引发池火或蒸气云爆炸，可造成多人伤亡、重大财产损失和土壤、水体污染",
      },
      accidentTypes: ["fire", "other-explosion", "vessel-explosion", "poisoning-asphyxiation"],
      hazardFactors: ["material", "human", "management"],
      controls: {
        engineering: [
          "液位高高报警联锁切断进料",
          "可燃气体检测报警系统",
          "防火堤、事故池及雨污切换",
          "防雷防静电接地",
        ],
        management: [
          "重大危险源包保责任制",
          "罐区巡检及特殊作业票证管理",
          "储罐及安全附件定期检测",
        ],
        emergency: [
          "泡沫灭火系统与冷却喷淋",
          "储罐泄漏火灾专项应急预案及演练",
          "围油栏、吸附棉等应急物资",
        ],
      },
      suggestedLec: { L: 1, E: 6, C: 40 },
    },
    {
      id: "hc-chemical-store",
      place: "危险化学品仓库",
      riskSource: "甲、乙类危险化学品库房",
      criterion:
        "依据 GB 15603 分区、分类、分库储存；禁忌物料不得混存；库房耐火等级和防爆设施符合 GB 50016",
      consequences: {
        kinds: ["casualties", "economicLoss", "environment"],
        text: "禁忌物料混存或包装破损引发火灾、爆炸或有毒物质泄漏，造成人员中毒、伤亡",
      },
      accidentTypes: ["fire", "other-explosion", "poisoning-asphyxiation"],
      hazardFactors: ["material", "management"],
      controls: {
        engineering: ["防爆电气与机械通风", "温湿度及可燃、有毒气体监测", "防泄漏托盘与导流槽"],
        management: ["出入库台账与双人双锁", "禁忌物料配存表", "库管员持证上岗"],
        emergency: ["灭火器材与洗眼器、喷淋器", "泄漏处置工具箱", "仓库火灾中毒应急处置卡"],
      },
      suggestedLec: { L: 1, E: 6, C: 15 },
    },
    {
      id: "hc-loading-rack",
      place: "装卸站台",
      riskSource: "槽罐车装卸作业",
      criterion: "装卸易燃易爆或有毒液体；存在静电积聚、溢流、软管破裂、车辆溜车等情形",
      consequences: {
        kinds: ["casualties", "economicLoss", "environment"],
        text: "装卸过程泄漏引发火灾爆炸或中毒，车辆滑移造成挤压伤害",
      },
      accidentTypes: ["fire", "other-explosion", "poisoning-asphyxiation", "vehicle-injury"],
      hazardFactors: ["human", "material", "management"],
      controls: {
        engineering: ["静电接地报警器", "鹤管紧急切断阀与防溢流装置", "车辆防溜车止轮器"],
        management: ["装卸作业操作规程与全程监护", "车辆及驾押人员资质核验", "装卸软管定期检验"],
        emergency: ["站台消防水炮与灭火器", "泄漏收集与围堵物资", "装卸事故应急处置卡"],
      },
      suggestedLec: { L: 3, E: 6, C: 7 },
    },
    {
      id: "hc-pipeline",
      place: "工艺管廊",
      riskSource: "输送易燃、有毒介质的压力管道",
      criterion: "依据 TSG D7005 定期检验；关注腐蚀减薄、法兰及阀门泄漏、管廊碰撞",
      consequences: {
        kinds: ["casualties", "economicLoss", "environment"],
        text: "管道泄漏引发火灾、爆炸或中毒，造成装置停车",
      },
      accidentTypes: ["fire", "other-explosion", "poisoning-asphyxiation"],
      hazardFactors: ["material", "environment", "management"],
      controls: {
        engineering: ["管道防腐与阴极保护", "可燃、有毒气体检测报警", "紧急切断阀"],
        management: ["压力管道定期检验与测厚", "管廊巡检制度", "变更管理（MOC）"],
        emergency: ["带压堵漏器材", "管道泄漏专项应急预案"],
      },
      suggestedLec: { L: 1, E: 10, C: 15 },
    },
    {
      id: "hc-reactor",
      place: "生产装置",
      riskSource: "涉及重点监管危险化工工艺的反应釜",
      criterion: "列入《重点监管危险化工工艺目录》的工艺（如氧化、硝化、加氢）；反应失控、超温超压",
      consequences: {
        kinds: ["casualties", "economicLoss", "socialImpact", "environment"],
        text: "反应失控导致容器爆炸、火灾和有毒物料泄漏，可造成群死群伤",
      },
      accidentTypes: ["vessel-explosion", "fire", "poisoning-asphyxiation", "burn-scald"],
      hazardFactors: ["material", "human", "management"],
      controls: {
        engineering: [
          "DCS 控制与 SIS 安全仪表系统",
          "超温超压报警联锁及紧急泄放",
          "自动化控制改造",
        ],
        management: ["工艺操作规程与工艺卡片", "操作人员持证上岗", "HAZOP 分析与定期复核"],
        emergency: ["紧急停车程序", "装置区应急疏散与洗消设施", "专项应急预案及演练"],
      },
      suggestedLec: { L: 1, E: 10, C: 40 },
    },
    {
      id: "hc-gas-cylinders",
      place: "气瓶间",
      riskSource: "可燃、有毒气体钢瓶",
      criterion: "依据 TSG 23 气瓶安全技术规程；空瓶实瓶分区、防倾倒、可燃与助燃气体分开存放",
      consequences: {
        kinds: ["casualties", "economicLoss"],
        text: "气瓶泄漏或受热爆炸，造成中毒、火灾和物体打击",
      },
      accidentTypes: ["poisoning-asphyxiation", "other-explosion", "object-strike"],
      hazardFactors: ["material", "management"],
      controls: {
        engineering: ["防倾倒链条与气瓶柜", "气体泄漏报警与排风联锁"],
        management: ["气瓶定期检验与台账", "领用登记及专人管理"],
        emergency: ["正压式空气呼吸器", "气瓶泄漏应急处置卡"],
      },
      suggestedLec: { L: 1, E: 6, C: 7 },
    },
  ],
};
