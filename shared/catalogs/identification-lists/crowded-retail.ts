import type { IdentificationList } from "./list-schema.ts";

/** Crowded retail (商场、超市): goods, wiring, crowds, atrium guardrails, escalators (domain.md §9). */
export const CROWDED_RETAIL_LIST: IdentificationList = {
  id: "crowded-retail",
  version: 1,
  name: { zh: "人员密集商场风险源辨识建议清单", en: "Crowded retail premises" },
  industries: ["commerce"],
  accidentTypeCatalog: { id: "gb6441-1986", version: 1 },
  items: [
    {
      id: "cr-combustible-goods",
      place: "营业区及库房",
      riskSource: "可燃商品集中堆放",
      criterion:
        "依据 GB 50016 建筑设计防火规范；商品堆放占用疏散通道、遮挡消防设施或超出防火分区要求",
      consequences: {
        kinds: ["casualties", "economicLoss", "socialImpact"],
        text: "火灾蔓延迅速，烟气导致人员中毒窒息，造成群死群伤",
      },
      accidentTypes: ["fire", "poisoning-asphyxiation"],
      hazardFactors: ["material", "management"],
      controls: {
        engineering: ["自动喷水灭火系统与火灾自动报警系统", "防火卷帘与排烟系统"],
        management: ["每日防火巡查", "疏散通道和安全出口保持畅通", "员工消防“四个能力”培训"],
        emergency: ["微型消防站", "灭火和应急疏散预案，每半年演练一次"],
      },
      suggestedLec: { L: 0.5, E: 10, C: 40 },
    },
    {
      id: "cr-electrical-wiring",
      place: "电气线路",
      riskSource: "临时用电、老化线路及大功率电器",
      criterion: "私拉乱接、线路老化、过载，商户使用大功率电器",
      consequences: { kinds: ["casualties", "economicLoss"], text: "电气火灾，触电伤害" },
      accidentTypes: ["fire", "electric-shock"],
      hazardFactors: ["material", "human", "management"],
      controls: {
        engineering: ["电气火灾监控系统", "漏电保护与过载保护"],
        management: ["商户用电审批与检查", "电气线路年度检测"],
        emergency: ["配电室灭火器材", "断电应急处置程序"],
      },
      suggestedLec: { L: 1, E: 10, C: 15 },
    },
    {
      id: "cr-crowd-events",
      place: "中庭及出入口",
      riskSource: "促销活动和节假日人员聚集",
      criterion: "人员密度超过疏散能力（按 GB 50016 核定疏散宽度和容纳人数），出入口、扶梯口拥堵",
      consequences: {
        kinds: ["casualties", "socialImpact"],
        text: "拥挤踩踏，造成群死群伤和恶劣社会影响",
      },
      accidentTypes: ["other-injury"],
      hazardFactors: ["human", "management", "environment"],
      controls: {
        engineering: ["客流计数与视频监控", "隔离护栏与单向通行设置"],
        management: ["大型促销活动安全评估与报备", "客流限流措施"],
        emergency: ["现场疏导人员与广播", "踩踏事故应急预案"],
      },
      suggestedLec: { L: 1, E: 3, C: 40 },
    },
    {
      id: "cr-atrium-guardrail",
      place: "中庭回廊",
      riskSource: "中庭及回廊临空护栏",
      criterion:
        "依据 GB 50352 民用建筑设计统一标准，临空护栏高度不低于 1.10 m，且能承受规定水平荷载",
      consequences: {
        kinds: ["casualties", "socialImpact"],
        text: "护栏松动或高度不足导致人员高处坠落",
      },
      accidentTypes: ["fall-from-height"],
      hazardFactors: ["material", "human"],
      controls: {
        engineering: ["护栏加高与玻璃护栏防坠落膜", "护栏旁禁止设置可攀爬物"],
        management: ["护栏定期检查与荷载检测", "儿童看护提示"],
        emergency: ["急救箱与 AED", "高处坠落应急处置卡"],
      },
      suggestedLec: { L: 1, E: 10, C: 15 },
    },
    {
      id: "cr-escalator",
      place: "自动扶梯",
      riskSource: "自动扶梯和自动人行道",
      criterion: "依据 GB 16899 与 TSG T7005 定期检验；梳齿板、扶手带、急停装置完好",
      consequences: { kinds: ["casualties", "socialImpact"], text: "夹伤、摔倒及逆转导致多人受伤" },
      accidentTypes: ["mechanical-injury", "other-injury"],
      hazardFactors: ["material", "human"],
      controls: {
        engineering: ["防逆转保护与急停按钮", "扶梯入口防夹毛刷"],
        management: ["特种设备定期检验与维保", "乘梯安全提示与引导"],
        emergency: ["电梯应急救援预案", "维保单位 30 分钟到场"],
      },
      suggestedLec: { L: 1, E: 10, C: 7 },
    },
    {
      id: "cr-restaurant-kitchen",
      place: "餐饮区厨房",
      riskSource: "燃气灶具及排油烟管道",
      criterion: "使用管道燃气或瓶装液化石油气；油烟管道油垢积聚，燃气泄漏报警缺失",
      consequences: { kinds: ["casualties", "economicLoss"], text: "燃气爆炸、油烟管道火灾" },
      accidentTypes: ["fire", "other-explosion", "burn-scald"],
      hazardFactors: ["material", "management"],
      controls: {
        engineering: ["燃气泄漏报警与紧急切断阀", "灶台自动灭火装置"],
        management: ["油烟管道定期清洗", "燃气设施日常检查"],
        emergency: ["灭火毯", "燃气泄漏应急处置卡"],
      },
      suggestedLec: { L: 1, E: 6, C: 15 },
    },
  ],
};
