import type { RouterOutputs } from "@ita/api";
import { AGENCY_TYPE_LABELS } from "@ita/domain/agency-types";
import { flushSync } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
// The same module the page gets as `$app/state` (vitest.config.ts), so the test can navigate.
import { page } from "../../test/app-state.svelte.ts";
import { render } from "../../test/render.ts";
import ReadinessPage from "./+page.svelte";

vi.mock("#lib/api.ts", () => ({ api: {} }));

// Typed as the API answers, so a field the page reads cannot be missing here.
const view: RouterOutputs["oversight"]["readiness"] = {
  province: { id: "p-1", slug: "lamphun", nameTh: "ลำพูน", nameEn: "Lamphun" },
  fiscalYear: 2568,
  today: "2025-01-15",
  round: null,
  rounds: [],
  columns: [],
  agencies: [],
  progress: {
    total: 0,
    published: 0,
    reviewedOk: 0,
    toReview: 0,
    needsFix: 0,
    missing: 0,
    overdue: 0,
    percent: 0,
  },
  filters: {
    districts: [
      { id: "d-1", nameTh: "เมืองลำพูน", nameEn: "Mueang Lamphun" },
      { id: "d-2", nameTh: "ป่าซาง", nameEn: "Pa Sang" },
    ],
    agencyTypes: (["sao", "town-municipality"] as const).map((value) => ({
      value,
      ...AGENCY_TYPE_LABELS[value],
    })),
  },
  paging: { page: 1, pageSize: 25, pageCount: 1, total: 0, first: 0, last: 0 },
};
const data = { provinces: [], fiscalYear: 2568, view, loadError: null };
const at = (query: string) => new URL(`http://localhost/admin/oversight${query}`);
const choices = (root: HTMLElement) => ({
  district: root.querySelector<HTMLSelectElement>("#f-district")!.value,
  type: root.querySelector<HTMLSelectElement>("#f-type")!.value,
});

afterEach(() => {
  history.replaceState(null, "", "/");
  page.url = at("");
});

describe("the readiness matrix's filters", () => {
  it("show the district and agency type of SvelteKit's page URL, not of the address bar", () => {
    // The address bar can lag behind (or run ahead of) the router's state; the page's URL is
    // what the matrix was loaded for, so the choices must say the same.
    history.replaceState(null, "", "/admin/oversight?district=d-1&type=sao");
    page.url = at("?province=p-1&fy=2568&district=d-2&type=town-municipality");
    const root = render(ReadinessPage, { data, params: {} });
    expect(choices(root)).toEqual({ district: "d-2", type: "town-municipality" });
  });

  it("follow a back/forward navigation, also to no filter", () => {
    // At first the address bar and the page state agree: reading either shows the choice.
    history.replaceState(null, "", "/admin/oversight?province=p-1&fy=2568&district=d-2&type=sao");
    page.url = at("?province=p-1&fy=2568&district=d-2&type=sao");
    const root = render(ReadinessPage, { data, params: {} });
    expect(choices(root)).toEqual({ district: "d-2", type: "sao" });
    // Back: both change, but only SvelteKit's page state tells the page to draw again.
    history.replaceState(null, "", "/admin/oversight?province=p-1&fy=2568&district=d-1");
    page.url = at("?province=p-1&fy=2568&district=d-1");
    flushSync();
    expect(choices(root)).toEqual({ district: "d-1", type: "" });
    history.replaceState(null, "", "/admin/oversight?province=p-1&fy=2568");
    page.url = at("?province=p-1&fy=2568");
    flushSync();
    expect(choices(root)).toEqual({ district: "", type: "" });
  });
});
