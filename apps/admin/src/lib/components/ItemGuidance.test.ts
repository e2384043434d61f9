import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "#lib/i18n.svelte.ts";
import { render } from "../../test/render.ts";
import ItemGuidance from "./ItemGuidance.svelte";

const item = { code: "O5", guidanceTh: "แสดงที่อยู่และหมายเลขโทรศัพท์", guidanceEn: "" };

describe("ItemGuidance", () => {
  afterEach(() => {
    i18n.lang = "th";
  });

  it("shows what must be shown under its heading; nothing at all when the framework has no text", () => {
    const root = render(ItemGuidance, { item });
    expect(root.querySelector("[data-testid=item-guidance] strong")?.textContent).toBe(
      "สิ่งที่ต้องแสดง",
    );
    expect(root.querySelector("[data-testid=item-guidance] p")?.textContent).toBe(item.guidanceTh);
    const empty = render(ItemGuidance, { item: { ...item, guidanceTh: "  " } });
    expect(empty.querySelector("[data-testid=item-guidance]")).toBeNull();
  });

  it("folded in a table row: a disclosure naming the item; English falls back to the Thai, marked as Thai", () => {
    i18n.lang = "en";
    const root = render(ItemGuidance, { item, folded: true });
    expect(root.querySelector("details summary")?.textContent?.replace(/\s+/g, " ")).toBe(
      "What must be shown O5",
    );
    const text = root.querySelector("details p")!;
    expect(text.textContent).toBe(item.guidanceTh);
    expect(text.getAttribute("lang")).toBe("th");
  });
});
