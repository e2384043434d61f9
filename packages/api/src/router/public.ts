import {
  AttachmentIdInput,
  FeedInput,
  ItemPageInput,
  OpenDisclosuresInput,
  OpenResultsInput,
  SearchInput,
  SlugRefInput,
} from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { getItemPage } from "../public/get-item-page.ts";
import { getProvinceDirectory } from "../public/get-province-directory.ts";
import { getPublicAttachment } from "../public/get-public-attachment.ts";
import { getSiteOverview } from "../public/get-site-overview.ts";
import { listAgencyDisclosures } from "../public/list-agency-disclosures.ts";
import { listFeedEntries } from "../public/list-feed-entries.ts";
import { listOpenResults } from "../public/list-open-results.ts";
import { listOpenAgencies } from "../public/list-open-agencies.ts";
import { listProvinces } from "../public/list-provinces.ts";
import { listSitemapAgencies } from "../public/list-sitemap-urls.ts";
import { searchDisclosures } from "../public/search-disclosures.ts";
import { publicProcedure } from "../trpc.ts";

/** What anyone may read: the portal's pages, search, open data and feeds. */
export const publicRouter = {
  overview: publicProcedure.query(({ ctx }) => getSiteOverview({ ctx })),
  provinces: publicProcedure.query(({ ctx }) => listProvinces({ ctx })),
  province: publicProcedure
    .input(SlugRefInput)
    .query(({ ctx, input }) => getProvinceDirectory({ ctx, input })),
  item: publicProcedure.input(ItemPageInput).query(({ ctx, input }) => getItemPage({ ctx, input })),
  attachment: publicProcedure
    .input(AttachmentIdInput)
    .query(({ ctx, input }) => getPublicAttachment({ ctx, input })),
  search: publicProcedure
    .input(SearchInput)
    .query(({ ctx, input }) => searchDisclosures({ ctx, input })),
  openAgencies: publicProcedure.query(({ ctx }) => listOpenAgencies({ ctx })),
  openResults: publicProcedure
    .input(OpenResultsInput)
    .query(({ ctx, input }) => listOpenResults({ ctx, input })),
  openDisclosures: publicProcedure
    .input(OpenDisclosuresInput)
    .query(({ ctx, input }) => listAgencyDisclosures({ ctx, input })),
  feed: publicProcedure.input(FeedInput).query(({ ctx, input }) => listFeedEntries({ ctx, input })),
  sitemap: publicProcedure.query(({ ctx }) => listSitemapAgencies({ ctx })),
} satisfies TRPCRouterRecord;
