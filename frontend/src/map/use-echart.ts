import { type RefObject, useEffect, useRef } from "react";
import { useReducedMotion } from "../theme/reduced-motion.ts";
import { echarts } from "./echarts-setup.ts";
import { type ChartOption, type Overlay, withOverlay } from "./overlay.ts";

type Chart = ReturnType<typeof echarts.init>;
type ClickParams = { componentType?: string; seriesType?: string; name?: string; data?: unknown };
/** A click anywhere on the canvas, in pixels of the container, with the chart to convert them. */
export type CanvasClick = (pixel: [number, number], chart: Chart) => void;

/**
 * One ECharts instance in a container: created on mount, given each new option (replacing the
 * series, so filtered-out points leave), resized with the container, disposed on unmount.
 * `overlay` is merged on top: switching it redraws its series only, not the thousands of points
 * under it, and a new option carries the overlay's series along, so they are kept as they are
 * rather than dropped by the replacement and drawn again.
 *
 * Options are drawn on ECharts' next frame (`lazyUpdate`), not inside React's commit, which
 * would add ECharts' update (it rebuilds every district of a geo component, whatever changed) to
 * the frame of the page's own render (bench `map`, filter frame).
 */
export function useEChart(
  container: RefObject<HTMLDivElement | null>,
  option: ChartOption,
  onClick: (params: ClickParams) => void,
  onCanvasClick?: CanvasClick,
  overlay?: Overlay,
): void {
  const chart = useRef<Chart | undefined>(undefined);
  const clicked = useRef(onClick);
  clicked.current = onClick;
  const canvasClicked = useRef(onCanvasClick);
  canvasClicked.current = onCanvasClick;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element);
    chart.current = instance;
    instance.on("click", (params) => clicked.current(params as ClickParams));
    // Series clicks miss the blank parts of the map; the location picker needs every click.
    instance.getZr().on("click", (event) => {
      canvasClicked.current?.([event.offsetX, event.offsetY], instance);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, [container]);

  const reducedMotion = useReducedMotion();
  useEffect(() => {
    chart.current?.setOption({ animation: !reducedMotion });
  }, [reducedMotion]);

  const overlaid = useRef(overlay);
  overlaid.current = overlay;
  useEffect(() => {
    chart.current?.setOption(withOverlay(option, overlaid.current), {
      replaceMerge: ["series"],
      lazyUpdate: true,
    });
  }, [option]);

  useEffect(() => {
    if (overlay) chart.current?.setOption(overlay, { lazyUpdate: true });
  }, [overlay]);
}
