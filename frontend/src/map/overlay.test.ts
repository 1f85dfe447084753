import { describe, expect, it } from "vitest";
import { withOverlay } from "./overlay.ts";

describe("withOverlay", () => {
  const layer = { series: [{ id: "resources", data: [1] }] };

  it("puts the overlay's series after the option's own, the rest of the option kept", () => {
    const option = { geo: { map: "beijing" }, series: [{ id: "sources-major" }] };
    expect(withOverlay(option, layer)).toEqual({
      geo: { map: "beijing" },
      series: [{ id: "sources-major" }, { id: "resources", data: [1] }],
    });
  });

  it("takes a single series or none as well", () => {
    expect(withOverlay({ series: { id: "one" } }, layer).series).toEqual([
      { id: "one" },
      { id: "resources", data: [1] },
    ]);
    expect(withOverlay({}, layer).series).toEqual([{ id: "resources", data: [1] }]);
  });

  it("gives the option unchanged without an overlay", () => {
    const option = { series: [{ id: "a" }] };
    expect(withOverlay(option, undefined)).toBe(option);
  });
});
