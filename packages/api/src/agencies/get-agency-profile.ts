import { DomainError } from "@ita/domain/errors";
import { SlugRefInput } from "@ita/domain/schemas";
import type { Executor } from "@ita/db";
import { agencies } from "@ita/db/schema";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";
import { preparedPerDatabase } from "../public/db-cache.ts";

/**
 * One query (drizzle's relational query nests the lists as JSON), built once: every
 * agency page reads it, and each round trip and each query build costs the page more
 * than PostgreSQL's work (docs/performance.md).
 */
const profileQuery = preparedPerDatabase((db: Executor) =>
  db.query.agencies
    .findFirst({
      where: eq(agencies.slug, sql.placeholder("slug")),
      with: {
        province: { columns: { slug: true, nameTh: true, nameEn: true } },
        district: { columns: { slug: true, nameTh: true, nameEn: true } },
        executives: {
          columns: { name: true, positionTh: true },
          orderBy: (e, { asc }) => [asc(e.sortOrder), asc(e.id)],
        },
        results: {
          columns: {
            fiscalYear: true,
            iit: true,
            eit: true,
            oit: true,
            total: true,
            gradingScheme: true,
            grade: true,
            indicators: true,
          },
          orderBy: (r, { asc }) => [asc(r.fiscalYear)],
        },
      },
    })
    .prepare("agency_profile"),
);

/** Public profile of one agency: place, contacts, executives and yearly ITA results. */
export async function getAgencyProfile({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db">;
  input: z.input<typeof SlugRefInput>;
}) {
  const { slug } = SlugRefInput.parse(input);
  const row = await profileQuery(ctx.db).execute({ slug });
  if (!row) throw new DomainError("NOT_FOUND", `agency ${slug}`);
  return row;
}

export type AgencyProfile = Awaited<ReturnType<typeof getAgencyProfile>>;
