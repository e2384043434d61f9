import { createAgency, describeEachDriver } from "@ita/db/testing";
import { describe, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { createCaller } from "../index.ts";
import { cachedPerDatabase, forgetCachedQueries, preparedPerDatabase } from "./db-cache.ts";

describe("cachedPerDatabase", () => {
  it("shares one load per handle until forgotten, and never keeps a failed one", async () => {
    let loads = 0;
    let fail = false;
    const value = cachedPerDatabase(60_000, async (_db: object) => {
      loads++;
      if (fail) throw new Error("down");
      return loads;
    });
    const [a, b] = [{}, {}];
    expect(await Promise.all([value(a), value(a)])).toEqual([1, 1]);
    expect(await value(b)).toBe(2);
    forgetCachedQueries();
    fail = true;
    await expect(value(a)).rejects.toThrow("down");
    fail = false;
    expect(await value(a)).toBe(4);
  });

  it("forget() drops its own values only; forgetCachedQueries drops every cache's", async () => {
    let mine = 0;
    let other = 0;
    const own = cachedPerDatabase(60_000, async (_db: object) => ++mine);
    const another = cachedPerDatabase(60_000, async (_db: object) => ++other);
    const db = {};
    expect([await own(db), await another(db)]).toEqual([1, 1]);
    own.forget();
    expect([await own(db), await another(db)]).toEqual([2, 1]);
    forgetCachedQueries();
    expect([await own(db), await another(db)]).toEqual([3, 2]);
  });

  it("runs a loader's thenable (a drizzle query) once, however often it is awaited", async () => {
    let runs = 0;
    // Like a drizzle query: not a promise, executed anew by every then().
    const query = {
      then<R>(resolve: (v: number) => R) {
        runs++;
        return Promise.resolve(resolve(runs));
      },
    };
    const value = cachedPerDatabase(60_000, (_db: object) => query as unknown as Promise<number>);
    const db = {};
    expect([await value(db), await value(db), await value(db)]).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
  });
});

describe("preparedPerDatabase", () => {
  it("builds a query once per handle", () => {
    const builds: object[] = [];
    const query = preparedPerDatabase((db: object) => {
      builds.push(db);
      return { db };
    });
    const [a, b] = [{}, {}];
    expect(query(a)).toBe(query(a));
    expect(query(b).db).toBe(b);
    expect(builds).toEqual([a, b]);
  });
});

describeEachDriver("the cached province list", (use) => {
  it("counts a new agency once cached queries are forgotten (as every public change does)", async () => {
    const { db } = use();
    const caller = createCaller(await createContext({ db }));
    const agency = await createAgency(db);
    const before = await caller.public.provinces();
    await createAgency(db, { provinceId: agency.provinceId });
    expect(await caller.public.provinces()).toEqual(before);
    forgetCachedQueries();
    const after = await caller.public.provinces();
    const count = (list: typeof before) =>
      list.find((p) => p.slug === before.find((q) => q.agencyCount === 1)!.slug)?.agencyCount;
    expect(count(before)).toBe(1);
    expect(count(after)).toBe(2);
  });
});
