/**
 * The seven public disclosure categories every agency publishes on its website
 * (docs/domain.md §2). Stable across years: yearly frameworks map their items onto them.
 */

export type CategoryNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DisclosureCategory {
  number: CategoryNumber;
  key: string;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
}

/**
 * Titles and descriptions are Lamphun's public-disclosure measure of 2562 (docs/domain.md
 * §2, §11), §1.3: each description is that list of examples ("เช่น …") word for word;
 * only spaces the document's justified lines put inside a phrase are joined ("ช่องทาง
 * แจ้งเรื่องร้องเรียน"), and "( Q&A )" spaced as usual. The lists predate later items and
 * name none of them: the personal-data policy (O10 of 2566) is in category 1 because the
 * 2566 framework puts it there; the ethics items O39–O41 in category 6 are our inference
 * (no seed places them; docs/domain.md §3).
 */
export const DISCLOSURE_CATEGORIES: readonly DisclosureCategory[] = [
  {
    number: 1,
    key: "basic-information",
    titleTh: "ข้อมูลพื้นฐาน",
    titleEn: "Basic information",
    descriptionTh:
      "โครงสร้างหน่วยงาน ข้อมูลผู้บริหาร อำนาจหน้าที่ แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน ข้อมูลการติดต่อ กฎหมายที่เกี่ยวข้อง ข่าวประชาสัมพันธ์ ช่องทางการติดต่อสอบถาม (Q&A) ช่องทางเชื่อมโยงสู่เครือข่ายสังคมออนไลน์ของหน่วยงาน (Social Network)",
  },
  {
    number: 2,
    key: "administration",
    titleTh: "การบริหารงาน",
    titleEn: "Administration",
    descriptionTh:
      "แผนการดำเนินงานประจำปี รายงานผลการกำกับติดตามการดำเนินงานประจำปีหรือรอบ ๖ เดือน รายงานผลการดำเนินงานประจำปี คู่มือหรือมาตรฐานการปฏิบัติงาน คู่มือหรือมาตรฐานการให้บริการ ข้อมูลเชิงสถิติการให้บริการ รายงานผลการสำรวจความพึงพอใจการให้บริการ ช่องทางที่ผู้รับบริการสามารถขอรับบริการ (E-Service)",
  },
  {
    number: 3,
    key: "budget",
    titleTh: "การบริหารเงินงบประมาณ",
    titleEn: "Budget",
    descriptionTh:
      "แผนการใช้จ่ายงบประมาณประจำปี รายงานการกำกับติดตามการใช้จ่ายงบประมาณประจำปีรอบ ๖ เดือน รายงานผลการใช้จ่ายงบประมาณประจำปี แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ ประกาศต่างๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
  },
  {
    number: 4,
    key: "human-resources",
    titleTh: "การบริหารและพัฒนาทรัพยากรบุคคล",
    titleEn: "Human resources",
    descriptionTh:
      "นโยบายการบริหารทรัพยากรบุคคล การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
  },
  {
    number: 5,
    key: "transparency",
    titleTh: "ส่งเสริมความโปร่งใส",
    titleEn: "Promoting transparency",
    descriptionTh:
      "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต ช่องทางแจ้งเรื่องร้องเรียนการทุจริต ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตประจำปี ช่องทางการรับฟังความคิดเห็น การเปิดโอกาสให้เกิดการมีส่วนร่วม",
  },
  {
    number: 6,
    key: "anti-corruption",
    titleTh: "การดำเนินการเพื่อป้องกันการทุจริต",
    titleEn: "Anti-corruption actions",
    descriptionTh:
      "การประเมินความเสี่ยงการทุจริตประจำปี การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต การเสริมสร้างวัฒนธรรมองค์กร แผนปฏิบัติการป้องกันการทุจริตประจำปี รอบ ๖ เดือน และรายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
  },
  {
    number: 7,
    key: "internal-measures",
    titleTh: "มาตรการภายในเพื่อป้องกันการทุจริต",
    titleEn: "Internal anti-corruption measures",
    descriptionTh:
      "เผยแพร่ข้อมูลต่อสาธารณะ มาตรการให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง มาตรการจัดการเรื่องร้องเรียนการทุจริต มาตรการป้องกันการรับสินบน มาตรการป้องกันขัดกันระหว่างผลประโยชน์ส่วนตนกับผลประโยชน์ส่วนรวม มาตรการตรวจสอบการใช้ดุลพินิจ",
  },
];

export function isCategoryNumber(x: unknown): x is CategoryNumber {
  return typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 7;
}

export function categoryByNumber(n: CategoryNumber): DisclosureCategory;
export function categoryByNumber(n: number): DisclosureCategory | undefined;
export function categoryByNumber(n: number): DisclosureCategory | undefined {
  return DISCLOSURE_CATEGORIES.find((c) => c.number === n);
}

export function categoryByKey(key: string): DisclosureCategory | undefined {
  return DISCLOSURE_CATEGORIES.find((c) => c.key === key);
}
