import { describe, expect, it } from "vitest";
import {
  computeAvailability,
  overlappingPatterns,
  type AvailabilityInput,
  type Slot,
} from "../../src/domain/availability";
import { offsetAt, wallClockToUtc } from "../../src/domain/timezone";
import { appDb, ownerDb } from "../support/db";
import { makeUser } from "../support/users";

const NY = "America/New_York";
const none = { patterns: [], overrides: [], busy: [] };
const slots = (input: Partial<AvailabilityInput> & Pick<AvailabilityInput, "from" | "to">) =>
  computeAvailability({ timezone: NY, ...none, ...input });
const weekends = [
  { day_of_week: 6, start_time: "09:00", end_time: "17:00" },
  { day_of_week: 0, start_time: "09:00", end_time: "17:00" },
];

describe("wall clock to UTC", () => {
  it("follows New York's offset on each side of the changes", () => {
    expect(offsetAt(NY, Date.parse("2027-03-13T12:00:00Z"))).toBe(-5 * 3_600_000);
    expect(offsetAt(NY, Date.parse("2027-03-15T12:00:00Z"))).toBe(-4 * 3_600_000);
    expect(new Date(wallClockToUtc(NY, "2027-03-14", 60)).toISOString()).toBe("2027-03-14T06:00:00.000Z");
    expect(new Date(wallClockToUtc(NY, "2027-03-14", 3 * 60)).toISOString()).toBe("2027-03-14T07:00:00.000Z");
  });

  it("reads a skipped time with the offset before the change, a repeated time as its second occurrence", () => {
    // 02:30 does not exist on 14 March 2027 in New York: it is read as 02:30 EST = 03:30 EDT.
    expect(new Date(wallClockToUtc(NY, "2027-03-14", 150)).toISOString()).toBe("2027-03-14T07:30:00.000Z");
    // 01:30 happens twice on 7 November 2027: the second time, 01:30 EST.
    expect(new Date(wallClockToUtc(NY, "2027-11-07", 90)).toISOString()).toBe("2027-11-07T06:30:00.000Z");
    // 24:00 is the next midnight.
    expect(new Date(wallClockToUtc(NY, "2027-11-06", 1440)).toISOString()).toBe("2027-11-07T04:00:00.000Z");
  });

  it("handles zones east of UTC and half-hour offsets", () => {
    expect(new Date(wallClockToUtc("Asia/Kolkata", "2027-01-10", 9 * 60)).toISOString()).toBe("2027-01-10T03:30:00.000Z");
    // Sydney leaves daylight time on 4 April 2027: 02:30 happens twice, the second at +10.
    expect(new Date(wallClockToUtc("Australia/Sydney", "2027-04-04", 150)).toISOString()).toBe("2027-04-03T16:30:00.000Z");
  });
});

describe("computeAvailability", () => {
  it("keeps a 09:00-17:00 pattern at 09:00-17:00 local across the March change", () => {
    expect(slots({ from: "2027-03-13", to: "2027-03-14", patterns: weekends })).toEqual([
      { start: "2027-03-13T14:00:00.000Z", end: "2027-03-13T22:00:00.000Z" },
      { start: "2027-03-14T13:00:00.000Z", end: "2027-03-14T21:00:00.000Z" },
    ]);
  });

  it("and across the November change", () => {
    expect(slots({ from: "2027-11-06", to: "2027-11-07", patterns: weekends })).toEqual([
      { start: "2027-11-06T13:00:00.000Z", end: "2027-11-06T21:00:00.000Z" },
      { start: "2027-11-07T14:00:00.000Z", end: "2027-11-07T22:00:00.000Z" },
    ]);
  });

  it("merges adjacent windows, also across midnight", () => {
    const patterns = [
      { day_of_week: 6, start_time: "20:00", end_time: "24:00" },
      { day_of_week: 0, start_time: "00:00", end_time: "02:00" },
      { day_of_week: 0, start_time: "02:00", end_time: "03:00" },
    ];
    expect(slots({ timezone: "UTC", from: "2027-01-02", to: "2027-01-03", patterns })).toEqual([
      { start: "2027-01-02T20:00:00.000Z", end: "2027-01-03T03:00:00.000Z" },
    ]);
  });

  it("a whole-day block removes the day, other days stay", () => {
    const result = slots({
      from: "2027-03-13",
      to: "2027-03-14",
      patterns: weekends,
      overrides: [{ date: "2027-03-13", start_time: null, end_time: null, is_blocked: true }],
    });
    expect(result).toEqual([{ start: "2027-03-14T13:00:00.000Z", end: "2027-03-14T21:00:00.000Z" }]);
  });

  it("an unblocking override adds time on a day without a pattern; a partial block cuts a hole", () => {
    const result = slots({
      from: "2027-03-13",
      to: "2027-03-15",
      patterns: weekends,
      overrides: [
        { date: "2027-03-15", start_time: "10:00", end_time: "12:00", is_blocked: false },
        { date: "2027-03-14", start_time: "12:00", end_time: "13:30", is_blocked: true },
      ],
    });
    expect(result).toEqual([
      { start: "2027-03-13T14:00:00.000Z", end: "2027-03-13T22:00:00.000Z" },
      { start: "2027-03-14T13:00:00.000Z", end: "2027-03-14T16:00:00.000Z" },
      { start: "2027-03-14T17:30:00.000Z", end: "2027-03-14T21:00:00.000Z" },
      { start: "2027-03-15T14:00:00.000Z", end: "2027-03-15T16:00:00.000Z" },
    ]);
  });

  it("takes busy periods out, even ones reaching past the window", () => {
    const result = slots({
      from: "2027-03-13",
      to: "2027-03-13",
      patterns: weekends,
      busy: [
        { start: "2027-03-13T13:00:00Z", end: "2027-03-13T15:00:00Z" },
        { start: "2027-03-13T18:00:00.000Z", end: "2027-03-13T19:00:00.000Z" },
      ],
    });
    expect(result).toEqual([
      { start: "2027-03-13T15:00:00.000Z", end: "2027-03-13T18:00:00.000Z" },
      { start: "2027-03-13T19:00:00.000Z", end: "2027-03-13T22:00:00.000Z" },
    ]);
  });

  it("only counts overrides inside the range", () => {
    const result = slots({
      from: "2027-03-13",
      to: "2027-03-13",
      overrides: [{ date: "2027-03-12", start_time: null, end_time: null, is_blocked: false }],
    });
    expect(result).toEqual([]);
  });

  it("a window inside the skipped hour, inverted by the change, is empty", () => {
    const patterns = [{ day_of_week: 0, start_time: "02:30", end_time: "03:15" }];
    expect(slots({ from: "2027-03-14", to: "2027-03-14", patterns })).toEqual([]);
    expect(slots({ from: "2027-03-21", to: "2027-03-21", patterns })).toEqual([
      { start: "2027-03-21T06:30:00.000Z", end: "2027-03-21T07:15:00.000Z" },
    ]);
  });
});

describe("overlappingPatterns", () => {
  it("finds overlaps on the same day only, touching windows are fine", () => {
    expect(
      overlappingPatterns([
        { day_of_week: 1, start_time: "09:00", end_time: "12:00" },
        { day_of_week: 1, start_time: "12:00", end_time: "13:00" },
        { day_of_week: 2, start_time: "11:00", end_time: "14:00" },
      ]),
    ).toEqual([]);
    expect(
      overlappingPatterns([
        { day_of_week: 1, start_time: "08:00", end_time: "18:00" },
        { day_of_week: 1, start_time: "10:00", end_time: "11:00" },
        { day_of_week: 1, start_time: "12:00", end_time: "13:00" },
      ]),
    ).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });
});

describe("user_available_during agrees with computeAvailability", () => {
  const patterns = [
    { day_of_week: 6, start_time: "17:00", end_time: "24:00" },
    { day_of_week: 0, start_time: "00:00", end_time: "01:30" },
    { day_of_week: 0, start_time: "02:15", end_time: "02:45" },
    { day_of_week: 0, start_time: "09:00", end_time: "12:00" },
    { day_of_week: 0, start_time: "12:00", end_time: "17:00" },
    { day_of_week: 1, start_time: "01:00", end_time: "01:45" },
  ];

  const overridesFor = (saturday: string, monday: string) => [
    { date: saturday, start_time: "19:00", end_time: "20:00", is_blocked: true },
    { date: monday, start_time: null, end_time: null, is_blocked: true },
    { date: monday, start_time: "06:00", end_time: "07:30", is_blocked: false },
  ];

  const inside = (list: Slot[], start: number, end: number) =>
    list.some((s) => Date.parse(s.start) <= start && end <= Date.parse(s.end));

  it.each([
    ["the March change", "2027-03-13", "2027-03-15"],
    ["the November change", "2027-11-06", "2027-11-08"],
    ["an ordinary weekend", "2027-05-15", "2027-05-17"],
  ])("on %s", async (_, saturday, monday) => {
    const { user } = await makeUser("INSTRUCTOR", { timezone: NY });
    const overrides = overridesFor(saturday, monday);
    await ownerDb().batch([
      {
        text: `INSERT INTO availability_patterns (user_id, day_of_week, start_time, end_time)
               SELECT $1, (p->>'day_of_week')::smallint, (p->>'start_time')::time, (p->>'end_time')::time
               FROM jsonb_array_elements($2::jsonb) p`,
        params: [user.id, JSON.stringify(patterns)],
      },
      {
        text: `INSERT INTO availability_overrides (user_id, date, start_time, end_time, is_blocked)
               SELECT $1, (o->>'date')::date, (o->>'start_time')::time, (o->>'end_time')::time, (o->>'is_blocked')::boolean
               FROM jsonb_array_elements($2::jsonb) o`,
        params: [user.id, JSON.stringify(overrides)],
      },
    ]);
    const computed = computeAvailability({ timezone: NY, from: saturday, to: monday, patterns, overrides, busy: [] });
    expect(computed.length).toBeGreaterThan(3);

    // Every quarter hour of the three days (and a margin), for 15, 45 and 120 minutes, plus
    // every slot exactly and one minute too long at either end.
    const probes: [number, number][] = [];
    const first = Date.parse(`${saturday}T00:00:00Z`);
    for (let t = first; t < first + 4 * 86_400_000; t += 15 * 60_000) {
      for (const minutes of [15, 45, 120]) probes.push([t, t + minutes * 60_000]);
    }
    for (const s of computed) {
      const [start, end] = [Date.parse(s.start), Date.parse(s.end)];
      probes.push([start, end], [start - 60_000, end], [start, end + 60_000]);
    }
    const answers = await appDb().query<{ ok: boolean }>(
      `SELECT user_available_during($1, p.starts, p.ends) AS ok
       FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS p(starts, ends, n)
       ORDER BY p.n`,
      [user.id, probes.map(([s]) => new Date(s).toISOString()), probes.map(([, e]) => new Date(e).toISOString())],
    );
    const disagreements = probes
      .map(([s, e], i) => ({ start: new Date(s).toISOString(), end: new Date(e).toISOString(), sql: answers[i]!.ok, js: inside(computed, s, e) }))
      .filter((p) => p.sql !== p.js);
    expect(disagreements).toEqual([]);
    expect(answers.some((a) => a.ok)).toBe(true);
  });

  it("is false for an unknown user and for an empty or reversed interval", async () => {
    const [row] = await appDb().query<{ unknown: boolean; empty: boolean; reversed: boolean }>(
      `SELECT user_available_during(gen_random_uuid(), now(), now() + interval '1 hour') AS unknown,
              user_available_during($1, now(), now()) AS empty,
              user_available_during($1, now(), now() - interval '1 hour') AS reversed`,
      [(await makeUser("INSTRUCTOR")).user.id],
    );
    expect(row).toEqual({ unknown: false, empty: false, reversed: false });
  });
});
