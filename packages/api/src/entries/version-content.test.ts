import { disclosureVersions } from "@ita/db/schema";
import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  contentFromInput,
  VERSION_BOOKKEEPING,
  VERSION_CONTENT_FIELDS,
  versionContent,
} from "./version-content.ts";

describe("version content", () => {
  it("names every column of a version as content or bookkeeping, so a new field is copied or decided", () => {
    const named = [...VERSION_CONTENT_FIELDS, ...VERSION_BOOKKEEPING].sort();
    expect(Object.keys(getTableColumns(disclosureVersions)).sort()).toEqual(named);
  });

  it("copies the content and nothing else", () => {
    const row = {
      id: "v1",
      entryId: "e1",
      versionNo: 3,
      authorId: "u1",
      createdAt: new Date(),
      title: "แผนปฏิบัติการ 2568",
      descriptionHtml: "<p>ฉบับปรับปรุง</p>",
      descriptionSource: "ฉบับปรับปรุง",
      links: [{ url: "https://example.go.th/plan", label: "แผน" }],
    };
    expect(versionContent(row)).toEqual({
      title: row.title,
      descriptionHtml: row.descriptionHtml,
      descriptionSource: row.descriptionSource,
      links: row.links,
    });
  });

  it("keeps what the editor typed and renders it safe", () => {
    expect(contentFromInput({ title: "ช่องทางร้องเรียน", description: "**โทร** 1205" })).toEqual({
      title: "ช่องทางร้องเรียน",
      descriptionHtml: expect.stringContaining("<strong>โทร</strong>"),
      descriptionSource: "**โทร** 1205",
      links: [],
    });
    expect(contentFromInput({ title: "ไฟล์" })).toEqual({
      title: "ไฟล์",
      descriptionHtml: "",
      descriptionSource: null,
      links: [],
    });
  });
});
