/**
 * Roles an item plays in the portal, stored with the item in the framework data, so the
 * code finds "the year's complaint channel" or "the year's measures" by role and never
 * by a code such as the 2566 checklist's. (A monthly item is found by its cadence.) A framework gives each tag to
 * at most one item; an item without a tag is an ordinary checklist item.
 */
export const ITEM_TAGS = [
  "complaint-guideline",
  "complaint-channel",
  "complaint-statistics",
  "measures",
  "measures-implementation",
] as const;
export type ItemTag = (typeof ITEM_TAGS)[number];

export const ITEM_TAG_LABELS: Readonly<Record<ItemTag, { th: string; en: string }>> = {
  "complaint-guideline": {
    th: "แนวปฏิบัติการจัดการเรื่องร้องเรียน",
    en: "Complaint-handling guideline",
  },
  "complaint-channel": { th: "ช่องทางแจ้งเรื่องร้องเรียน", en: "Complaint channel" },
  "complaint-statistics": { th: "สถิติเรื่องร้องเรียน", en: "Complaint statistics" },
  measures: {
    th: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    en: "Integrity and transparency measures",
  },
  "measures-implementation": {
    th: "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    en: "Implementation of the measures",
  },
};

export function isItemTag(value: unknown): value is ItemTag {
  return typeof value === "string" && (ITEM_TAGS as readonly string[]).includes(value);
}

/** The item of a framework that plays `tag`, if the framework has one. */
export function itemByTag<T extends { tag: string | null }>(
  items: readonly T[],
  tag: ItemTag,
): T | undefined {
  return items.find((i) => i.tag === tag);
}
