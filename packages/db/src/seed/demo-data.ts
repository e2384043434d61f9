// Demo agencies named in the public documents of docs/domain.md §11: Lamphun province and
// the 12 LAOs that failed ITA 2565 (with district, score and grade), Lopburi PAO
// (2564/2565 scores) and Phum Riang sub-district municipality. Contacts are invented
// and clearly marked as examples (.example domains, 0-0000 phone numbers).
import type { AgencyType } from "@ita/domain/agency-types";

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
  /** Published ITA totals by fiscal year (BE). */
  results: Record<number, number>;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    slug: "lamphun",
    nameTh: "จังหวัดลำพูน",
    nameEn: "Lamphun Province",
    type: "province",
    province: "lamphun",
    district: "mueang-lamphun",
    results: {},
  },
  {
    slug: "lao-yao-sao",
    nameTh: "องค์การบริหารส่วนตำบลเหล่ายาว",
    nameEn: "Lao Yao SAO",
    type: "sao",
    province: "lamphun",
    district: "ban-hong",
    results: { 2565: 84.99 },
  },
  {
    slug: "tha-mae-lop-sao",
    nameTh: "องค์การบริหารส่วนตำบลท่าแม่ลอบ",
    nameEn: "Tha Mae Lop SAO",
    type: "sao",
    province: "lamphun",
    district: "mae-tha",
    results: { 2565: 84.51 },
  },
  {
    slug: "nong-yuang-municipality",
    nameTh: "เทศบาลตำบลหนองยวง",
    nameEn: "Nong Yuang Subdistrict Municipality",
    type: "subdistrict-municipality",
    province: "lamphun",
    district: "wiang-nong-long",
    results: { 2565: 82.52 },
  },
  {
    slug: "tha-tum-sao",
    nameTh: "องค์การบริหารส่วนตำบลท่าตุ้ม",
    nameEn: "Tha Tum SAO",
    type: "sao",
    province: "lamphun",
    district: "pa-sang",
    results: { 2565: 82.36 },
  },
  {
    slug: "makhuea-chae-municipality",
    nameTh: "เทศบาลตำบลมะเขือแจ้",
    nameEn: "Makhuea Chae Subdistrict Municipality",
    type: "subdistrict-municipality",
    province: "lamphun",
    district: "mueang-lamphun",
    results: { 2565: 80.97 },
  },
  {
    slug: "tha-chiang-thong-municipality",
    nameTh: "เทศบาลตำบลท่าเชียงทอง",
    nameEn: "Tha Chiang Thong Subdistrict Municipality",
    type: "subdistrict-municipality",
    province: "lamphun",
    district: "mueang-lamphun",
    results: { 2565: 80.66 },
  },
  {
    slug: "ban-ruean-sao",
    nameTh: "องค์การบริหารส่วนตำบลบ้านเรือน",
    nameEn: "Ban Ruean SAO",
    type: "sao",
    province: "lamphun",
    district: "pa-sang",
    results: { 2565: 79.37 },
  },
  {
    slug: "tha-kat-municipality",
    nameTh: "เทศบาลตำบลทากาศ",
    nameEn: "Tha Kat Subdistrict Municipality",
    type: "subdistrict-municipality",
    province: "lamphun",
    district: "mae-tha",
    results: { 2565: 78.11 },
  },
  {
    slug: "wiang-kaeo-sao",
    nameTh: "องค์การบริหารส่วนตำบลเวียงแก้ว",
    nameEn: "Wiang Kaeo SAO",
    type: "sao",
    province: "lamphun",
    district: "li",
    results: { 2565: 77.62 },
  },
  {
    slug: "wiang-kan-sao",
    nameTh: "องค์การบริหารส่วนตำบลเวียงกานต์",
    nameEn: "Wiang Kan SAO",
    type: "sao",
    province: "lamphun",
    district: "ban-hong",
    results: { 2565: 74.12 },
  },
  {
    slug: "huai-yap-sao",
    nameTh: "องค์การบริหารส่วนตำบลห้วยยาบ",
    nameEn: "Huai Yap SAO",
    type: "sao",
    province: "lamphun",
    district: "ban-thi",
    results: { 2565: 73.37 },
  },
  {
    slug: "nakhon-chedi-sao",
    nameTh: "องค์การบริหารส่วนตำบลนครเจดีย์",
    nameEn: "Nakhon Chedi SAO",
    type: "sao",
    province: "lamphun",
    district: "pa-sang",
    results: { 2565: 71.69 },
  },
  {
    slug: "lopburi-pao",
    nameTh: "องค์การบริหารส่วนจังหวัดลพบุรี",
    nameEn: "Lopburi Provincial Administrative Organisation",
    type: "pao",
    province: "lopburi",
    district: "mueang-lopburi",
    results: { 2564: 95.52, 2565: 96.77 },
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
