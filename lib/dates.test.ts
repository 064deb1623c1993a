import { describe, expect, it } from "vitest";
import { canonicalTimeZone, formatDate, formatDateTime, formatLongDate, formatLongDateTime, formatPeriodStart, localDate, startOfLocalDay } from "./dates";
import { timeZoneSchema } from "./validation/common";

// 23:30 UTC on 12 March is already 13 March in Amsterdam (UTC+1) and still 12 March in New York.
const NEAR_MIDNIGHT = new Date("2026-03-12T23:30:00Z");

describe("dates in the dojo's time zone", () => {
  it("shows a moment near midnight on the dojo's local day in every helper", () => {
    expect(formatDate(NEAR_MIDNIGHT, "Europe/Amsterdam")).toBe("13 Mar 2026");
    expect(formatLongDate(NEAR_MIDNIGHT, "Europe/Amsterdam")).toBe("13 March 2026");
    expect(formatDateTime(NEAR_MIDNIGHT, "Europe/Amsterdam")).toBe("13 Mar 2026, 00:30");
    expect(formatLongDateTime(NEAR_MIDNIGHT, "Europe/Amsterdam")).toBe("13 March at 00:30 CET");
    expect(localDate(NEAR_MIDNIGHT, "Europe/Amsterdam")).toBe("2026-03-13");

    expect(formatDate(NEAR_MIDNIGHT, "America/New_York")).toBe("12 Mar 2026");
    expect(formatLongDate(NEAR_MIDNIGHT, "America/New_York")).toBe("12 March 2026");
    expect(formatDateTime(NEAR_MIDNIGHT, "America/New_York")).toBe("12 Mar 2026, 19:30");
    expect(localDate(NEAR_MIDNIGHT, "America/New_York")).toBe("2026-03-12");

    expect(formatDate(NEAR_MIDNIGHT, "UTC")).toBe("12 Mar 2026");
    expect(formatDateTime(NEAR_MIDNIGHT, "UTC")).toBe("12 Mar 2026, 23:30");
  });

  it("keeps a calendar date on its day whatever the zone", () => {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Amsterdam", "UTC"]) {
      expect(formatDate("2026-03-12", zone)).toBe("12 Mar 2026");
      expect(formatLongDate("2026-03-12", zone)).toBe("12 March 2026");
    }
    expect(formatPeriodStart("2026-03-01", "month")).toBe("Mar 26");
    expect(formatPeriodStart("2026-03-09", "day")).toBe("9 Mar");
    expect(formatPeriodStart("2026-01-01", "year")).toBe("2026");
  });

  it("accepts IANA zone names only, in their canonical spelling", () => {
    expect(canonicalTimeZone("europe/amsterdam")).toBe("Europe/Amsterdam");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(timeZoneSchema.parse(" Asia/Tokyo ")).toBe("Asia/Tokyo");
    expect(timeZoneSchema.safeParse("Mars/Olympus_Mons").success).toBe(false);
    expect(timeZoneSchema.safeParse("").success).toBe(false);
  });

  it("finds the moment a local day begins, on DST days too", () => {
    expect(startOfLocalDay("2026-03-12", "Europe/Amsterdam").toISOString()).toBe("2026-03-11T23:00:00.000Z");
    expect(startOfLocalDay("2026-07-01", "Europe/Amsterdam").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfLocalDay("2026-03-29", "Europe/Amsterdam").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-12", "Pacific/Kiritimati").toISOString()).toBe("2026-03-11T10:00:00.000Z");
    expect(startOfLocalDay("2026-03-12", "UTC").toISOString()).toBe("2026-03-12T00:00:00.000Z");
  });
});
