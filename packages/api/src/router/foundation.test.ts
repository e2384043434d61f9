import { queryRows } from "@ita/db";
import { agencies, auditLog, itaResults } from "@ita/db/schema";
import { seedDemo } from "@ita/db/seed";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { handleTrpcRequest } from "../fetch-handler.ts";
import { createCaller } from "../index.ts";

const NOW = new Date("2026-11-22T03:00:00Z");

describeEachDriver("public and auth procedures", (use) => {
  beforeAll(async () => {
    await use().db.transaction((tx) => seedDemo(tx, NOW));
  });

  const anonymous = async () => createCaller(await createContext({ db: use().db, now: () => NOW }));

  it("lists agencies by province and district in Thai", async () => {
    const lamphun = await (await anonymous()).public.province({ slug: "lamphun" });
    expect(lamphun.nameTh).toBe("ลำพูน");
    const paSang = lamphun.districts.find((d) => d.nameTh === "ป่าซาง");
    expect(paSang!.types.flatMap((t) => t.agencies.map((a) => a.nameTh))).toContain(
      "องค์การบริหารส่วนตำบลท่าตุ้ม",
    );
  });

  it("shows an agency's disclosures by category with the inherited framework noted", async () => {
    const caller = await anonymous();
    const page = await caller.agency.disclosures({ slug: "lopburi-pao", fiscalYear: 2568 });
    expect(page.framework?.key).toBe("ita-2566");
    expect(page.framework?.inherited).toBe(true);
    expect(page.categories).toHaveLength(7);
    expect(page.completeness.required).toBe(43);
    expect(page.completeness.published).toBeGreaterThan(0);
    expect(page.completeness.published).toBeLessThanOrEqual(43);
    const own = await caller.agency.disclosures({ slug: "lopburi-pao", fiscalYear: 2566 });
    expect(own.framework?.inherited).toBe(false);
  });

  it("reads an agency's profile whole: place, executives in order, results by year as numbers", async () => {
    const { db } = use();
    const profile = await (await anonymous()).agency.bySlug({ slug: "lamphun" });
    const [stored] = await db.select().from(agencies).where(eq(agencies.slug, "lamphun"));
    expect(profile).toMatchObject({ id: stored!.id, slug: "lamphun", nameTh: stored!.nameTh });
    expect(profile.socialLinks).toEqual(stored!.socialLinks);
    expect(profile.createdAt).toBeInstanceOf(Date);
    expect(profile.province).toEqual({ slug: "lamphun", nameTh: "ลำพูน", nameEn: "Lamphun" });
    expect(profile.district?.nameTh).toBe("เมืองลำพูน");
    expect(profile.executives.map((e) => e.name)).toEqual(["ผู้บริหารตัวอย่าง", "ปลัดตัวอย่าง"]);
    const results = await db
      .select()
      .from(itaResults)
      .where(eq(itaResults.agencyId, stored!.id))
      .orderBy(asc(itaResults.fiscalYear));
    expect(results.length).toBeGreaterThan(0);
    expect(profile.results).toEqual(
      results.map(({ fiscalYear, iit, eit, oit, total, gradingScheme, grade, indicators }) => ({
        fiscalYear,
        iit,
        eit,
        oit,
        total,
        gradingScheme,
        grade,
        indicators,
      })),
    );
    expect(typeof profile.results[0]!.total).toBe("number");
  });

  it("lists the fiscal years with something public, newest first, the current one always", async () => {
    const page = await (
      await anonymous()
    ).agency.disclosures({ slug: "lamphun", fiscalYear: 2566 });
    const years = await queryRows<{ fy: number }>(
      use().db,
      sql`select distinct fiscal_year as fy from search_documents
          where agency_id = (select id from agencies where slug = 'lamphun')`,
    );
    const expected = [...new Set([...years.map((y) => y.fy), currentFiscalYear(NOW)])];
    expect(page.availableYears).toEqual(expected.sort((a, b) => b - a));
    expect(page.availableYears.length).toBeGreaterThan(1);
  });

  it("answers an unknown agency with NOT_FOUND and bad input with Thai field errors", async () => {
    const caller = await anonymous();
    await expect(caller.agency.bySlug({ slug: "no-such-agency" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      caller.agency.disclosures({ slug: "lamphun", fiscalYear: 2024 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("signs in with the right password only, sets an HttpOnly cookie and audits both", async () => {
    const { db } = use();
    const user = await createUser(db, { password: "a-long-enough-password" });
    const headers = new Headers();
    const req = new Request("http://localhost:4321/api/trpc/auth.signIn", { method: "POST" });
    const caller = createCaller(await createContext({ db, req, resHeaders: headers }));
    await expect(
      caller.auth.signIn({ email: user.email, password: "wrong-password-123" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(headers.get("set-cookie")).toBeNull();
    const result = await caller.auth.signIn({
      email: user.email.toUpperCase(),
      password: "a-long-enough-password",
    });
    expect(result.user?.id).toBe(user.id);
    expect(headers.get("set-cookie")).toMatch(
      /^ita_session=[a-z2-7]+\.[a-z2-7]+; HttpOnly; SameSite=Lax; Path=\//,
    );
    const actions = (await db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.sign_in_failed", "auth.sign_in"]));
  });

  it("refuses cross-site mutations over HTTP", async () => {
    const res = await handleTrpcRequest(
      new Request("http://localhost:4321/api/trpc/auth.signOut", {
        method: "POST",
        headers: { "sec-fetch-site": "cross-site" },
      }),
      { db: use().db },
    );
    expect(res.status).toBe(403);
  });

  it("serves queries over HTTP with no-store caching", async () => {
    const res = await handleTrpcRequest(
      new Request("http://localhost:4321/api/trpc/framework.list"),
      { db: use().db },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { result: { data: { json: { key: string }[] } } };
    expect(body.result.data.json.map((f) => f.key)).toContain("ita-2566");
  });
});
