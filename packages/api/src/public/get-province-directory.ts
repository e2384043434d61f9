import { agencies, districts, provinces } from "@ita/db/schema";
import { AGENCY_TYPES } from "@ita/domain/agency-types";
import { DomainError } from "@ita/domain/errors";
import { SlugRefInput } from "@ita/domain/schemas";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";

interface TypeGroup {
  type: string;
  agencies: { slug: string; nameTh: string; nameEn: string | null }[];
}

/** One province's agencies, district by district, grouped by agency type (browse page). */
export async function getProvinceDirectory({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db">;
  input: z.input<typeof SlugRefInput>;
}) {
  const { slug } = SlugRefInput.parse(input);
  const [province] = await ctx.db
    .select({
      id: provinces.id,
      slug: provinces.slug,
      nameTh: provinces.nameTh,
      nameEn: provinces.nameEn,
    })
    .from(provinces)
    .where(eq(provinces.slug, slug));
  if (!province) throw new DomainError("NOT_FOUND", `province ${slug}`);
  const rows = await ctx.db
    .select({
      districtSlug: districts.slug,
      districtTh: districts.nameTh,
      districtEn: districts.nameEn,
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
    })
    .from(agencies)
    .leftJoin(districts, eq(districts.id, agencies.districtId))
    .where(eq(agencies.provinceId, province.id))
    .orderBy(asc(districts.nameTh), asc(agencies.nameTh));

  const byDistrict = new Map<
    string,
    { slug: string; nameTh: string; nameEn: string; types: TypeGroup[] }
  >();
  for (const r of rows) {
    const key = r.districtSlug ?? "-";
    let district = byDistrict.get(key);
    if (!district) {
      district = {
        slug: key,
        nameTh: r.districtTh ?? "ไม่ระบุอำเภอ",
        nameEn: r.districtEn ?? "No district",
        types: [],
      };
      byDistrict.set(key, district);
    }
    let group = district.types.find((g) => g.type === r.type);
    if (!group) {
      group = { type: r.type, agencies: [] };
      district.types.push(group);
    }
    group.agencies.push({ slug: r.slug, nameTh: r.nameTh, nameEn: r.nameEn });
  }
  // Types in their administrative order (province, district, PAO, municipalities, SAO…).
  const rank = (t: string) => {
    const i = (AGENCY_TYPES as readonly string[]).indexOf(t);
    return i === -1 ? AGENCY_TYPES.length : i;
  };
  const districtList = [...byDistrict.values()];
  for (const d of districtList) d.types.sort((a, b) => rank(a.type) - rank(b.type));
  return {
    slug: province.slug,
    nameTh: province.nameTh,
    nameEn: province.nameEn,
    agencyCount: rows.length,
    districts: districtList,
  };
}

export type ProvinceDirectory = Awaited<ReturnType<typeof getProvinceDirectory>>;
