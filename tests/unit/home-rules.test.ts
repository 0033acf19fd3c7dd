import { describe, expect, it } from "vitest";
import { activityFromAudit, activityFromLinkEvent, mergeActivity } from "@/lib/home/activity";
import { formatDuration, funnelSteps, median, weeklyBuckets } from "@/lib/home/funnel";
import { describeWhen, formatSpan, NEED_KINDS, needAction, rankNeeds, type Need } from "@/lib/home/needs";
import { parseFunnelPeriod } from "@/lib/validations/home";

const NOW = new Date("2026-11-21T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const need = (over: Partial<Need> & Pick<Need, "kind" | "key">): Need => ({
  clientId: "c1",
  clientName: "Acme",
  what: "something",
  at: ago(DAY),
  atIsStart: true,
  ...over,
});

describe("ranking what needs the agency", () => {
  it("puts kinds in their order of urgency, then the longest waiting first", () => {
    const ranked = rankNeeds(
      [
        need({ kind: "never_invited", key: "a", at: ago(30 * DAY) }),
        need({ kind: "number_down", key: "b", at: ago(HOUR) }),
        need({ kind: "number_down", key: "c", at: ago(5 * DAY) }),
        need({ kind: "signup_failed", key: "d" }),
      ],
      10,
    );
    expect(ranked.map((n) => n.key)).toEqual(["c", "b", "d", "a"]);
  });

  it("lists expiring links by the first to expire", () => {
    const ranked = rankNeeds(
      [
        need({ kind: "link_expiring", key: "late", due: new Date(NOW.getTime() + 40 * HOUR), at: ago(9 * DAY) }),
        need({ kind: "link_expiring", key: "soon", due: new Date(NOW.getTime() + 2 * HOUR), at: ago(DAY) }),
      ],
      10,
    );
    expect(ranked.map((n) => n.key)).toEqual(["soon", "late"]);
  });

  it("lists a link once, under its most urgent kind, and stops at the limit", () => {
    const ranked = rankNeeds(
      [
        need({ kind: "link_stalled", key: "link:1" }),
        need({ kind: "link_expiring", key: "link:1", due: new Date(NOW.getTime() + HOUR) }),
        need({ kind: "signup_failed", key: "link:1" }),
        need({ kind: "never_invited", key: "client:2" }),
        need({ kind: "never_invited", key: "client:3" }),
      ],
      2,
    );
    expect(ranked.map((n) => [n.kind, n.key])).toEqual([
      ["signup_failed", "link:1"],
      ["never_invited", "client:2"],
    ]);
  });

  it("gives every kind an action on an existing page, and viewers a look instead", () => {
    for (const kind of NEED_KINDS) {
      const action = needAction({ kind, clientId: "abc" }, true);
      expect(action.href).toMatch(/^\/clients\/abc(\/edit|#(links|whatsapp|plugin))$/);
      expect(action.label).not.toBe("");
      expect(needAction({ kind, clientId: "abc" }, false)).toMatchObject({ label: "See it" });
      expect(needAction({ kind, clientId: "abc" }, false).href).not.toContain("/edit");
    }
    expect(needAction({ kind: "never_invited", clientId: "abc" }, true)).toEqual({
      label: "Send a link",
      href: "/clients/abc#links",
    });
  });
});

describe("words for time", () => {
  it("says spans in their largest whole unit", () => {
    expect(formatSpan(30_000)).toBe("a moment");
    expect(formatSpan(60_000)).toBe("1 minute");
    expect(formatSpan(90 * 60_000)).toBe("90 minutes");
    expect(formatSpan(5 * HOUR)).toBe("5 hours");
    expect(formatSpan(47 * HOUR)).toBe("47 hours");
    expect(formatSpan(3 * DAY + HOUR)).toBe("3 days");
  });

  it("says since when, when it was reported, or when it expires", () => {
    expect(describeWhen({ at: ago(3 * DAY), atIsStart: true }, NOW)).toBe("for 3 days");
    expect(describeWhen({ at: ago(5 * HOUR), atIsStart: false }, NOW)).toBe("reported 5 hours ago");
    expect(describeWhen({ at: ago(DAY), atIsStart: true, due: new Date(NOW.getTime() + 20 * HOUR) }, NOW)).toBe(
      "expires in 20 hours",
    );
    expect(describeWhen({ at: ago(10_000), atIsStart: true }, NOW)).toBe("just now");
  });

  it("says durations in days and hours, or hours and minutes", () => {
    expect(formatDuration(20_000)).toBe("under a minute");
    expect(formatDuration(12 * 60_000)).toBe("12 minutes");
    expect(formatDuration(3 * HOUR)).toBe("3 hours");
    expect(formatDuration(3 * HOUR + 10 * 60_000)).toBe("3 hours 10 minutes");
    expect(formatDuration(2 * DAY + 4 * HOUR + 59 * 60_000)).toBe("2 days 4 hours");
    expect(formatDuration(DAY)).toBe("1 day");
  });
});

describe("the funnel's figures", () => {
  it("gives each step its share of the links sent and of the step before", () => {
    const steps = funnelSteps({ sent: 5, opened: 4, started: 3, connected: 2 });
    expect(steps.map((s) => [s.key, s.count, s.ofSent, s.fromPrevious])).toEqual([
      ["sent", 5, 100, null],
      ["opened", 4, 80, 80],
      ["started", 3, 60, 75],
      ["connected", 2, 40, 67],
    ]);
  });

  it("has no conversion from an empty step, and no share of nothing sent", () => {
    const steps = funnelSteps({ sent: 0, opened: 0, started: 0, connected: 0 });
    expect(steps.map((s) => [s.ofSent, s.fromPrevious])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
  });

  it("takes the median of odd and even counts", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("counts connections in weeks from the period's start, the last week cut at its end", () => {
    const from = new Date("2026-11-01T00:00:00Z");
    const to = new Date("2026-11-16T00:00:00Z");
    const weeks = weeklyBuckets(from, to, [
      new Date("2026-11-01T00:00:00Z"),
      new Date("2026-11-07T23:59:59Z"),
      new Date("2026-11-08T00:00:00Z"),
      new Date("2026-11-15T12:00:00Z"),
      new Date("2026-11-16T00:00:00Z"), // after the period
      new Date("2026-10-31T23:00:00Z"), // before it
    ]);
    expect(weeks.map((w) => [w.start.toISOString().slice(0, 10), w.end.toISOString().slice(0, 10), w.count])).toEqual([
      ["2026-11-01", "2026-11-08", 2],
      ["2026-11-08", "2026-11-15", 1],
      ["2026-11-15", "2026-11-16", 1],
    ]);
  });
});

describe("the funnel's period", () => {
  it("is the last 30 days by default, or a preset", () => {
    expect(parseFunnelPeriod({}, NOW)).toMatchObject({ days: 30, from: ago(30 * DAY), to: NOW, range: null });
    expect(parseFunnelPeriod({ period: "7" }, NOW)).toMatchObject({ days: 7, from: ago(7 * DAY) });
    expect(parseFunnelPeriod({ period: "12" }, NOW)).toMatchObject({ days: 30 });
    expect(parseFunnelPeriod({ period: ["90", "7"] }, NOW)).toMatchObject({ days: 90 });
  });

  it("takes a range of whole days, both included", () => {
    const period = parseFunnelPeriod({ from: "2026-03-01", to: "2026-03-31" }, NOW);
    expect(period).toMatchObject({ days: null, range: { from: "2026-03-01", to: "2026-03-31" } });
    expect(period.from.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(period.to.toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  it("falls back to the last 30 days, saying why, for a bad range", () => {
    expect(parseFunnelPeriod({ from: "2026-03-31", to: "2026-03-01" }, NOW)).toMatchObject({
      days: 30,
      error: "The start of the period is after its end.",
    });
    expect(parseFunnelPeriod({ from: "2020-01-01", to: "2026-01-01" }, NOW).error).toMatch(/at most 366 days/);
    expect(parseFunnelPeriod({ from: "2026-13-45", to: "2026-03-01" }, NOW).error).toBeTruthy();
    expect(parseFunnelPeriod({ from: "'; DROP TABLE", to: "x" }, NOW)).toMatchObject({ days: 30 });
  });
});

describe("recent activity", () => {
  const client = { id: "c1", name: "Acme" };
  it("words team changes and client events, with where to look", () => {
    const invite = activityFromAudit({
      id: "1",
      action: "team.invite",
      actorEmail: "owner@a.test",
      metadata: { email: "new@a.test", role: "ADMIN" },
      createdAt: NOW,
      client: null,
    });
    expect(invite).toMatchObject({ text: "new@a.test invited as admin", by: "owner@a.test", href: "/team" });
    const connected = activityFromAudit({
      id: "2",
      action: "link.connected",
      actorEmail: null,
      metadata: null,
      createdAt: NOW,
      client,
    });
    expect(connected).toMatchObject({ tone: "good", by: "The client", href: "/clients/c1" });
    const down = activityFromAudit({
      id: "3",
      action: "whatsapp.number_status_changed",
      actorEmail: null,
      metadata: { number: "+1 555", from: "CONNECTED", to: "FLAGGED" },
      createdAt: NOW,
      client,
    });
    expect(down).toMatchObject({ tone: "bad", by: "ChakraHQ", text: "+1 555 went from CONNECTED to FLAGGED" });
    const gone = activityFromAudit({
      id: "3b",
      action: "whatsapp.number_status_changed",
      actorEmail: null,
      metadata: { number: "+1 556", from: "CONNECTED", to: "GONE" },
      createdAt: NOW,
      client,
    });
    expect(gone).toMatchObject({ text: "+1 556 is no longer on the plugin (it was CONNECTED)" });
    const failed = activityFromLinkEvent({ id: "4", type: "FAILED", detail: "Meta said no.", createdAt: NOW, client });
    expect(failed).toMatchObject({ text: "Signup failed: Meta said no", href: "/clients/c1#links" });
  });

  it("merges both kinds newest first", () => {
    const a = activityFromLinkEvent({ id: "a", type: "FAILED", detail: null, createdAt: ago(HOUR), client });
    const b = activityFromLinkEvent({ id: "b", type: "UNCONFIRMED", detail: null, createdAt: ago(2 * HOUR), client });
    const c = activityFromLinkEvent({ id: "c", type: "FAILED", detail: null, createdAt: NOW, client });
    expect(mergeActivity([[a, b], [c]], 2).map((x) => x.id)).toEqual(["event:c", "event:a"]);
  });
});
