import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import { echarts } from "../../../map/echarts-setup.ts";

// The dashboard's bar and trend charts need these beside the map's parts (tree-shaken ECharts).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent]);
