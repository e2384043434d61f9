import { describe, expect, it } from "vitest";
import { layoutDisclosures } from "./disclosure-layout.ts";

const item = (code: string, categories: number[], entries: number) => ({
  code,
  categories,
  entries: Array.from({ length: entries }, (_, i) => ({ id: `${code}-${i}` })),
});

describe("layoutDisclosures", () => {
  const o1 = item("O1", [1], 1);
  const o2 = item("O2", [1], 0);
  const o11 = item("O11", [2, 3], 2);
  const o12 = item("O12", [2, 3], 0);
  const o20 = item("O20", [3], 0);
  const categories = [
    { number: 1, items: [o1, o2] },
    { number: 2, items: [o11, o12] },
    { number: 3, items: [o11, o12, o20] },
  ];

  it("leads with published items and folds missing ones, grouped by category", () => {
    const { published, missing, missingCount } = layoutDisclosures(categories);
    expect(published.map((g) => [g.category.number, g.items.map((i) => i.code)])).toEqual([
      [1, ["O1"]],
      [2, ["O11"]],
    ]);
    expect(missing.map((g) => [g.category.number, g.items.map((i) => i.code)])).toEqual([
      [1, ["O2"]],
      [2, ["O12"]],
      [3, ["O20"]],
    ]);
    expect(missingCount).toBe(3);
  });

  it("shows an item of two categories once, keeping both category numbers", () => {
    const { published, missing } = layoutDisclosures(categories);
    const all = [...published, ...missing].flatMap((g) => g.items);
    expect(all.filter((i) => i.code === "O11")).toHaveLength(1);
    expect(all.find((i) => i.code === "O11")?.categories).toEqual([2, 3]);
    expect(all).toHaveLength(5);
  });
});
