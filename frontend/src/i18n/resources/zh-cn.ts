import { capabilityZhCN } from "./capability-zh-cn.ts";
import { cardsZhCN } from "./cards-zh-cn.ts";
import { enterprisePagesZhCN } from "./enterprise-pages-zh-cn.ts";
import { hiddenDangersZhCN } from "./hidden-dangers-zh-cn.ts";
import { locationPickerZhCN } from "./location-picker-zh-cn.ts";
import { notificationsZhCN } from "./notifications-zh-cn.ts";
import { passesZhCN } from "./passes-zh-cn.ts";
import { portalZhCN } from "./portal-zh-cn.ts";
import { publicReportsZhCN } from "./public-reports-zh-cn.ts";
import { readinessZhCN } from "./readiness-zh-cn.ts";
import { registryZhCN } from "./registry-zh-cn.ts";
import { reportsZhCN } from "./reports-zh-cn.ts";
import { tenancyZhCN } from "./tenancy-zh-cn.ts";
import type { Texts } from "./texts.ts";
import { warningsZhCN } from "./warnings-zh-cn.ts";
import { webhooksZhCN } from "./webhooks-zh-cn.ts";

/** Simplified Chinese texts — the default language; `en.ts` must carry the same keys. */
export const zhCN = {
  app: {
    productName: "城市安全风险云",
    productNameEn: "CityRisk",
    apiDocs: "接口文档",
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
    notifications: "通知偏好",
    localSms: "本地短信",
    riskMap: "风险地图",
    enterprises: "企业名录",
    auditTrail: "审计记录",
    enterpriseImports: "企业数据导入",
    organisation: "本单位",
    reports: "报表下载",
    passes: "定期任务",
    hiddenDangers: "隐患治理",
    publicReports: "公众举报",
    webhooks: "Webhook",
    emergencyResources: "应急资源",
    capability: "应急能力评估",
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
    place: "所在地区与行业",
    jurisdiction: "管辖范围",
    email: "邮箱",
    loading: "正在加载…",
  },
  health: {
    title: "服务状态",
    overall: "总体",
    ok: "正常",
    degraded: "降级",
    slow: "响应缓慢",
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
  map: {
    title: "风险电子地图",
    district: "区县",
    level: "风险等级",
    industry: "行业",
    shown: "{{district}}：显示 {{count}} 个风险源（点击查看详情）",
    pickDistrict: "点击地图上的区县，查看其风险源",
    truncated: "该区县风险源较多，仅显示前 {{limit}} 个；请按等级或行业筛选",
    boundaries: "区县边界为示意数据（源自 ECharts 4.9.0 北京地图），非审图号地图，仅供演示。",
  },
  forbidden: {
    title: "无权访问此页面",
    role: "您的角色（{{role}}）无权打开此页面，此页面供以下角色使用：{{allowed}}。",
    roleUnknown: "您的角色无权打开此页面。",
    server: "服务器拒绝了访问：{{reason}}",
    help: "如工作需要，请联系本单位管理员为您的账户分配相应角色。",
    back: "返回首页",
    previous: "返回上一页",
    separator: "、",
  },
  notFound: {
    title: "页面不存在",
    back: "返回首页",
  },
  registry: registryZhCN,
  tenancy: tenancyZhCN,
  warnings: warningsZhCN,
  hiddenDangers: hiddenDangersZhCN,
  publicReports: publicReportsZhCN,
  notifications: notificationsZhCN,
  readiness: readinessZhCN,
  capability: capabilityZhCN,
  cards: cardsZhCN,
  ...enterprisePagesZhCN,
  reports: reportsZhCN,
  passes: passesZhCN,
  portal: portalZhCN,
  locationPicker: locationPickerZhCN,
  webhooks: webhooksZhCN,
} as const;

/** The shape every language's resources must have. */
export type Messages = Texts<typeof zhCN>;
