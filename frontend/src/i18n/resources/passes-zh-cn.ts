/** Texts of the city administrator's scheduled passes page (定期任务). */
export const passesZhCN = {
  title: "定期任务进度",
  hint: "每日复评到期检查、方法版本变更后的重新评估、季度隐患统计提醒和每晚统计对账在后台分段运行；中断后从检查点续跑，不会重复或遗漏。",
  kind: "任务",
  startedAt: "开始时间",
  progress: "分段进度",
  seen: "已检查",
  acted: "已处理",
  status: "状态",
  result: "结果",
  consistent: "统计与登记一致",
  drift: "{{count}} 项统计偏差",
  empty: "暂无定期任务记录",
  kinds: {
    "review-due": "复评到期检查",
    readiness: "应急预案与演练检查",
    reevaluation: "重新评估",
    "statistics-reminder": "隐患统计上报提醒",
    "stats-reconciliation": "统计对账",
  },
  statuses: {
    running: "运行中",
    done: "已完成",
  },
};
