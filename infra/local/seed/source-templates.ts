import type { AccidentTypeId } from "../../../shared/catalogs/accident-types.ts";
import type { HazardFactorId } from "../../../shared/catalogs/hazard-factors.ts";
import { identificationListsFor } from "../../../shared/catalogs/identification-lists/index.ts";
import type { IndustryId } from "../../../shared/catalogs/industries.ts";
import type { RiskControls } from "../../../shared/risk/risk-source.ts";

/** What a demo risk source is made from: an identification-list item or a generic hazard. */
export interface SourceTemplate {
  /** The identification-list item, when the source was identified from one. */
  identificationItemId?: string;
  name: string;
  place: string;
  description: string;
  accidentTypes: readonly AccidentTypeId[];
  hazardFactors: readonly HazardFactorId[];
  controls: RiskControls;
  /** Typical current LEC inputs, when known. */
  suggestedLec?: { L: number; E: number; C: number };
}

/** Hazards most units have whatever their trade (配电、消防、特种设备、车辆、有限空间…). */
const GENERIC: readonly SourceTemplate[] = [
  {
    name: "配电室及低压配电系统",
    place: "配电室",
    description: "变压器、低压配电柜及电缆，检修和巡检作业",
    accidentTypes: ["electric-shock", "fire"],
    hazardFactors: ["material", "human"],
    controls: {
      engineering: ["漏电保护装置", "绝缘垫与防护遮栏"],
      management: ["电工持证上岗", "停送电工作票制度"],
      emergency: ["绝缘救援工具", "配电室灭火器"],
    },
    suggestedLec: { L: 1, E: 6, C: 15 },
  },
  {
    name: "消防设施及疏散通道",
    place: "楼层公共区域",
    description: "人员密集时段的疏散通道、安全出口和消防设施",
    accidentTypes: ["fire"],
    hazardFactors: ["management", "environment"],
    controls: {
      engineering: ["自动喷水灭火系统", "火灾自动报警系统", "应急照明与疏散指示"],
      management: ["每日防火巡查", "消防控制室 24 小时值班"],
      emergency: ["灭火和应急疏散预案", "每半年疏散演练"],
    },
    suggestedLec: { L: 1, E: 6, C: 15 },
  },
  {
    name: "电梯及自动扶梯",
    place: "电梯机房及轿厢",
    description: "乘客电梯、货梯的运行与维保",
    accidentTypes: ["mechanical-injury", "fall-from-height"],
    hazardFactors: ["material", "management"],
    controls: {
      engineering: ["限速器与安全钳", "门锁回路监测"],
      management: ["特种设备定期检验", "维保单位每半月维保"],
      emergency: ["电梯困人应急预案", "应急救援电话公示"],
    },
    suggestedLec: { L: 1, E: 6, C: 7 },
  },
  {
    name: "燃气锅炉房",
    place: "锅炉房",
    description: "燃气热水或蒸汽锅炉的运行",
    accidentTypes: ["boiler-explosion", "fire", "poisoning-asphyxiation"],
    hazardFactors: ["material", "human", "management"],
    controls: {
      engineering: ["燃气泄漏报警与紧急切断", "安全阀与压力表定期校验"],
      management: ["司炉工持证上岗", "锅炉运行记录"],
      emergency: ["燃气泄漏处置预案"],
    },
    suggestedLec: { L: 1, E: 6, C: 40 },
  },
  {
    name: "厂区及停车场车辆行驶",
    place: "厂区道路及停车场",
    description: "车辆进出、装卸货及人车混行",
    accidentTypes: ["vehicle-injury"],
    hazardFactors: ["human", "environment"],
    controls: {
      engineering: ["限速标志与减速带", "人车分流隔离"],
      management: ["场内车辆管理制度"],
      emergency: ["急救箱"],
    },
    suggestedLec: { L: 3, E: 6, C: 3 },
  },
  {
    name: "高处作业及登高检修",
    place: "屋面及设备平台",
    description: "屋面、设备平台上的检修和清洁作业",
    accidentTypes: ["fall-from-height", "object-strike"],
    hazardFactors: ["human", "environment"],
    controls: {
      engineering: ["临边防护栏杆", "生命线与安全带挂点"],
      management: ["高处作业审批", "作业监护"],
      emergency: ["高处坠落应急处置卡"],
    },
    suggestedLec: { L: 3, E: 3, C: 15 },
  },
  {
    name: "仓库可燃物储存",
    place: "库房",
    description: "纸箱、塑料等可燃物品集中储存",
    accidentTypes: ["fire"],
    hazardFactors: ["material", "management"],
    controls: {
      engineering: ["库房自动喷淋", "防爆照明"],
      management: ["分区分类堆放，保持五距", "库房严禁烟火"],
      emergency: ["库房灭火器及消火栓"],
    },
    suggestedLec: { L: 1, E: 10, C: 7 },
  },
  {
    name: "机械加工设备",
    place: "生产车间",
    description: "冲压、切割、旋转设备的操作与维修",
    accidentTypes: ["mechanical-injury", "object-strike"],
    hazardFactors: ["material", "human"],
    controls: {
      engineering: ["防护罩与急停按钮", "双手操作装置"],
      management: ["设备操作规程", "上锁挂牌制度"],
      emergency: ["机械伤害急救培训"],
    },
    suggestedLec: { L: 3, E: 6, C: 7 },
  },
  {
    name: "员工食堂燃气灶具",
    place: "食堂厨房",
    description: "燃气灶具、排油烟管道与液化气瓶",
    accidentTypes: ["fire", "other-explosion", "burn-scald"],
    hazardFactors: ["material", "management"],
    controls: {
      engineering: ["燃气泄漏报警与自动切断", "灶台自动灭火装置"],
      management: ["烟道每季度清洗"],
      emergency: ["灭火毯与灭火器"],
    },
    suggestedLec: { L: 1, E: 6, C: 15 },
  },
  {
    name: "污水井及化粪池清掏",
    place: "污水井、化粪池",
    description: "有限空间清掏及检修作业",
    accidentTypes: ["poisoning-asphyxiation"],
    hazardFactors: ["environment", "management"],
    controls: {
      engineering: ["气体检测仪", "强制通风设备"],
      management: ["有限空间作业审批", "先通风、再检测、后作业"],
      emergency: ["正压式呼吸器与三脚架"],
    },
    suggestedLec: { L: 1, E: 2, C: 40 },
  },
];

/** Trade words for firm names, and which generic hazards fit the trade (by index in GENERIC). */
const TRADES: Readonly<
  Record<IndustryId, { trade: readonly string[]; generic: readonly number[] }>
> = {
  "hazardous-chemicals": { trade: ["化工", "石化", "化学品储运"], generic: [0, 1, 4, 6, 7] },
  gas: { trade: ["燃气", "加油站", "液化气供应"], generic: [0, 1, 3, 4, 9] },
  "water-supply": { trade: ["自来水", "水务"], generic: [0, 2, 5, 9] },
  "power-supply": { trade: ["供电", "电力工程"], generic: [0, 1, 5, 4] },
  heating: { trade: ["热力", "供暖"], generic: [0, 3, 5, 9] },
  "public-transport": { trade: ["公交客运", "轨道交通运营"], generic: [0, 1, 2, 4] },
  "road-transport": { trade: ["物流", "道路运输", "货运"], generic: [0, 1, 4, 6] },
  construction: { trade: ["建设工程", "建筑工程", "市政建设"], generic: [0, 4, 5] },
  municipal: { trade: ["市政设施管理", "环卫"], generic: [0, 4, 5, 9] },
  commerce: { trade: ["商业", "购物中心", "餐饮管理", "酒店管理"], generic: [0, 1, 2, 6, 8] },
  tourism: { trade: ["旅游开发", "景区管理"], generic: [0, 1, 4, 8] },
  culture: { trade: ["文化传媒", "剧院管理", "博物馆服务"], generic: [0, 1, 2] },
  sports: { trade: ["体育场馆", "体育文化"], generic: [0, 1, 2, 5] },
  parks: { trade: ["园林绿化", "公园管理"], generic: [0, 1, 4, 5] },
  industrial: { trade: ["机械制造", "电子科技", "食品加工", "新材料"], generic: [0, 1, 3, 6, 7] },
  education: { trade: ["教育科技", "培训学校"], generic: [0, 1, 2, 8] },
  health: { trade: ["医院管理", "医疗服务", "养老服务"], generic: [0, 1, 2, 3, 8] },
  "underground-space": { trade: ["地下空间运营", "停车管理"], generic: [0, 1, 4, 9] },
  "confined-space": { trade: ["管道疏通", "环境工程"], generic: [0, 4, 9] },
};

export function tradeWords(industry: IndustryId): readonly string[] {
  return TRADES[industry].trade;
}

/** The templates a unit of this industry draws its sources from: its list items first. */
export function templatesFor(industry: IndustryId): readonly SourceTemplate[] {
  const fromLists = identificationListsFor(industry).flatMap((list) =>
    list.items.map(
      (item): SourceTemplate => ({
        identificationItemId: item.id,
        name: item.riskSource,
        place: item.place,
        description: item.consequences.text,
        accidentTypes: item.accidentTypes,
        hazardFactors: item.hazardFactors,
        controls: item.controls,
        ...(item.suggestedLec ? { suggestedLec: item.suggestedLec } : {}),
      }),
    ),
  );
  const generic = TRADES[industry].generic.flatMap((i) => GENERIC[i] ?? []);
  return [...fromLists, ...generic];
}
