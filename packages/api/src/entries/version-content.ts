import { disclosureVersions } from "@ita/db/schema";
import { renderDescription } from "./sanitize.ts";

type VersionRow = typeof disclosureVersions.$inferSelect;

/**
 * The fields of a version that are its content — what a revision carries over and an
 * editor changes. Every other column is bookkeeping (`VERSION_BOOKKEEPING`); a test
 * fails when a new column is in neither list, so a new field cannot be lost on revision.
 */
export const VERSION_CONTENT_FIELDS = [
  "title",
  "descriptionHtml",
  "descriptionSource",
  "links",
] as const satisfies readonly (keyof VersionRow)[];

/** Columns that describe a version rather than hold its content. */
export const VERSION_BOOKKEEPING = [
  "id",
  "entryId",
  "versionNo",
  "authorId",
  "createdAt",
] as const satisfies readonly (keyof VersionRow)[];

type ContentField = (typeof VERSION_CONTENT_FIELDS)[number];
export type VersionContent = Pick<VersionRow, ContentField>;

/** The content columns, for a select that feeds `versionContent`. */
export const versionContentColumns = Object.fromEntries(
  VERSION_CONTENT_FIELDS.map((field) => [field, disclosureVersions[field]]),
) as { [F in ContentField]: (typeof disclosureVersions)[F] };

/** A version's content, copied field by field (never its id, number, author or date). */
export function versionContent(version: VersionContent): VersionContent {
  return Object.fromEntries(
    VERSION_CONTENT_FIELDS.map((field) => [field, version[field]]),
  ) as VersionContent;
}

/** Content from what an editor typed: the description is kept as typed and rendered safe. */
export function contentFromInput(input: {
  title: string;
  description?: string | null;
  links?: VersionContent["links"];
}): VersionContent {
  return {
    title: input.title,
    descriptionHtml: renderDescription(input.description),
    descriptionSource: input.description ?? null,
    links: input.links ?? [],
  };
}
