// Demo agencies named in the public documents of docs/domain.md §11: Lamphun province and
// the 12 LAOs that failed ITA 2565 (with district, score and grade), Lopburi PAO
// (2564/2565 scores) and Phum Riang sub-district municipality. Contacts are invented
// and clearly marked as examples (.example domains, 0-0000 phone numbers).
import type { AgencyType } from "@ita/domain/agency-types";

/** One published ITA result, as the seed documents give it (unknown scores left out). */
export interface DemoResult {
  total: number;
  /** Published grade: a band code of the year's scheme (AA–F to 2566, five levels from 2567). */
  grade: string;
  iit?: number;
  eit?: number;
  oit?: number;
  /** Ten indicator scores in indicator order (docs/domain.md §1). */
  indicators?: (number | null)[];
}

export interface DemoProvince {
  slug: string;
  nameTh: string;
  nameEn: string;
  districts: { slug: string; nameTh: string; nameEn: string }[];
}

export const DEMO_PROVINCES: DemoProvince[] = [
  {
    slug: "lamphun",
    nameTh: "ลำพูน",
    nameEn: "Lamphun",
    districts: [
      { slug: "mueang-lamphun", nameTh: "เมืองลำพูน", nameEn: "Mueang Lamphun" },
      { slug: "pa-sang", nameTh: "ป่าซาง", nameEn: "Pa Sang" },
      // Seed `lamphun-2566-…` writes บ้านโฮ้ง (mai tho); the district's official name is
      // บ้านโฮ่ง (mai ek), as the Department of Provincial Administration spells it.
      { slug: "ban-hong", nameTh: "บ้านโฮ่ง", nameEn: "Ban Hong" },
      { slug: "mae-tha", nameTh: "แม่ทา", nameEn: "Mae Tha" },
      { slug: "li", nameTh: "ลี้", nameEn: "Li" },
      { slug: "ban-thi", nameTh: "บ้านธิ", nameEn: "Ban Thi" },
      { slug: "wiang-nong-long", nameTh: "เวียงหนองล่อง", nameEn: "Wiang Nong Long" },
      { slug: "thung-hua-chang", nameTh: "ทุ่งหัวช้าง", nameEn: "Thung Hua Chang" },
    ],
  },
  {
    slug: "lopburi",
    nameTh: "ลพบุรี",
    nameEn: "Lopburi",
    districts: [{ slug: "mueang-lopburi", nameTh: "เมืองลพบุรี", nameEn: "Mueang Lopburi" }],
  },
  {
    slug: "surat-thani",
    nameTh: "สุราษฎร์ธานี",
    nameEn: "Surat Thani",
    districts: [{ slug: "chaiya", nameTh: "ไชยา", nameEn: "Chaiya" }],
  },
];

export interface DemoAgency {
  slug: string;
  nameTh: string;
  nameEn: string;
  type: AgencyType;
  province: string;
  district: string;
  /** Published ITA results by fiscal year (BE). */
  results: Record<number, DemoResult>;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    slug: "lamphun",
    nameTh: "จังหวัดลำพูน",
    nameEn: "Lamphun Province",
    type: "province",
    province: "lamphun",
    district: "mueang-lamphun",
    results: {
      // Seed `lamphun-2568-…`: 94.25, ผ่านดี, by indicator. The instruments are not
      // printed there; the domain takes them as the indicators' means (92.18, 88.66, 100).
      2567: {
        total: 94.25,
        grade: "good",
        indicators: [93.06, 94.42, 97.47, 84.2, 91.75, 93.4, 89.28, 83.31, 100, 100],
      },
    },
  },
  {
    slug: "lao-yao-sao",
    nameTh: "องค์การบริหารส่วนตำบลเหล่ายาว",
    nameEn: "Lao Yao SAO",
    type: "sao",
    province: "lamphun",
    district: "ban-hong",
    results: { 2565: { total: 84.99, grade: "B" } },
  },
  {
    slug: "tha-mae-lop-sao",
    nameTh: "องค์การบริหารส่วนตำบลท่าแม่ลอบ",
    nameEn: "Tha Mae Lop SAO",
    type: "sao",
    province: "lamphun",
    district: "mae-tha",
    results: { 2565: { total: 84.51, grade: "B" } },
  },
  {
    slug: "nong-yuang-municipality",
    nameTh: "เทศบาลตำบลหนองยวง",
    nameEn: "Nong Yuang Subdistrict Municipality",
    type: "subdistrict-municipality",
    province: "lamphun",
    district: "wiang-nong-long",
    results: { 2565: { total: 82.52, grade: "B" } },
  },
  {
    slug: "tha-tum-sao",
    nameTh: "องค์การบริหารส่วนตำบลท่าตุ้ม",
    nameEn: "Tha Tum SAO",
    type: "sao",
    province: "lamphun",
    district: "pa-sang",
    results: { 2565: { total: 82.36, grade: "B" } },
  },
  {
    slug: "makhuea-chae-municipality",
    nameTh: "เทศบาลตำบลมะเขือแจ้",
    nameEn: "Makhuea Chae Subdistrict Municipality",
    type: "subdistrict-municipality",
    province: "lamphun",
    district: "mueang-lamphun",
    results: { 2565: { total: 80.97, grade: "B" } },
  },
  {
    slug: "tha-chiang-thong-municipality",
    nameTh: "เทศบาลตำบลท่าเชียงทอง",
    nameEn: "Tha Chiang Thong Subdistrict Municipality",
    type: "subdistrict-municipality",
    province: "lamphun",
    district: "mueang-lamphun",
    results: { 2565: { total: 80.66, grade: "B" } },
  },
  {
    slug: "ban-ruean-sao",
    // Seed `lamphun-2566-…` writes บ้านเรื่อน; the sub-district's official name is บ้านเรือน.
    nameTh: "องค์การบริหารส่วนตำบลบ้านเรือน",
    nameEn: "Ban Ruean SAO",
    type: "sao",
    province: "lamphun",
    district: "pa-sang",
    results: { 2565: { total: 79.37, grade: "B" } },
  },
  {
    slug: "tha-kat-municipality",
    nameTh: "เทศบาลตำบลทากาศ",
    nameEn: "Tha Kat Subdistrict Municipality",
    type: "subdistrict-municipality",
    province: "lamphun",
    district: "mae-tha",
    results: { 2565: { total: 78.11, grade: "B" } },
  },
  {
    slug: "wiang-kaeo-sao",
    nameTh: "องค์การบริหารส่วนตำบลเวียงแก้ว",
    nameEn: "Wiang Kaeo SAO",
    type: "sao",
    province: "lamphun",
    district: "li",
    results: { 2565: { total: 77.62, grade: "B" } },
  },
  {
    slug: "wiang-kan-sao",
    nameTh: "องค์การบริหารส่วนตำบลเวียงกานต์",
    nameEn: "Wiang Kan SAO",
    type: "sao",
    province: "lamphun",
    district: "ban-hong",
    results: { 2565: { total: 74.12, grade: "C" } },
  },
  {
    slug: "huai-yap-sao",
    nameTh: "องค์การบริหารส่วนตำบลห้วยยาบ",
    nameEn: "Huai Yap SAO",
    type: "sao",
    province: "lamphun",
    district: "ban-thi",
    results: { 2565: { total: 73.37, grade: "C" } },
  },
  {
    slug: "nakhon-chedi-sao",
    nameTh: "องค์การบริหารส่วนตำบลนครเจดีย์",
    nameEn: "Nakhon Chedi SAO",
    type: "sao",
    province: "lamphun",
    district: "pa-sang",
    results: { 2565: { total: 71.69, grade: "C" } },
  },
  {
    slug: "lopburi-pao",
    nameTh: "องค์การบริหารส่วนจังหวัดลพบุรี",
    nameEn: "Lopburi Provincial Administrative Organisation",
    type: "pao",
    province: "lopburi",
    district: "mueang-lopburi",
    results: {
      // Seed `lopburi-pao-2566-…`: 2564 total only. 2565: 96.77 AA, OIT 100, and the ten
      // indicators from its list by indicator (97.85 duty, 93.24 budget, …) — not its
      // instrument tables, which contradict that list (87.85 / 83.24 …). The indicators'
      // means give 96.85, so the admin flags the published 96.77 as a disagreement.
      2564: { total: 95.52, grade: "AA" },
      2565: {
        total: 96.77,
        grade: "AA",
        oit: 100,
        indicators: [97.85, 93.24, 96.76, 95.25, 94.14, 96.38, 92.92, 92.89, 100, 100],
      },
    },
  },
  {
    slug: "phum-riang-municipality",
    nameTh: "เทศบาลตำบลพุมเรียง",
    nameEn: "Phum Riang Subdistrict Municipality",
    type: "subdistrict-municipality",
    province: "surat-thani",
    district: "chaiya",
    results: {},
  },
];

/**
 * Provinces' own targets (seed `lamphun-2566-…`: in 2565 47 of 59 passed; "at least 50"
 * for 2566).
 */
export const DEMO_PROVINCE_TARGETS: { province: string; fiscalYear: number; passTarget: number }[] =
  [{ province: "lamphun", fiscalYear: 2566, passTarget: 50 }];

/**
 * Executives' full titles (นายกองค์การบริหารส่วนจังหวัดลพบุรี, ปลัดเทศบาลตำบลหนองยวง), never a
 * bare "นายก": the head of a municipality is its นายกเทศมนตรี.
 */
export function executiveTitles(type: AgencyType, nameTh: string): [string, string] {
  if (type === "province") {
    const province = nameTh.replace(/^จังหวัด/, "");
    return [`ผู้ว่าราชการจังหวัด${province}`, `รองผู้ว่าราชการจังหวัด${province}`];
  }
  if (nameTh.startsWith("เทศบาล"))
    return [nameTh.replace(/^เทศบาล/, "นายกเทศมนตรี"), `ปลัด${nameTh}`];
  if (type === "district")
    return [`นายอำเภอ${nameTh.replace(/^อำเภอ/, "")}`, `ปลัดอำเภอ${nameTh.replace(/^อำเภอ/, "")}`];
  return [`นายก${nameTh}`, `ปลัด${nameTh}`];
}

/** Fiscal years the demo fills, and the share of items published in each. */
export const DEMO_YEARS: Record<number, number> = {
  2566: 0.95,
  2567: 0.9,
  2568: 0.85,
  2569: 0.7,
  2570: 0.25,
};

/**
 * Lamphun's review plan for 2566 (seed `lamphun-2566-ita-improvement-plan`, เอกสารแนบ ๒):
 * agencies send the URLs of these items in three rounds. Demo data of one province —
 * not national criteria; the demo moves the same plan to its other years.
 */
export const LAMPHUN_REVIEW_PLAN_2566 = {
  province: "lamphun",
  fiscalYear: 2566,
  rounds: [
    {
      number: 1,
      titleTh: "ครั้งที่ 1",
      deadline: "2023-01-31",
      // prettier-ignore
      itemCodes: ["O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "O9", "O11", "O14", "O15", "O19", "O20"],
    },
    {
      number: 2,
      titleTh: "ครั้งที่ 2",
      deadline: "2023-02-28",
      // prettier-ignore
      itemCodes: ["O13", "O17", "O18", "O22", "O23", "O25", "O27", "O28", "O31", "O34", "O36", "O38", "O39", "O42"],
    },
    {
      number: 3,
      titleTh: "ครั้งที่ 3",
      deadline: "2023-04-07",
      // prettier-ignore
      itemCodes: ["O10", "O12", "O16", "O21", "O24", "O26", "O29", "O30", "O32", "O33", "O35", "O37", "O40", "O41", "O43"],
    },
  ],
} as const;

/**
 * Lamphun province's measures of 2568 (seed `lamphun-2568-…`, parts 1 and 2): three of
 * its seven issues, with its own scores, findings, measures, steps and units (shortened).
 * The seed prints no monitoring column; the wording here follows the Lopburi PAO form
 * (seed `lopburi-pao-2566-…`: "reported at the heads-of-division meeting"), an inference.
 * The progress lines are invented demo data.
 */
export const LAMPHUN_MEASURES_2568 = {
  agency: "lamphun",
  fiscalYear: 2568,
  measures: [
    {
      source: "question" as const,
      code: "I1",
      score: 89.16,
      finding:
        "การปฏิบัติงานหรือให้บริการแก่บุคคลภายนอกของเจ้าหน้าที่ในหน่วยงาน เป็นไปตามขั้นตอนและระยะเวลาได้คะแนนต่ำที่สุดในประเด็นกระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ จังหวัดจะระบุขั้นตอนและระยะเวลาการให้บริการไว้ในคู่มือให้ชัดเจนและเผยแพร่ให้บุคลากรถือปฏิบัติ",
      measureTitle: "จัดทำคู่มือมาตรฐานการปฏิบัติงานหรือคู่มือมาตรฐานการให้บริการให้ครอบคลุมทุกภารกิจที่ให้บริการ",
      steps: [
        "แจ้งส่วนราชการปรับปรุงคู่มือหรือมาตรฐานการปฏิบัติงานให้เป็นปัจจุบัน พร้อมระบุระยะเวลาและเอกสารที่เกี่ยวข้อง",
        "เผยแพร่คู่มือบนเว็บไซต์ของหน่วยงานและ ณ สถานที่ตั้งที่ผู้มารับบริการเห็นได้ชัดเจน",
        "จัดทำแบบสอบถามความพึงพอใจในการให้บริการ เพื่อนำมาปรับปรุงการให้บริการ",
      ],
      startDate: "2024-10-01",
      endDate: "2025-09-30",
      responsibleUnit: "สำนักงานจังหวัดลำพูน และส่วนราชการส่วนภูมิภาค จำนวน ๓๓ ส่วนราชการ",
      monitoring: "รายงานผลการดำเนินการในการประชุมหัวหน้าส่วนราชการประจำเดือน",
      progress: [
        {
          date: "2025-01-31",
          status: "in-progress" as const,
          text: "แจ้งเวียนส่วนราชการให้ปรับปรุงคู่มือแล้ว ได้รับคู่มือฉบับปรับปรุง ๑๘ ส่วนราชการ",
        },
      ],
    },
    {
      source: "question" as const,
      code: "I10",
      score: 71.77,
      finding:
        "บุคลากรมีการขอยืมทรัพย์สินของทางราชการไปใช้ปฏิบัติงานไม่ถูกต้องตามขั้นตอน จังหวัดจะให้ทุกหน่วยงานระบุขั้นตอนการขอยืมทรัพย์สินไว้ในคู่มือ และกำกับตรวจสอบวัสดุและครุภัณฑ์เป็นระยะ",
      measureTitle: "จัดทำคู่มือมาตรการการใช้ทรัพย์สินของทางราชการที่ถูกต้อง",
      steps: [
        "แจ้งทุกส่วนราชการจัดทำแนวทางการขอยืมทรัพย์สินของทางราชการไว้ในคู่มืออย่างชัดเจน",
        "ประชาสัมพันธ์คู่มือหรือแนวทางการขอยืมทรัพย์สินให้บุคลากรในหน่วยงานรับทราบ",
        "แต่งตั้งคณะกรรมการกำกับ ดูแล ตรวจสอบเพื่อป้องกันมิให้นำทรัพย์สินราชการไปใช้ประโยชน์ส่วนตัว",
      ],
      startDate: "2024-10-01",
      endDate: "2025-09-30",
      responsibleUnit: "สำนักงานจังหวัดลำพูน และส่วนราชการส่วนภูมิภาค จำนวน ๓๓ ส่วนราชการ",
      monitoring: "รายงานผลการดำเนินการในการประชุมหัวหน้าส่วนราชการทุกไตรมาส",
      progress: [
        {
          date: "2025-02-28",
          status: "done" as const,
          text: "เผยแพร่คู่มือการยืมทรัพย์สินของทางราชการแก่บุคลากรทุกส่วนราชการแล้ว",
        },
      ],
    },
    {
      source: "question" as const,
      code: "I15",
      score: 89.55,
      finding:
        "บุคลากรในหน่วยงานยังขาดความเชื่อมั่นในกระบวนการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของหน่วยงาน จังหวัดจะทบทวนแนวปฏิบัติและจัดช่องทางร้องเรียนที่เข้าถึงง่ายและเก็บข้อมูลผู้ร้องเป็นความลับ",
      measureTitle: "มาตรการจัดการเรื่องร้องเรียน ร้องทุกข์ ในด้านการทุจริตประพฤติมิชอบของเจ้าหน้าที่ภาครัฐ",
      steps: [
        "ทบทวนแนวปฏิบัติสำหรับการจัดการเรื่องร้องเรียนการทุจริตให้เป็นปัจจุบัน",
        "จัดให้มีช่องทางการร้องเรียนที่เข้าถึงได้ง่ายและเก็บรักษาข้อมูลผู้ร้องเป็นความลับ",
        "แจ้งเวียนให้ทุกหน่วยงานเผยแพร่แนวปฏิบัติและช่องทางดังกล่าวทางเว็บไซต์และ ณ ที่ตั้งหน่วยงาน",
      ],
      startDate: "2024-10-01",
      endDate: "2025-09-30",
      responsibleUnit: "สำนักงานจังหวัดลำพูน",
      monitoring: "สรุปผลการจัดการเรื่องร้องเรียนเสนอผู้ว่าราชการจังหวัดทุกไตรมาส",
      progress: [],
    },
  ],
};
