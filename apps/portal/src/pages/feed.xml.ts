import { homePath, siteFeedPath } from "@ita/domain/paths";
import type { APIRoute } from "astro";
import { atomFeed, atomResponse } from "../lib/atom.ts";
import { t } from "../lib/i18n.ts";
import { publicOrigin } from "../lib/urls.ts";

export const GET: APIRoute = async ({ locals, url }) => {
  const feed = await locals.api.public.feed({ limit: 50 });
  return atomResponse(
    atomFeed(feed, {
      origin: publicOrigin(url),
      selfPath: siteFeedPath(),
      alternatePath: homePath(),
      title: `${t("th", "siteName")} — ${t("th", "latestPublications")}`,
    }),
  );
};
