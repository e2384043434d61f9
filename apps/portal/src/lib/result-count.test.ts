import { describe, expect, it } from "vitest";
import { resultCount } from "./result-count.ts";

describe("resultCount", () => {
  it("is exact on the last page", () => {
    expect(resultCount({ page: 1, pageSize: 20, shown: 7, hasMore: false })).toEqual({
      first: 1,
      last: 7,
      total: 7,
    });
    expect(resultCount({ page: 3, pageSize: 20, shown: 5, hasMore: false })).toEqual({
      first: 41,
      last: 45,
      total: 45,
    });
  });

  it("says only the range while more results exist", () => {
    expect(resultCount({ page: 2, pageSize: 20, shown: 20, hasMore: true })).toEqual({
      first: 21,
      last: 40,
      total: null,
    });
  });

  it("counts nothing found as zero", () => {
    expect(resultCount({ page: 1, pageSize: 20, shown: 0, hasMore: false })).toEqual({
      first: 0,
      last: 0,
      total: 0,
    });
  });
});
