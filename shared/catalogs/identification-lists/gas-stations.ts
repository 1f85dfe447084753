import type { IdentificationList } from "./list-schema.ts";

/**
 * Fuel (gas) stations; the suggested LEC values of the first items are the worked example of
 * domain.md §3 (fire/explosion 3×10×15, vehicle injury 6×6×3, electrical 1×6×15, collapse
 * 1×0.5×40).
 */
export const GAS_STATIONS_LIST: IdentificationList = {
  id: "gas-stations",
  version: 1,
  name: { zh: "加油（加气）站风险源辨识建议清单", en: "Fuel and gas stations" },
  // 加油站 fall under hazardous chemicals (fuel) and commerce; 加气站 under the gas department.
  industries: ["hazardous-chemicals", "commerce", "gas"],
  accidentTypeCatalog: { id: "gb6441-1986", version: 1 },
  items: [
    {
      id: "gs-refuelling",
      place: "加油区",
      riskSource: "加油作业（加油机、油气回收系统）",
      criterion:
        "依据 GB 50156 汽车加油加气加氢站技术标准；加油时油气挥发，存在明火、静电、手机等点火源",
      consequences: {
        kinds: ["casualties", "economicLoss", "socialImpact"],
        text: "油气遇点火源引发火灾、爆炸，造成人员伤亡和站区损毁",
      },
      accidentTypes: ["fire", "other-explosion"],
      hazardFactors: ["human", "material", "management"],
      controls: {
        engineering: ["加油机紧急切断阀与拉断阀", "油气回收系统", "人体静电释放器"],
        management: ["站内严禁烟火及禁用手机", "加油员操作规程", "每班安全巡检"],
        emergency: ["灭火毯、推车式灭火器", "加油站火灾应急预案及每半年演练"],
      },
      suggestedLec: { L: 3, E: 10, C: 15 },
    },
    {
      id: "gs-tank-unloading",
      place: "油罐区",
      riskSource: "埋地油罐及卸油作业",
      criterion: "卸油时油气逸散、静电、溢油；双层罐渗漏检测和液位监测是否完好",
      consequences: {
        kinds: ["casualties", "economicLoss", "environment"],
        text: "卸油溢油或油罐渗漏引发火灾爆炸，污染土壤和地下水",
      },
      accidentTypes: ["fire", "other-explosion", "poisoning-asphyxiation"],
      hazardFactors: ["human", "material", "management"],
      controls: {
        engineering: ["液位仪及高液位报警", "卸油防溢阀与静电接地", "双层罐渗漏检测"],
        management: ["卸油作业全程监护", "油罐车静置 15 分钟后卸油", "油品计量及交接制度"],
        emergency: ["卸油口灭火器与消防沙", "溢油围堵物资"],
      },
      suggestedLec: { L: 1, E: 3, C: 40 },
    },
    {
      id: "gs-forecourt-traffic",
      place: "站区道路",
      riskSource: "进出站车辆",
      criterion: "车辆进出、倒车、排队加油，人车混行",
      consequences: { kinds: ["casualties"], text: "车辆碰撞、碾压加油员或顾客" },
      accidentTypes: ["vehicle-injury"],
      hazardFactors: ["human", "environment"],
      controls: {
        engineering: ["限速及导向标志", "防撞柱与加油岛护栏"],
        management: ["高峰时段专人疏导车辆", "加油员穿反光背心"],
        emergency: ["急救箱", "交通事故应急处置卡"],
      },
      suggestedLec: { L: 6, E: 6, C: 3 },
    },
    {
      id: "gs-electrical",
      place: "配电室及站内电气",
      riskSource: "配电设备与防爆电气",
      criterion: "依据 GB 50058 爆炸危险环境电力装置设计规范；防爆区内电气设备、线路完好",
      consequences: { kinds: ["casualties", "economicLoss"], text: "触电伤亡，电气火花引燃油气" },
      accidentTypes: ["electric-shock", "fire"],
      hazardFactors: ["material", "human"],
      controls: {
        engineering: ["防爆电气设备与密封接线", "漏电保护器"],
        management: ["电工持证作业", "防雷防静电年度检测"],
        emergency: ["绝缘救援工具", "触电急救培训"],
      },
      suggestedLec: { L: 1, E: 6, C: 15 },
    },
    {
      id: "gs-canopy",
      place: "罩棚",
      riskSource: "加油站钢结构罩棚",
      criterion: "积雪、大风荷载，钢结构锈蚀或连接松动",
      consequences: { kinds: ["casualties", "economicLoss"], text: "罩棚坍塌砸伤人员、损毁设备" },
      accidentTypes: ["collapse", "object-strike"],
      hazardFactors: ["material", "environment"],
      controls: {
        engineering: ["罩棚结构定期检测与防腐"],
        management: ["雨雪大风天气巡查及清雪"],
        emergency: ["恶劣天气停止营业预案"],
      },
      suggestedLec: { L: 1, E: 0.5, C: 40 },
    },
  ],
};
