import { describe, expect, it } from "vitest";
import { crosswindLimit, crosswindOf } from "../../src/domain/crosswind";

const runway0927 = [{ name: "09", heading_deg: 90 }, { name: "27", heading_deg: 270 }];
const twoRunways = [...runway0927, { name: "04", heading_deg: 40 }, { name: "22", heading_deg: 220 }];

describe("crosswind on the best runway end", () => {
  it.each([
    ["wind 90° off the runway: all of it across", { direction: 0, speed_kt: 12 }, runway0927, 12, "09"],
    ["wind along the runway: none across", { direction: 270, speed_kt: 25 }, runway0927, 0, "27"],
    ["45° off: speed × sin 45°, rounded", { direction: 135, speed_kt: 20 }, runway0927, 14, "09"],
    ["the gust counts when forecast", { direction: 0, speed_kt: 10, gust_kt: 22 }, runway0927, 22, "09"],
    ["VRB counts its whole speed", { direction: "VRB" as const, speed_kt: 7 }, runway0927, 7, null],
    ["two runways: the better one", { direction: 30, speed_kt: 20 }, twoRunways, 3, "04"],
    ["calm: nothing across", { direction: 0, speed_kt: 0 }, runway0927, 0, null],
    ["only a downwind end recorded: the whole speed counts", { direction: 270, speed_kt: 15 }, [{ name: "09", heading_deg: 90 }], 15, null],
  ])("%s", (_name, wind, runways, across, runway) => {
    expect(crosswindOf(wind, runways)).toEqual({ crosswind_kt: across, runway });
  });

  it("says nothing without runways or without a wind", () => {
    expect(crosswindOf({ direction: 0, speed_kt: 12 }, [])).toBeNull();
    expect(crosswindOf({ direction: null, speed_kt: 12 }, runway0927)).toBeNull();
    expect(crosswindOf({ direction: 120, speed_kt: null }, runway0927)).toBeNull();
  });

  it("limits to the stricter of the level's and the aircraft's limit", () => {
    expect(crosswindLimit(10, 15)).toBe(10);
    expect(crosswindLimit(20, 15)).toBe(15);
    expect(crosswindLimit(null, 17)).toBe(17);
    expect(crosswindLimit(null, null)).toBeNull();
  });
});
