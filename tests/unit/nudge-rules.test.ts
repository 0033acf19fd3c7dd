import { describe, expect, it } from "vitest";
import {
  digestWeekFresh,
  dueNudges,
  NUDGES_OFF,
  weekOf,
  type NudgeLink,
  type NudgeSettings,
} from "@/lib/onboarding/nudges";
import { helpRequestSchema, nudgeSettingsFormSchema } from "@/lib/validations/nudges";

/* The reminders' rules, pure, with a clock the test holds: which reminder is due when. */

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-11-02T09:00:00Z");
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * DAY + ms);

const ON: NudgeSettings = { unopenedDays: 3, unfinishedDays: 2, expiryWarning: true };
const sent = (over: Partial<NudgeLink> = {}): NudgeLink => ({
  createdAt: T0,
  expiresAt: at(7),
  usedAt: null,
  revokedAt: null,
  clientArchived: false,
  sentAt: T0,
  openedAt: null,
  hasAddress: true,
  reminded: [],
  ...over,
});

describe("the reminders due", () => {
  it("remind an unopened link after its delay, counted from the last send, and not a moment before", () => {
    expect(dueNudges(sent(), ON, at(3, -1))).toEqual([]);
    expect(dueNudges(sent(), ON, at(3))).toEqual(["unopened"]);
    // "Send again" two days in: the wait starts afresh.
    expect(dueNudges(sent({ sentAt: at(2) }), ON, at(4))).toEqual([]);
    expect(dueNudges(sent({ sentAt: at(2) }), ON, at(5))).toEqual(["unopened"]);
  });

  it("remind an opened, unfinished link after its delay from the first visit, never as unopened", () => {
    const opened = sent({ openedAt: at(1) });
    expect(dueNudges(opened, ON, at(3, -1))).toEqual([]);
    expect(dueNudges(opened, ON, at(3))).toEqual(["unfinished"]);
    expect(dueNudges(opened, ON, at(5))).toEqual(["unfinished"]);
  });

  it("send each kind once", () => {
    expect(dueNudges(sent({ reminded: ["unopened"] }), ON, at(4))).toEqual([]);
    // Opened after the first reminder: the second kind still comes, once.
    expect(dueNudges(sent({ reminded: ["unopened"], openedAt: at(4), expiresAt: at(14) }), ON, at(6, -1))).toEqual([]);
    expect(dueNudges(sent({ reminded: ["unopened"], openedAt: at(4), expiresAt: at(14) }), ON, at(6))).toEqual([
      "unfinished",
    ]);
    expect(
      dueNudges(sent({ reminded: ["unopened", "unfinished"], openedAt: at(4), expiresAt: at(14) }), ON, at(6)),
    ).toEqual([]);
  });

  it("send nothing for a link that no longer works: connected, revoked or replaced, expired, archived", () => {
    expect(dueNudges(sent({ usedAt: at(1) }), ON, at(6, -1))).toEqual([]);
    // A link replaced by a newer one is revoked by it.
    expect(dueNudges(sent({ revokedAt: at(1) }), ON, at(6, -1))).toEqual([]);
    expect(dueNudges(sent({ clientArchived: true }), ON, at(6, -1))).toEqual([]);
    expect(dueNudges(sent(), ON, at(7))).toEqual([]);
  });

  it("remind the client only about a link that was emailed and whose address is at hand", () => {
    expect(dueNudges(sent({ sentAt: null }), { ...ON, expiryWarning: false }, at(4))).toEqual([]);
    expect(dueNudges(sent({ hasAddress: false }), { ...ON, expiryWarning: false }, at(4))).toEqual([]);
    expect(dueNudges(sent({ hasAddress: false, openedAt: at(1) }), { ...ON, expiryWarning: false }, at(4))).toEqual([]);
  });

  it("warn the admins once the link's last day begins, and not about a one-day link", () => {
    const settings = { ...NUDGES_OFF, expiryWarning: true };
    expect(dueNudges(sent(), settings, at(6, -1))).toEqual([]);
    expect(dueNudges(sent(), settings, at(6))).toEqual(["expiring"]);
    expect(dueNudges(sent({ reminded: ["expiring"] }), settings, at(6, 1000))).toEqual([]);
    expect(dueNudges(sent({ expiresAt: at(1) }), settings, at(0, 1000))).toEqual([]);
    // The warning does not need the link to have been emailed (a copied link).
    expect(dueNudges(sent({ sentAt: null }), settings, at(6))).toEqual(["expiring"]);
  });

  it("send nothing that is turned off", () => {
    expect(dueNudges(sent(), NUDGES_OFF, at(6, 1000))).toEqual([]);
    expect(dueNudges(sent({ openedAt: at(1) }), { ...ON, unfinishedDays: null }, at(5))).toEqual([]);
  });

  it("count weeks from the Unix epoch", () => {
    expect(weekOf(new Date(0))).toBe(0);
    expect(weekOf(new Date(7 * DAY - 1))).toBe(0);
    expect(weekOf(new Date(7 * DAY))).toBe(1);
  });

  it("send a week's digests within a day of the week's start, never late", () => {
    const week = weekOf(T0);
    const start = new Date(week * 7 * DAY);
    expect(digestWeekFresh(week, start)).toBe(true);
    expect(digestWeekFresh(week, new Date(start.getTime() + DAY - 1))).toBe(true);
    expect(digestWeekFresh(week, new Date(start.getTime() + DAY))).toBe(false);
    expect(digestWeekFresh(week + 1, start)).toBe(false);
  });
});

describe("the reminder settings form", () => {
  const parse = (form: Record<string, string>) => nudgeSettingsFormSchema.safeParse(form);

  it("takes each reminder on with its delay, or off (its delay ignored)", () => {
    expect(parse({ unopenedOn: "on", unopenedDays: "3", unfinishedDays: "9", expiryWarning: "on" }).data).toEqual({
      unopenedDays: 3,
      unfinishedDays: null,
      expiryWarning: true,
    });
    expect(parse({}).data).toEqual(NUDGES_OFF);
  });

  it("says what is wrong with a delay, by field", () => {
    const errors = (form: Record<string, string>) =>
      parse(form).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(errors({ unopenedOn: "on", unopenedDays: "" })).toEqual([
      ["unopenedDays", "Enter after how many days to remind."],
    ]);
    for (const bad of ["0", "31", "2.5", "-1", "three", "1e1"])
      expect(errors({ unfinishedOn: "on", unfinishedDays: bad }), bad).toEqual([
        ["unfinishedDays", "Enter a whole number of days from 1 to 30."],
      ]);
    expect(errors({ expiryWarning: "yes" })?.[0]?.[0]).toBe("expiryWarning");
  });
});

describe("the help message", () => {
  it("is text a person typed, 3 to 1,000 characters once trimmed", () => {
    expect(helpRequestSchema.safeParse({ message: "  I cannot log in  " }).data).toEqual({
      message: "I cannot log in",
    });
    for (const message of ["", "  hi ", "x".repeat(1001), "a\u0000b c", "\ud800 half"])
      expect(helpRequestSchema.safeParse({ message }).success, JSON.stringify(message).slice(0, 20)).toBe(false);
  });
});
