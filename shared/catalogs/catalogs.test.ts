import { describe, expect, it } from "vitest";
import {
  AccidentTypeCatalogSchema,
  GB6441_1986,
  getAccidentTypeCatalog,
} from "./accident-types.ts";
import {
  BEIJING_BOUNDS,
  DISTRICTS,
  DistrictSchema,
  getDistrict,
  inBoundingBox,
} from "./districts.ts";
import { HAZARD_FACTOR_CATEGORIES, HazardFactorCategorySchema } from "./hazard-factors.ts";
import { getIndustry, INDUSTRIES, IndustrySchema } from "./industries.ts";

describe("districts", () => {
  it("lists the 16 GB/T 2260 districts of domain.md §9", () => {
    expect(DISTRICTS.map((d) => `${d.code} ${d.name.zh}`)).toEqual([
      "110101 东城区",
      "110102 西城区",
      "110105 朝阳区",
      "110106 丰台区",
      "110107 石景山区",
      "110108 海淀区",
      "110109 门头沟区",
      "110111 房山区",
      "110112 通州区",
      "110113 顺义区",
      "110114 昌平区",
      "110115 大兴区",
      "110116 怀柔区",
      "110117 平谷区",
      "110118 密云区",
      "110119 延庆区",
    ]);
    for (const d of DISTRICTS) expect(DistrictSchema.parse(d)).toEqual(d);
  });

  it("puts each centre inside its own box and each box inside Beijing", () => {
    for (const d of DISTRICTS) {
      expect(inBoundingBox(d.bbox, d.centre)).toBe(true);
      expect(d.bbox.west < d.bbox.east && d.bbox.south < d.bbox.north).toBe(true);
      expect(inBoundingBox(BEIJING_BOUNDS, { lon: d.bbox.west, lat: d.bbox.south })).toBe(true);
      expect(inBoundingBox(BEIJING_BOUNDS, { lon: d.bbox.east, lat: d.bbox.north })).toBe(true);
    }
  });

  it("finds a district by code", () => {
    expect(getDistrict("110108")?.name).toEqual({ zh: "海淀区", en: "Haidian District" });
    expect(getDistrict("110103")).toBeUndefined();
  });
});

describe("industries", () => {
  it("has unique kebab-case ids with the Chinese names of domain.md §9", () => {
    expect(new Set(INDUSTRIES.map((i) => i.id)).size).toBe(INDUSTRIES.length);
    for (const i of INDUSTRIES) expect(IndustrySchema.parse(i)).toEqual(i);
    expect(getIndustry("parks")?.name.zh).toBe("园林绿化（公园）");
    expect(getIndustry("confined-space")?.name.zh).toBe("有限空间作业");
    expect(INDUSTRIES).toHaveLength(19);
  });
});

describe("accident types", () => {
  it("is GB 6441-1986's 20 types, coded 01–20 in order, as a versioned catalog", () => {
    expect(AccidentTypeCatalogSchema.parse(GB6441_1986)).toEqual(GB6441_1986);
    expect(GB6441_1986.entries.map((e) => e.name.zh).join(" ")).toBe(
      "物体打击 车辆伤害 机械伤害 起重伤害 触电 淹溺 灼烫 火灾 高处坠落 坍塌 冒顶片帮 透水 放炮 火药爆炸 瓦斯爆炸 锅炉爆炸 容器爆炸 其他爆炸 中毒和窒息 其他伤害",
    );
    expect(GB6441_1986.entries.map((e) => e.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0")),
    );
    expect(getAccidentTypeCatalog("gb6441-1986", 1)).toBe(GB6441_1986);
    expect(getAccidentTypeCatalog("gb6441-1986", 2)).toBeUndefined();
  });
});

describe("hazard factor categories", () => {
  it("is the four GB/T 13861 categories", () => {
    expect(HAZARD_FACTOR_CATEGORIES.map((c) => `${c.code} ${c.name.zh}`)).toEqual([
      "1 人的因素",
      "2 物的因素",
      "3 环境因素",
      "4 管理因素",
    ]);
    for (const c of HAZARD_FACTOR_CATEGORIES)
      expect(HazardFactorCategorySchema.parse(c)).toEqual(c);
  });
});
