import { type DistrictCode, getDistrict } from "../../../shared/catalogs/districts.ts";
import type { Location } from "../../../shared/risk/common.ts";
import { USCC_CHARSET, usccCheckCharacter } from "../../../shared/risk/uscc.ts";
import type { Prng } from "./prng.ts";

/** A few real streets and towns (街道/乡镇) of each district, enough to spread the demo data. */
export const DEMO_STREETS: Readonly<Record<DistrictCode, readonly string[]>> = {
  "110101": [
    "东华门街道",
    "景山街道",
    "交道口街道",
    "安定门街道",
    "东直门街道",
    "和平里街道",
    "天坛街道",
  ],
  "110102": [
    "西长安街街道",
    "新街口街道",
    "月坛街道",
    "展览路街道",
    "德胜街道",
    "金融街街道",
    "椿树街道",
  ],
  "110105": [
    "建外街道",
    "朝外街道",
    "呼家楼街道",
    "三里屯街道",
    "望京街道",
    "酒仙桥街道",
    "潘家园街道",
    "劲松街道",
  ],
  "110106": ["丰台街道", "右安门街道", "方庄街道", "卢沟桥街道", "新村街道", "长辛店镇", "王佐镇"],
  "110107": ["八宝山街道", "老山街道", "八角街道", "古城街道", "苹果园街道", "鲁谷街道"],
  "110108": [
    "中关村街道",
    "海淀街道",
    "万寿路街道",
    "学院路街道",
    "清河街道",
    "上地街道",
    "西三旗街道",
    "温泉镇",
  ],
  "110109": ["大峪街道", "城子街道", "东辛房街道", "永定镇", "龙泉镇", "潭柘寺镇", "军庄镇"],
  "110111": ["城关街道", "良乡镇", "长阳镇", "窦店镇", "琉璃河镇", "阎村镇", "青龙湖镇"],
  "110112": [
    "北苑街道",
    "新华街道",
    "中仓街道",
    "玉桥街道",
    "永顺镇",
    "梨园镇",
    "宋庄镇",
    "马驹桥镇",
  ],
  "110113": ["胜利街道", "光明街道", "石园街道", "仁和镇", "后沙峪镇", "天竺镇", "杨镇"],
  "110114": ["城北街道", "城南街道", "回龙观街道", "天通苑北街道", "沙河镇", "南口镇", "小汤山镇"],
  "110115": ["兴丰街道", "林校路街道", "清源街道", "亦庄镇", "黄村镇", "西红门镇", "旧宫镇"],
  "110116": ["泉河街道", "龙山街道", "怀柔镇", "雁栖镇", "杨宋镇", "桥梓镇"],
  "110117": ["滨河街道", "兴谷街道", "平谷镇", "马坊镇", "金海湖镇", "峪口镇"],
  "110118": ["鼓楼街道", "果园街道", "檀营地区", "溪翁庄镇", "西田各庄镇", "十里堡镇"],
  "110119": ["儒林街道", "百泉街道", "香水园街道", "延庆镇", "康庄镇", "八达岭镇"],
};

/**
 * How the demo enterprises spread over the districts: the central and inner suburban districts
 * hold most units, the outer ones fewer (roughly as Beijing's registered units do).
 */
export const DISTRICT_WEIGHTS: readonly (readonly [DistrictCode, number])[] = [
  ["110101", 5],
  ["110102", 6],
  ["110105", 16],
  ["110106", 9],
  ["110107", 3],
  ["110108", 14],
  ["110109", 2],
  ["110111", 5],
  ["110112", 7],
  ["110113", 6],
  ["110114", 8],
  ["110115", 8],
  ["110116", 3],
  ["110117", 2],
  ["110118", 3],
  ["110119", 3],
];

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * A point inside the district's bounding box, clustered around its seat (districts' boxes are
 * rough and overlap; the seat is the one point known to be in the district).
 */
export function pointInDistrict(prng: Prng, code: DistrictCode): Location {
  const district = getDistrict(code);
  if (!district) throw new Error(`unknown district ${code}`);
  const { bbox, centre } = district;
  const spreadLon = (bbox.east - bbox.west) / 6;
  const spreadLat = (bbox.north - bbox.south) / 6;
  return {
    lon: round6(clamp(centre.lon + prng.normal() * spreadLon, bbox.west, bbox.east)),
    lat: round6(clamp(centre.lat + prng.normal() * spreadLat, bbox.south, bbox.north)),
  };
}

/** A point a few hundred metres from `origin`, kept inside the district's box. */
export function nearby(prng: Prng, origin: Location, code: DistrictCode): Location {
  const district = getDistrict(code);
  if (!district) throw new Error(`unknown district ${code}`);
  const { bbox } = district;
  return {
    lon: round6(clamp(origin.lon + (prng.next() - 0.5) * 0.006, bbox.west, bbox.east)),
    lat: round6(clamp(origin.lat + (prng.next() - 0.5) * 0.004, bbox.south, bbox.north)),
  };
}

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌海燕鹏飞宇浩晨晓东雪梅玉兰峰";

export function personName(prng: Prng): string {
  const surname = prng.pick([...SURNAMES]);
  const given = prng.chance(0.7)
    ? `${prng.pick([...GIVEN])}${prng.pick([...GIVEN])}`
    : prng.pick([...GIVEN]);
  return `${surname}${given}`;
}

export function mobile(prng: Prng): string {
  const prefix = prng.pick([
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "158",
    "186",
    "188",
    "189",
  ]);
  return `${prefix}${String(prng.int(0, 99_999_999)).padStart(8, "0")}`;
}

export function landline(prng: Prng): string {
  return `010-${prng.int(6, 8)}${String(prng.int(0, 9_999_999)).padStart(7, "0")}`;
}

const BRAND = "京华恒兴盛安达鑫源泰宏昌福瑞祥和嘉诚信德康永隆通远翔宇弘晟润丰佳鸿";

/** A plausible firm name: 北京 + a two-character brand + what it does + a legal form. */
export function firmName(prng: Prng, trade: string, index: number): string {
  const brand = `${prng.pick([...BRAND])}${prng.pick([...BRAND])}`;
  const form = prng.weighted([
    ["有限公司", 6],
    ["有限责任公司", 3],
    ["股份有限公司", 1],
  ] as const);
  // The index keeps names unique without looking generated.
  const branch = index % 7 === 0 ? `第${(index % 9) + 1}分公司` : "";
  return `北京${brand}${trade}${form}${branch}`;
}

/**
 * A unified social credit code: 91 (enterprise registered with market regulation), the district
 * code, a nine-character organisation code (index-based, so codes never collide) and the
 * GB 32100-2015 check character.
 */
export function demoUscc(prng: Prng, district: DistrictCode, index: number): string {
  let org = "";
  for (let i = 0; i < 4; i++) org += prng.pick([...USCC_CHARSET]);
  let n = index;
  let tail = "";
  for (let i = 0; i < 5; i++) {
    tail = (USCC_CHARSET[n % 31] ?? "0") + tail;
    n = Math.floor(n / 31);
  }
  const first17 = `91${district}${org}${tail}`;
  return `${first17}${usccCheckCharacter(first17) ?? ""}`;
}
