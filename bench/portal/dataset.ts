/**
 * National-scale dataset, generated inside the database with set-based
 * INSERT … SELECT over generate_series (no row ever travels through Node), so 8,000
 * agencies and a million disclosures take minutes, not hours. Deterministic: the same
 * options give the same rows (hashint8 instead of random()), except generated UUIDs.
 */
import { queryRows, type Database, type Executor } from "@ita/db";
import { rebuildSearchDocuments } from "@ita/db/search";
import { seedReferenceData } from "@ita/db/seed";
import { ITA_2566 } from "@ita/domain/frameworks";
import { sql, type SQL } from "drizzle-orm";
import { FISCAL_MONTHS_TH } from "@ita/domain/fiscal-year";
import { ACTIVITIES, NAME_HEADS, NAME_TAILS, PROVINCES } from "./thai-names.ts";

export const FISCAL_YEARS = [2566, 2567, 2568, 2569, 2570] as const;
/** Share of a year's items an agency has published (older years are more complete). */
const YEAR_SHARE: Record<number, number> = {
  2566: 0.95,
  2567: 0.92,
  2568: 0.88,
  2569: 0.82,
  2570: 0.9,
};
/** Entries are spread over the first 330 days of their fiscal year. */
const SPREAD_DAYS = 330;
const MONTHLY_ITEM = "O21";
const DAY_MS = 86_400_000;

export interface DatasetOptions {
  agencies: number;
  /** Target number of disclosure entries; the result is within a fraction of a percent. */
  entries: number;
  now: Date;
  log: (line: string) => void;
}

export interface DatasetSummary {
  agencies: number;
  districts: number;
  entries: number;
  versions: number;
  searchDocuments: number;
  /** Seconds per phase, in order. */
  phases: [string, number][];
  seconds: number;
}

/** Literal text[] for our own constants (quotes doubled), so it is one SQL value. */
function textArray(values: readonly string[]): SQL {
  return sql.raw(`array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[]`);
}

function fiscalYearStart(fy: number): Date {
  return new Date(Date.UTC(fy - 544, 9, 1)); // 1 October (CE) of the year before
}

/** How many agencies of each type, as in Thailand (docs/domain.md §1): mostly อบต. and เทศบาลตำบล. */
export function agencyMix(total: number) {
  const province = Math.min(PROVINCES.length, total);
  const pao = Math.min(PROVINCES.length - 1, Math.max(0, total - province)); // Bangkok has none
  const rest = total - province - pao;
  const city = Math.min(30, Math.round(rest * 0.004));
  const town = Math.min(195, Math.round(rest * 0.025));
  const lao = rest - city - town;
  return { province, pao, city, town, lao };
}

/**
 * Keep-thresholds (per million) per fiscal year so that the expected number of entries
 * hits `target`; candidates are every (agency, year, item[, month]) published by `now`.
 */
function yearThresholds(agencies: number, items: number, target: number, now: Date) {
  const candidates = FISCAL_YEARS.map((fy) => {
    const start = fiscalYearStart(fy).getTime();
    const elapsed = Math.max(0, Math.min(1, (now.getTime() - start) / (SPREAD_DAYS * DAY_MS)));
    let months = 0;
    for (let m = 1; m <= 12; m++) if (monthlyPublishedAt(start, m) <= now.getTime()) months++;
    return { fy, perAgency: (items - 1) * elapsed + months };
  });
  const full = candidates.reduce((sum, c) => sum + agencies * c.perAgency * YEAR_SHARE[c.fy]!, 0);
  const scale = target / full;
  if (scale > 1)
    throw new Error(
      `--entries ${target} is more than ${Math.floor(full)} possible for ${agencies} agencies`,
    );
  return FISCAL_YEARS.map((fy) => ({
    fy,
    threshold: Math.round(YEAR_SHARE[fy]! * scale * 1_000_000),
  }));
}

/** The monthly procurement summary of fiscal month m is published on the 5th of the next month. */
function monthlyPublishedAt(fyStartMs: number, month: number): number {
  const d = new Date(fyStartMs);
  d.setUTCMonth(d.getUTCMonth() + month, 6);
  return d.getTime();
}

export async function generateDataset(
  db: Database,
  options: DatasetOptions,
): Promise<DatasetSummary> {
  const started = performance.now();
  const phases: [string, number][] = [];
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await run();
    const seconds = (performance.now() - t) / 1000;
    phases.push([name, seconds]);
    options.log(`  ${name.padEnd(48)} ${seconds.toFixed(1).padStart(6)} s`);
    return result;
  };

  await phase("reference data (frameworks)", () => seedReferenceData(db));
  const mix = agencyMix(options.agencies);
  const thresholds = yearThresholds(
    options.agencies,
    ITA_2566.items.length,
    options.entries,
    options.now,
  );

  // One transaction: temp tables and SET LOCAL live on one connection.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local synchronous_commit = off`);
    await phase("provinces, districts, agencies", () => insertPlaces(tx, mix));
    await phase("executives and ITA results 2565–2568", () => insertProfiles(tx));
    const secondary = await phase("drop secondary indexes for the bulk load", () =>
      dropSecondaryIndexes(tx),
    );
    await phase("disclosure entries + versions (staging)", () =>
      insertEntries(tx, thresholds, options.now),
    );
    await phase("search index (rebuildSearchDocuments)", () => rebuildSearchDocuments(tx));
    await phase("recreate secondary indexes (incl. trigram GIN)", async () => {
      for (const definition of secondary) await tx.execute(sql.raw(definition));
    });
  });
  await phase("vacuum analyze", () => db.execute(sql`vacuum analyze`));

  const [counts] = await queryRows<{
    agencies: number;
    districts: number;
    entries: number;
    versions: number;
    docs: number;
  }>(
    db,
    sql`select (select count(*)::int from agencies) as agencies, (select count(*)::int from districts) as districts,
      (select count(*)::int from disclosure_entries) as entries, (select count(*)::int from disclosure_versions) as versions,
      (select count(*)::int from search_documents) as docs`,
  );
  return {
    agencies: counts!.agencies,
    districts: counts!.districts,
    entries: counts!.entries,
    versions: counts!.versions,
    searchDocuments: counts!.docs,
    phases,
    seconds: (performance.now() - started) / 1000,
  };
}

async function insertPlaces(tx: Executor, mix: ReturnType<typeof agencyMix>) {
  const heads = NAME_HEADS.length;
  const tails = NAME_TAILS.length;
  await tx.execute(sql`
    create temp table bench_province on commit drop as
    select n::int as n, name_th, slug
    from unnest(${textArray(PROVINCES.map((p) => p[0]))}, ${textArray(PROVINCES.map((p) => p[1]))})
      with ordinality as u(name_th, slug, n)`);
  await tx.execute(sql`
    create temp table bench_part on commit drop as
    select 'head' as kind, (n - 1)::int as i, th, en
      from unnest(${textArray(NAME_HEADS.map((p) => p[0]))}, ${textArray(NAME_HEADS.map((p) => p[1]))}) with ordinality as u(th, en, n)
    union all
    select 'tail', (n - 1)::int, th, en
      from unnest(${textArray(NAME_TAILS.map((p) => p[0]))}, ${textArray(NAME_TAILS.map((p) => p[1]))}) with ordinality as u(th, en, n)`);
  await tx.execute(sql`
    insert into provinces (slug, name_th, name_en)
    select slug, name_th, initcap(replace(slug, '-', ' ')) from bench_province order by n`);

  // 4–19 districts a province (about 885 in all; Thailand has 878 อำเภอ + 50 เขต).
  // The first is always อำเภอเมือง; head index varies with g, so names are unique per province.
  await tx.execute(sql`
    create temp table bench_district on commit drop as
    select (row_number() over (order by p.n, g))::int as n, p.n as province_no, g,
      case when g = 1 then 'เมือง' || p.name_th else h.th || t.th end as name_th,
      case when g = 1 then 'mueang-' || p.slug else h.en || '-' || t.en || '-' || p.slug end as slug,
      case when g = 1 then 'Mueang ' || initcap(replace(p.slug, '-', ' ')) else initcap(h.en || ' ' || t.en) end as name_en
    from bench_province p
    cross join generate_series(1, 4 + (p.n * 7) % 16) g
    join bench_part h on h.kind = 'head' and h.i = (p.n * 3 + g) % ${heads}
    join bench_part t on t.kind = 'tail' and t.i = (p.n * 7 + g * 11) % ${tails}`);
  await tx.execute(sql`
    insert into districts (province_id, slug, name_th, name_en)
    select pr.id, d.slug, d.name_th, d.name_en
    from bench_district d join bench_province p on p.n = d.province_no join provinces pr on pr.slug = p.slug
    order by d.n`);

  // Agencies: one per province, one PAO per province but Bangkok, then the local
  // governments spread over all districts: เทศบาลนคร, เทศบาลเมือง, then about 29 %
  // เทศบาลตำบล and 71 % อบต. (2,247 : 5,300 nationally).
  const townEnd = mix.city + mix.town;
  await tx.execute(sql`
    create temp table bench_agency on commit drop as
    select p.n as province_no, 1 as district_g, 'province' as type,
      case when p.slug = 'bangkok' then p.name_th else 'จังหวัด' || p.name_th end as name_th,
      initcap(replace(p.slug, '-', ' ')) || ' Province' as name_en, 'province-' || p.slug as slug
    from bench_province p where p.n <= ${mix.province}
    union all
    select p.n, 1, 'pao', 'องค์การบริหารส่วนจังหวัด' || p.name_th,
      initcap(replace(p.slug, '-', ' ')) || ' Provincial Administrative Organisation', p.slug || '-pao'
    from bench_province p where p.slug <> 'bangkok' and p.n <= ${mix.pao + 1}
    union all
    select d.province_no, d.g,
      case when lao.no <= ${mix.city} then 'city-municipality'
           when lao.no <= ${townEnd} then 'town-municipality'
           when lao.no % 1000 < 293 then 'subdistrict-municipality'
           else 'sao' end,
      case when lao.no <= ${mix.city} then 'เทศบาลนคร' when lao.no <= ${townEnd} then 'เทศบาลเมือง'
           when lao.no % 1000 < 293 then 'เทศบาลตำบล' else 'องค์การบริหารส่วนตำบล' end || h.th || t.th,
      initcap(h.en || ' ' || t.en) || case when lao.no <= ${mix.city} then ' City Municipality' when lao.no <= ${townEnd} then ' Town Municipality'
           when lao.no % 1000 < 293 then ' Subdistrict Municipality' else ' SAO' end,
      case when lao.no <= ${mix.city} then 'city' when lao.no <= ${townEnd} then 'town' when lao.no % 1000 < 293 then 'tm' else 'sao' end
        || '-' || h.en || '-' || t.en || '-' || lao.no
    from generate_series(1, ${mix.lao + townEnd}) as lao(no)
    join bench_district d on d.n = 1 + (lao.no::bigint * 7919) % (select count(*) from bench_district)
    join bench_part h on h.kind = 'head' and h.i = (lao.no * 13) % ${heads}
    join bench_part t on t.kind = 'tail' and t.i = (lao.no / ${heads} + lao.no * 7) % ${tails}`);
  await tx.execute(sql`
    insert into agencies (slug, name_th, name_en, type, province_id, district_id, address, phone, email, website, social_links)
    select a.slug, a.name_th, a.name_en, a.type, pr.id, di.id,
      'ที่ทำการ' || a.name_th || ' อำเภอ' || d.name_th || ' จังหวัด' || p.name_th || ' (ที่อยู่ตัวอย่าง)',
      '0-0000-0000', 'saraban@' || a.slug || '.example.go.th', 'https://' || a.slug || '.example.go.th',
      jsonb_build_array(jsonb_build_object('label', 'Facebook', 'url', 'https://facebook.example/' || a.slug))
    from bench_agency a
    join bench_province p on p.n = a.province_no
    join provinces pr on pr.slug = p.slug
    join bench_district d on d.province_no = a.province_no and d.g = a.district_g
    join districts di on di.slug = d.slug`);
}

async function insertProfiles(tx: Executor) {
  await tx.execute(sql`
    insert into agency_executives (agency_id, name, position_th, sort_order)
    select a.id, x.title || (array['สมชาย','สมศักดิ์','วิชัย','ประเสริฐ','สุนทร','มาลี','สุดารัตน์','กาญจนา','พรทิพย์','อรุณี'])[1 + abs(hashtext(a.slug || x.k)) % 10]
        || ' ' || (array['ใจดี','ศรีสุข','บุญมา','แก้วมณี','ทองคำ','สุขเจริญ','พรหมมา','จันทร์เพ็ญ','วงศ์ไทย','ศักดิ์สิทธิ์'])[1 + abs(hashtext(x.k || a.slug)) % 10],
      case when x.k = 'head' then
        case a.type when 'province' then 'ผู้ว่าราชการจังหวัด' when 'pao' then 'นายกองค์การบริหารส่วนจังหวัด'
          when 'sao' then 'นายกองค์การบริหารส่วนตำบล' else 'นายกเทศมนตรี' end
      else case a.type when 'province' then 'รองผู้ว่าราชการจังหวัด' when 'pao' then 'ปลัดองค์การบริหารส่วนจังหวัด'
          when 'sao' then 'ปลัดองค์การบริหารส่วนตำบล' else 'ปลัดเทศบาล' end end,
      x.sort_order
    from agencies a cross join (values ('head', 'นาย', 0), ('deputy', 'นาง', 1)) as x(k, title, sort_order)`);
  // Scores by instrument; 2565–2566 graded AA–F, since 2567 on the five-level scale.
  await tx.execute(sql`
    insert into ita_results (agency_id, fiscal_year, iit, eit, oit, total, grading_scheme, grade)
    select agency_id, fy, iit, eit, oit, total,
      case when fy < 2567 then 'letter-2566' else 'five-level-2567' end,
      case when fy < 2567 then
        case when total >= 95 then 'AA' when total >= 85 then 'A' when total >= 75 then 'B' when total >= 65 then 'C'
             when total >= 55 then 'D' when total >= 40 then 'E' else 'F' end
      else
        case when total >= 95 and least(iit, eit, oit) >= 95 then 'excellent'
             when total >= 85 and least(iit, eit, oit) >= 85 then 'good'
             when total >= 85 then 'pass' when total >= 70 then 'improve' else 'urgent' end
      end
    from (
      select s.*, round(s.iit * 0.3 + s.eit * 0.3 + s.oit * 0.4, 2) as total
      from (
        select a.id as agency_id, fy,
          round(70 + (abs(hashtext(a.slug || fy || 'i')) % 3000) / 100.0, 2) as iit,
          round(65 + (abs(hashtext(a.slug || fy || 'e')) % 3500) / 100.0, 2) as eit,
          round(50 + (abs(hashtext(a.slug || fy || 'o')) % 5000) / 100.0, 2) as oit
        from agencies a cross join generate_series(2565, 2568) fy
      ) s
    ) scored`);
}

/**
 * Plain (non-constraint) indexes of the bulk-loaded tables, dropped now and returned
 * as their CREATE statements: building a GIN trigram index once is far cheaper than
 * maintaining it row by row. The schema is the same afterwards.
 */
async function dropSecondaryIndexes(tx: Executor): Promise<string[]> {
  const found = await queryRows<{ name: string; definition: string }>(
    tx,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = 'public' and i.tablename in ('disclosure_entries', 'disclosure_versions', 'search_documents')
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const index of found) await tx.execute(sql.raw(`drop index "${index.name}"`));
  return found.map((i) => i.definition);
}

async function insertEntries(
  tx: Executor,
  thresholds: { fy: number; threshold: number }[],
  now: Date,
) {
  await tx.execute(sql`
    create temp table bench_year on commit drop as
    select fy::int as fy, make_timestamptz(fy - 544, 10, 1, 0, 0, 0, 'UTC') as start_at, threshold::int as threshold
    from unnest(${sql.raw(`array[${thresholds.map((t) => t.fy).join(",")}]::int[]`)},
                ${sql.raw(`array[${thresholds.map((t) => t.threshold).join(",")}]::int[]`)}) as u(fy, threshold)`);
  await tx.execute(sql`
    create temp table bench_item on commit drop as
    select fi.code, fi.title_th, fi.sort_order from framework_items fi join frameworks f on f.id = fi.framework_id
    where f.key = ${ITA_2566.key}`);
  await tx.execute(sql`
    create temp table bench_agency_no on commit drop as
    select (row_number() over (order by slug))::bigint as n, id, name_th from agencies`);
  const nowIso = now.toISOString();
  // Candidates: agency × year × item (× month for the monthly summary); a hash keeps
  // the year's share; dates after "now" are dropped (the current year is young).
  await tx.execute(sql`
    create temp table bench_stage on commit drop as
    select gen_random_uuid() as entry_id, gen_random_uuid() as version_id, c.agency_id, c.fy, c.code, c.published_at,
      abs(hashint8(c.k * 8 + 2)) % 20 = 0 as revised,
      case when c.code = ${MONTHLY_ITEM}
        then 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ประจำเดือน' || (${textArray(FISCAL_MONTHS_TH)})[c.m]
             || ' พ.ศ. ' || case when c.m <= 3 then c.fy - 1 else c.fy end
        else c.item_title || ' ประจำปีงบประมาณ พ.ศ. ' || c.fy end as title,
      '<p>' || c.agency_name || ' เผยแพร่' || c.item_title || ' ประจำปีงบประมาณ พ.ศ. ' || c.fy || '</p><p>'
        || (${textArray(ACTIVITIES)})[case when abs(hashint8(c.k * 8 + 3)) % 1000 < 2 then 1
                                          else 2 + abs(hashint8(c.k * 8 + 4)) % ${ACTIVITIES.length - 1} end]
        || '</p>' as description_html
    from (
      select a.id as agency_id, a.name_th as agency_name, y.fy, i.code, i.title_th as item_title, m, x.k,
        case when i.code = ${MONTHLY_ITEM}
          then y.start_at + make_interval(months => m, days => 5)
          else y.start_at + make_interval(secs => (abs(hashint8(x.k * 8 + 1)) % (${SPREAD_DAYS} * 86400))::double precision)
        end as published_at
      from bench_agency_no a
      cross join bench_year y
      cross join bench_item i
      cross join lateral generate_series(1, case when i.code = ${MONTHLY_ITEM} then 12 else 1 end) m
      cross join lateral (select ((a.n * 8 + (y.fy - 2566)) * 64 + i.sort_order) * 16 + m as k) x
      where abs(hashint8(x.k * 8)) % 1000000 < y.threshold
    ) c
    where c.published_at <= ${nowIso}::timestamptz`);
  await tx.execute(sql`
    insert into disclosure_entries (id, agency_id, fiscal_year, item_code, state, current_version_id, published_version_id,
      published_at, created_at, updated_at)
    select entry_id, agency_id, fy, code, 'published', version_id, version_id, published_at,
      published_at - interval '3 days', published_at
    from bench_stage`);
  // A revised entry (5 %) has an older first version; the public sees version 2.
  await tx.execute(sql`
    insert into disclosure_versions (id, entry_id, version_no, title, description_html, created_at)
    select version_id, entry_id, case when revised then 2 else 1 end, title, description_html, published_at - interval '1 day'
    from bench_stage
    union all
    select gen_random_uuid(), entry_id, 1, title || ' (ฉบับร่าง)', description_html, published_at - interval '3 days'
    from bench_stage where revised`);
}
