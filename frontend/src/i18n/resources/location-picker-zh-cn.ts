/** Texts of the map location picker (sign-up, risk-source registration). */
export const locationPickerZhCN = {
  title: "在地图上点选位置",
  hint: "点击地图设置经纬度（WGS-84），也可直接在经度、纬度框中输入。",
  mapLabel: "北京市分区地图：点击设置位置，键盘用户请在经度、纬度框中输入",
  picked: "已选位置：经度 {{lon}}，纬度 {{lat}}",
  outside: "所点位置不在北京市范围内，请重新选择",
  lonRange: "经度应在 {{min}} 至 {{max}} 之间（北京市范围，WGS-84）",
  latRange: "纬度应在 {{min}} 至 {{max}} 之间（北京市范围，WGS-84）",
  demo: "示意边界，非审图号地图",
};
