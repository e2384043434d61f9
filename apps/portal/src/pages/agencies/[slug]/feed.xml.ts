import { agencyFeedPath, agencyPath } from "@ita/domain/paths";
import type { APIRoute } from "astro";
import { atomFeed, atomResponse } from "../../../lib/atom.ts";
import { t } from "../../../lib/i18n.ts";
import { isNotFound } from "../../../lib/page-errors.ts";
import { publicOrigin } from "../../../lib/urls.ts";

export const GET: APIRoute = async ({ locals, url, params, rewrite }) => {
  let feed;
  try {
    feed = await locals.api.public.feed({ slug: params.slug ?? "", limit: 50 });
  } catch (error) {
    if (isNotFound(error)) return rewrite("/404");
    throw error;
  }
  const slug = feed.agency!.slug;
  return atomResponse(
    atomFeed(feed, {
      origin: publicOrigin(url),
      selfPath: agencyFeedPath(slug),
      alternatePath: agencyPath(slug),
      title: `${feed.agency!.nameTh} — ${t("th", "latestPublications")}`,
    }),
  );
};
