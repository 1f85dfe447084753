import { afterEach, describe, expect, it, vi } from "vitest";
import { logger, metrics } from "./powertools.ts";

describe("metrics notices", () => {
  afterEach(() => vi.restoreAllMocks());

  it("flushes a request without metrics quietly: the notice is debug, not a warning", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const debug = vi.spyOn(logger, "debug").mockImplementation(() => undefined);
    metrics.publishStoredMetrics();
    expect(warn).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalledWith(
      expect.stringContaining("No application metrics to publish"),
    );
  });

  it("still warns about anything else, through the product's logger", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    metrics.addDimension("", "");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("doesn't meet the requirements"));
  });
});
