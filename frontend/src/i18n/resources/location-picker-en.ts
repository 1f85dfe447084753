import type { Messages } from "./zh-cn.ts";

/** English texts of the map location picker. */
export const locationPickerEn: Messages["locationPicker"] = {
  title: "Pick the location on the map",
  hint: "Click the map to set longitude and latitude (WGS-84), or type them in the fields.",
  mapLabel:
    "Map of Beijing's districts: click to set the location; keyboard users type longitude and latitude in the fields",
  picked: "Picked: longitude {{lon}}, latitude {{lat}}",
  outside: "That point is outside Beijing; pick again",
  lonRange: "Longitude must be between {{min}} and {{max}} (Beijing, WGS-84)",
  latRange: "Latitude must be between {{min}} and {{max}} (Beijing, WGS-84)",
  demo: "Demo boundaries, not an approved map",
};
