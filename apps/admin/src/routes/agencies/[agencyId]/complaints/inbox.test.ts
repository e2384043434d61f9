import type { RouterOutputs } from "@ita/api";
import { describe, expect, it, vi } from "vitest";
import { goto } from "$app/navigation";
import { choose, render, textOf } from "../../../../test/render.ts";
import { load } from "./+page.ts";
import InboxPage from "./+page.svelte";

const api = vi.hoisted(() => ({ inbox: vi.fn() }));
vi.mock("#lib/api.ts", () => ({ api: { complaints: { inbox: { query: api.inbox } } } }));

// Typed as the API answers, so a field the page reads cannot be missing here.
const complaint = (id: string, overdue: "acknowledge" | "decide" | null) =>
  ({
    id,
    reference: `ร-2569-${id}`,
    subject: "bribery",
    state: "received",
    outcome: null,
    isAnonymous: true,
    receivedAt: new Date("2026-11-01T03:00:00Z"),
    acknowledgedAt: null,
    acknowledgeBy: new Date("2026-11-04T03:00:00Z"),
    decideBy: new Date("2026-12-01T03:00:00Z"),
    updatedAt: new Date("2026-11-01T03:00:00Z"),
    assignee: null,
    overdue,
    next: null,
    forwardedIn: false,
  }) satisfies RouterOutputs["complaints"]["inbox"][number];
const event = (href: string) =>
  ({ params: { agencyId: "a-1" }, url: new URL(href, "http://localhost") }) as never;
type Data = Awaited<ReturnType<typeof load>> & object;

describe("complaint inbox load", () => {
  it("reads the state and 'overdue only' from the URL, and ignores a state that is not one", async () => {
    api.inbox.mockResolvedValue([]);
    const data = (await load(
      event("/admin/agencies/a-1/complaints?state=screening&overdue=1"),
    )) as Data;
    expect(api.inbox).toHaveBeenLastCalledWith({
      agencyId: "a-1",
      state: "screening",
      overdueOnly: true,
    });
    expect(data.filters).toEqual({ state: "screening", overdueOnly: true });
    await load(event("/admin/agencies/a-1/complaints?state=lost"));
    expect(api.inbox).toHaveBeenLastCalledWith({ agencyId: "a-1", overdueOnly: false });
  });

  it("returns the API's refusal as the page's error", async () => {
    api.inbox.mockRejectedValue({ data: { messageTh: "ไม่มีสิทธิ์เข้าถึงหน่วยงานนี้" } });
    const data = (await load(event("/admin/agencies/a-1/complaints"))) as Data;
    expect(data).toMatchObject({ inbox: null, loadError: "ไม่มีสิทธิ์เข้าถึงหน่วยงานนี้" });
  });
});

describe("complaint inbox page", () => {
  const noFilters = { state: "", overdueOnly: false } as const;
  const page = (data: Data) => render(InboxPage, { data, params: { agencyId: "a-1" } });

  it("a search is a link: only the filled filters go into the URL", () => {
    const root = page({ filters: noFilters, inbox: [], loadError: null });
    root.querySelector("form")!.requestSubmit();
    expect(goto).toHaveBeenLastCalledWith("/admin/agencies/a-1/complaints", { reset: false });
    choose(root.querySelector("#state-filter"), "investigating");
    root.querySelector<HTMLInputElement>('input[name="overdue"]')!.click();
    root.querySelector("form")!.requestSubmit();
    expect(goto).toHaveBeenLastCalledWith(
      "/admin/agencies/a-1/complaints?state=investigating&overdue=1",
      { reset: false },
    );
  });

  it("shows the filters from the URL and says which deadline a case has missed", () => {
    const root = page({
      filters: { state: "received", overdueOnly: true },
      inbox: [complaint("1", "acknowledge"), complaint("2", "decide"), complaint("3", null)],
      loadError: null,
    });
    expect(root.querySelector<HTMLSelectElement>("#state-filter")!.value).toBe("received");
    expect(root.querySelector<HTMLInputElement>('input[name="overdue"]')!.checked).toBe(true);
    const rows = [...root.querySelectorAll("tbody tr")].map((r) => textOf(r.querySelector("td")));
    expect(rows).toEqual(["ร-2569-1 เกินกำหนดรับเรื่อง", "ร-2569-2 เกินกำหนดพิจารณา", "ร-2569-3"]);
    expect(root.querySelector("tbody a")?.getAttribute("href")).toBe("/admin/complaints/1");
  });

  it("shows a refusal instead of the list, and an empty inbox as such", () => {
    const refused = page({
      filters: noFilters,
      inbox: null,
      loadError: "ไม่มีสิทธิ์เข้าถึงหน่วยงานนี้",
    });
    expect(textOf(refused.querySelector('[role="alert"]'))).toBe("ไม่มีสิทธิ์เข้าถึงหน่วยงานนี้");
    expect(refused.querySelector("table")).toBeNull();
    const empty = page({ filters: noFilters, inbox: [], loadError: null });
    expect(textOf(empty.querySelector(".notice"))).toBe("ไม่มีเรื่องร้องเรียน");
  });
});
