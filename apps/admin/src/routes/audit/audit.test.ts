import type { RouterOutputs } from "@ita/api";
import { describe, expect, it, vi } from "vitest";
import { goto } from "$app/navigation";
import { press, render, settle, type } from "../../test/render.ts";
import { load } from "./+page.ts";
import AuditPage from "./+page.svelte";

const api = vi.hoisted(() => ({ me: vi.fn(), mine: vi.fn(), list: vi.fn() }));
vi.mock("#lib/api.ts", () => ({
  api: {
    auth: { me: { query: api.me } },
    agencyAdmin: { mine: { query: api.mine } },
    audit: { list: { query: api.list } },
  },
}));

// Typed as the API answers, so a field the page reads cannot be missing here.
const agency = (
  id: string,
  nameTh: string,
  roles: RouterOutputs["agencyAdmin"]["mine"][number]["roles"],
) => ({
  id,
  slug: id,
  nameTh,
  nameEn: null,
  provinceTh: "ลำพูน",
  roles,
});
const agencies: RouterOutputs["agencyAdmin"]["mine"] = [
  agency("a-reader", "อบต. ก", ["editor"]),
  agency("a-admin", "เทศบาล ข", ["agency-admin", "approver"]),
];
const row = (id: number): RouterOutputs["audit"]["list"]["rows"][number] => ({
  id,
  at: new Date("2026-11-01T03:00:00Z"),
  actorId: null,
  actorLabel: "admin@example.go.th",
  ip: null,
  userAgent: null,
  action: "agency.profile_updated",
  targetType: "agency",
  targetId: "a-admin",
  agencyId: "a-admin",
  before: null,
  after: null,
});
const event = (href: string) => ({ url: new URL(href, "http://localhost") }) as never;
type Data = Awaited<ReturnType<typeof load>> & object;

describe("audit load", () => {
  it("an agency administrator reads the first agency they administer, and only those", async () => {
    api.me.mockResolvedValue({ isSystemAdmin: false });
    api.mine.mockResolvedValue(agencies);
    api.list.mockResolvedValue({ rows: [row(1)], nextBefore: null });
    const data = (await load(event("/admin/audit"))) as Data;
    expect(api.list).toHaveBeenLastCalledWith({ agencyId: "a-admin" });
    expect(data.agencies.map((a: { id: string }) => a.id)).toEqual(["a-admin"]);
    expect(data.filters.agencyId).toBe("a-admin");
  });

  it("reads the filters from the URL, days in Thai time", async () => {
    api.me.mockResolvedValue({ isSystemAdmin: true });
    api.mine.mockResolvedValue(agencies);
    api.list.mockResolvedValue({ rows: [], nextBefore: null });
    await load(event("/admin/audit?action=entry.&from=2026-11-01&to=2026-11-30"));
    expect(api.list).toHaveBeenLastCalledWith({
      action: "entry.",
      from: new Date("2026-10-31T17:00:00Z"),
      to: new Date("2026-11-30T16:59:59Z"),
    });
  });
});

describe("audit page", () => {
  const filters = { agencyId: "", action: "", actor: "", from: "", to: "" };
  const page = () =>
    render(AuditPage, {
      data: {
        filters,
        agencies,
        isSystemAdmin: true,
        page: { rows: [row(3), row(2)], nextBefore: 2 },
        loadError: null,
      },
      params: {},
    });

  it("a search is a link: only the filled filters go into the URL", () => {
    const root = page();
    type(root.querySelector("#f-action"), "agency.");
    root.querySelector("form")!.requestSubmit();
    expect(goto).toHaveBeenLastCalledWith("/admin/audit?action=agency.", { reset: false });
  });

  it("'show more' appends the next page, from where the first one ended", async () => {
    api.list.mockResolvedValue({ rows: [row(1)], nextBefore: null });
    const root = page();
    press(root, "แสดงเพิ่มเติม");
    await settle();
    expect(api.list).toHaveBeenLastCalledWith({ before: 2 });
    expect(root.querySelectorAll("tbody tr").length).toBe(3);
    expect([...root.querySelectorAll("button")].map((b) => b.textContent)).not.toContain(
      "แสดงเพิ่มเติม",
    );
  });
});
