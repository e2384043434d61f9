import { describe, expect, it } from "vitest";
import {
  cellState,
  furthestBehindFirst,
  pageOf,
  progressOf,
  READINESS_LABELS,
  READINESS_STATES,
  reviewIsCurrent,
  sumProgress,
  type CellFacts,
} from "./readiness.ts";

const cell = (over: Partial<CellFacts> = {}): CellFacts => ({
  publishedVersionIds: [],
  review: null,
  deadline: "2023-01-31",
  ...over,
});

describe("a readiness cell", () => {
  it("is missing until the deadline day has passed, then overdue", () => {
    expect(cellState(cell(), "2023-01-30")).toBe("missing");
    expect(cellState(cell(), "2023-01-31")).toBe("missing");
    expect(cellState(cell(), "2023-02-01")).toBe("overdue");
  });

  it("is never overdue without a deadline (a province without a plan)", () => {
    expect(cellState(cell({ deadline: null }), "2030-01-01")).toBe("missing");
  });

  it("is published (to review) until reviewed, then ok or needs-fix", () => {
    expect(cellState(cell({ publishedVersionIds: ["v1"] }), "2023-03-01")).toBe("published");
    expect(
      cellState(
        cell({ publishedVersionIds: ["v1"], review: { verdict: "ok", versionIds: ["v1"] } }),
        "2023-03-01",
      ),
    ).toBe("reviewed-ok");
    expect(
      cellState(
        cell({
          publishedVersionIds: ["v1"],
          review: { verdict: "needs-fix", versionIds: ["v1"] },
        }),
        "2023-01-01",
      ),
    ).toBe("needs-fix");
  });

  it("returns to review when a new version is published after the review", () => {
    const review = { verdict: "needs-fix" as const, versionIds: ["v1"] };
    expect(reviewIsCurrent(review, ["v2"])).toBe(false);
    expect(cellState(cell({ publishedVersionIds: ["v2"], review }), "2023-03-01")).toBe(
      "published",
    );
    // A second public entry (another month) is news too.
    expect(
      cellState(
        cell({ publishedVersionIds: ["v1", "w1"], review: { ...review, verdict: "ok" } }),
        "2023-03-01",
      ),
    ).toBe("published");
    // One of two reviewed entries withdrawn: what is left was reviewed.
    expect(reviewIsCurrent({ verdict: "ok", versionIds: ["v1", "w1"] }, ["w1"])).toBe(true);
  });

  it("is missing or overdue again when everything was withdrawn, whatever the review said", () => {
    const review = { verdict: "ok" as const, versionIds: ["v1"] };
    expect(cellState(cell({ review }), "2023-03-01")).toBe("overdue");
  });

  it("has a Thai and an English label for every state", () => {
    for (const s of READINESS_STATES) {
      expect(READINESS_LABELS[s].th).toMatch(/[ก-๙]/);
      expect(READINESS_LABELS[s].en).toMatch(/[A-Za-z]/);
    }
  });
});

describe("progress", () => {
  it("counts each state; the percent is published and not needing a fix, rounded down", () => {
    const p = progressOf([
      "reviewed-ok",
      "published",
      "needs-fix",
      "missing",
      "overdue",
      "overdue",
    ]);
    expect(p).toEqual({
      total: 6,
      published: 3,
      reviewedOk: 1,
      toReview: 1,
      needsFix: 1,
      missing: 1,
      overdue: 2,
      percent: 33,
    });
    // 42 of 43 is 97 %, not 98 %.
    expect(progressOf([...Array<"published">(42).fill("published"), "missing"]).percent).toBe(97);
    expect(progressOf([]).percent).toBe(0);
  });

  it("sums agencies into the province's figures", () => {
    const a = progressOf(["reviewed-ok", "missing"]);
    const b = progressOf(["published", "published", "overdue", "needs-fix"]);
    const all = sumProgress([a, b]);
    expect(all.total).toBe(6);
    expect(all.published).toBe(4);
    expect(all.overdue).toBe(1);
    expect(all.percent).toBe(50);
    expect(sumProgress([]).percent).toBe(0);
  });

  it("puts the furthest behind first: lowest percent, then most overdue, then most to fix, then name", () => {
    const row = (nameTh: string, states: Parameters<typeof progressOf>[0]) => ({
      nameTh,
      progress: progressOf(states),
    });
    const sorted = furthestBehindFirst([
      row("เทศบาลตำบลก", ["reviewed-ok", "reviewed-ok"]),
      row("เทศบาลตำบลข", ["missing", "missing"]),
      row("เทศบาลตำบลค", ["overdue", "missing"]),
      row("เทศบาลตำบลง", ["overdue", "needs-fix"]),
      row("เทศบาลตำบลจ", ["published", "missing"]),
    ]);
    expect(sorted.map((r) => r.nameTh)).toEqual([
      "เทศบาลตำบลง",
      "เทศบาลตำบลค",
      "เทศบาลตำบลข",
      "เทศบาลตำบลจ",
      "เทศบาลตำบลก",
    ]);
  });
});

describe("pageOf", () => {
  const rows = Array.from({ length: 7 }, (_, i) => i + 1);

  it("cuts an ordered list into pages that continue each other", () => {
    expect(pageOf(rows, 1, 3)).toEqual({
      rows: [1, 2, 3],
      page: 1,
      pageSize: 3,
      pageCount: 3,
      total: 7,
      first: 1,
      last: 3,
    });
    expect(pageOf(rows, 3, 3)).toMatchObject({ rows: [7], first: 7, last: 7 });
  });

  it("shows the last page for a page past the end and the first for nonsense", () => {
    expect(pageOf(rows, 9, 3)).toMatchObject({ page: 3, rows: [7] });
    expect(pageOf(rows, 0, 3)).toMatchObject({ page: 1, rows: [1, 2, 3] });
  });

  it("has one empty page for no rows", () => {
    expect(pageOf([], 2, 50)).toEqual({
      rows: [],
      page: 1,
      pageSize: 50,
      pageCount: 1,
      total: 0,
      first: 0,
      last: 0,
    });
  });
});
