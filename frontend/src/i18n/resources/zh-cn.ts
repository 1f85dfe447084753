import { registryZhCN } from "./registry-zh-cn.ts";
import { tenancyZhCN } from "./tenancy-zh-cn.ts";
import { warningsZhCN } from "./warnings-zh-cn.ts";

/** Simplified Chinese texts — the default language; `en.ts` must carry the same keys. */
export const zhCN = {
  app: {
    productName: "城市安全风险云",
    productNameEn: "CityRisk",
    tagline: "城市安全风险分级管控与隐患排查治理平台",
  },
  nav: {
    home: "首页",
    riskSources: "风险源",
    reviews: "评估审核",
    approvals: "注册审批",
    users: "用户管理",
    delegations: "评估委托",
    integrators: "对接系统",
    supervisionChanges: "监管变更",
    warnings: "预警处置",
  },
  language: {
    label: "语言",
    zh: "中文",
    en: "English",
  },
  auth: {
    signInTitle: "登录",
    submit: "登录",
    signInFailed: "登录失败：{{detail}}",
    signOut: "退出登录",
    sessionExpired: "登录已过期，请重新登录",
    signedInAs: "当前用户",
  },
  home: {
    welcome: "欢迎，{{name}}",
    profileTitle: "账户信息",
    tenant: "所属单位",
    role: "角色",
    jurisdiction: "管辖范围",
    email: "邮箱",
    loading: "正在加载…",
  },
  health: {
    title: "服务状态",
    overall: "总体",
    ok: "正常",
    degraded: "降级",
    error: "异常",
    unknown: "未知",
    dynamodb: "数据库",
    s3: "对象存储",
  },
  levels: {
    names: {
      major: "重大风险",
      significant: "较大风险",
      general: "一般风险",
      low: "低风险",
    },
    title: "风险等级",
  },
  errors: {
    network: "网络异常，请稍后重试",
    requestFailed: "请求失败（{{status}}）",
    retry: "重试",
    loadFailed: "加载失败",
  },
  forbidden: {
    role: "您的角色无权打开此页面",
    back: "返回首页",
  },
  notFound: {
    title: "页面不存在",
    back: "返回首页",
  },
  registry: registryZhCN,
  tenancy: tenancyZhCN,
  warnings: warningsZhCN,
} as const;

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** The shape every language's resources must have. */
export type Messages = Texts<typeof zhCN>;
