/**
 * ITA 2566 OIT checklist, O1–O43 (docs/domain.md §3; Lamphun's 2566 ITA improvement plan).
 * Thai titles are verbatim from that plan, which lists "O31" twice, the second is O32.
 * Indicator 9 (disclosure) for categories 1–5, 10 (corruption prevention) for 6–7.
 * Tags give the items the portal looks up by role (the complaint block, the O42/O43
 * measures); code never names an item.
 * Deadlines are not national criteria: Lamphun's 2566 review rounds (31 ม.ค., 28 ก.พ.,
 * 7 เม.ย. 2566) are that province's plan (`province_review_rounds`, demo data).
 * O21 is monthly (twelve summaries, October–September); every other item is one entry a
 * year. Evidence: what an assessor opens to check the item — plans, reports, manuals and
 * announcements are documents; channels (Q&A, social networks, E-Service, complaints) are
 * links; contact details and executives can be the entry's own text.
 */
import { AGENCY_TYPES } from "../agency-types.ts";
import type { FrameworkDefinition, FrameworkItem } from "./types.ts";

// One row per item, kept as a table for review against the seed.
// prettier-ignore
const ITEMS: FrameworkItem[] = [
  { code: "O1", titleTh: "โครงสร้าง", titleEn: "Organisation structure", categories: [1], indicator: 9, sortOrder: 1, cadence: "once", evidence: ["document"] },
  { code: "O2", titleTh: "ข้อมูลผู้บริหาร", titleEn: "Executives", categories: [1], indicator: 9, sortOrder: 2, cadence: "once", evidence: ["text", "document"] },
  { code: "O3", titleTh: "อำนาจหน้าที่", titleEn: "Powers and duties", categories: [1], indicator: 9, sortOrder: 3, cadence: "once", evidence: ["text", "document"] },
  { code: "O4", titleTh: "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", titleEn: "Strategic / development plan", categories: [1], indicator: 9, sortOrder: 4, cadence: "once", evidence: ["document"] },
  { code: "O5", titleTh: "ข้อมูลการติดต่อ", titleEn: "Contact information", categories: [1], indicator: 9, sortOrder: 5, cadence: "once", evidence: ["text"] },
  { code: "O6", titleTh: "กฎหมายที่เกี่ยวข้อง", titleEn: "Relevant laws", categories: [1], indicator: 9, sortOrder: 6, cadence: "once", evidence: ["link", "document"] },
  { code: "O7", titleTh: "ข่าวประชาสัมพันธ์", titleEn: "News", categories: [1], indicator: 9, sortOrder: 7, cadence: "once", evidence: ["text", "link"] },
  { code: "O8", titleTh: "Q&A", titleEn: "Questions & answers channel", categories: [1], indicator: 9, sortOrder: 8, cadence: "once", evidence: ["link"] },
  { code: "O9", titleTh: "Social Network", titleEn: "Social-network links", categories: [1], indicator: 9, sortOrder: 9, cadence: "once", evidence: ["link"] },
  { code: "O10", titleTh: "นโยบายคุ้มครองข้อมูลส่วนบุคคล", titleEn: "Personal-data protection policy", categories: [1], indicator: 9, sortOrder: 10, cadence: "once", evidence: ["document", "link"] },
  { code: "O11", titleTh: "แผนการดำเนินงานและแผนการใช้งบประมาณประจำปี", titleEn: "Annual operating & budget plan", categories: [2,  3], indicator: 9, sortOrder: 11, cadence: "once", evidence: ["document"] },
  { code: "O12", titleTh: "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ ๖ เดือน", titleEn: "6-month operating & budget report", categories: [2,  3], indicator: 9, sortOrder: 12, cadence: "once", evidence: ["document"] },
  { code: "O13", titleTh: "รายงานผลการดำเนินงานประจำปี", titleEn: "Annual performance report", categories: [2], indicator: 9, sortOrder: 13, cadence: "once", evidence: ["document"] },
  { code: "O14", titleTh: "คู่มือหรือมาตรฐานการปฏิบัติงาน", titleEn: "Operations manual / standard", categories: [2], indicator: 9, sortOrder: 14, cadence: "once", evidence: ["document"] },
  { code: "O15", titleTh: "คู่มือหรือมาตรฐานการให้บริการ", titleEn: "Service manual / standard", categories: [2], indicator: 9, sortOrder: 15, cadence: "once", evidence: ["document"] },
  { code: "O16", titleTh: "ข้อมูลเชิงสถิติการให้บริการ", titleEn: "Service statistics", categories: [2], indicator: 9, sortOrder: 16, cadence: "once", evidence: ["document"] },
  { code: "O17", titleTh: "รายงานผลการสำรวจความพึงพอใจการให้บริการ", titleEn: "Satisfaction-survey report", categories: [2], indicator: 9, sortOrder: 17, cadence: "once", evidence: ["document"] },
  { code: "O18", titleTh: "E-Service", titleEn: "Online services", categories: [2], indicator: 9, sortOrder: 18, cadence: "once", evidence: ["link"] },
  { code: "O19", titleTh: "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", titleEn: "Procurement plan", categories: [3], indicator: 9, sortOrder: 19, cadence: "once", evidence: ["document"] },
  { code: "O20", titleTh: "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", titleEn: "Procurement announcements", categories: [3], indicator: 9, sortOrder: 20, cadence: "once", evidence: ["document", "link"] },
  { code: "O21", titleTh: "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", titleEn: "Monthly procurement summary", categories: [3], indicator: 9, sortOrder: 21, cadence: "monthly", evidence: ["document"] },
  { code: "O22", titleTh: "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", titleEn: "Annual procurement report", categories: [3], indicator: 9, sortOrder: 22, cadence: "once", evidence: ["document"] },
  { code: "O23", titleTh: "นโยบายหรือแผนการบริหารทรัพยากรบุคคล", titleEn: "HR policy / plan", categories: [4], indicator: 9, sortOrder: 23, cadence: "once", evidence: ["document"] },
  { code: "O24", titleTh: "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล", titleEn: "HR policy implementation", categories: [4], indicator: 9, sortOrder: 24, cadence: "once", evidence: ["document"] },
  { code: "O25", titleTh: "หลักเกณฑ์การบริหารทรัพยากรบุคคล", titleEn: "HR criteria", categories: [4], indicator: 9, sortOrder: 25, cadence: "once", evidence: ["document"] },
  { code: "O26", titleTh: "รายงานผลการบริหารทรัพยากรบุคคลประจำปี", titleEn: "Annual HR report", categories: [4], indicator: 9, sortOrder: 26, cadence: "once", evidence: ["document"] },
  { code: "O27", titleTh: "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", titleEn: "Complaint-handling guideline", categories: [5], indicator: 9, sortOrder: 27, cadence: "once", evidence: ["document"], tag: "complaint-guideline" },
  { code: "O28", titleTh: "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", titleEn: "Complaint channel", categories: [5], indicator: 9, sortOrder: 28, cadence: "once", evidence: ["link", "text"], tag: "complaint-channel" },
  { code: "O29", titleTh: "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", titleEn: "Complaint statistics", categories: [5], indicator: 9, sortOrder: 29, cadence: "once", evidence: ["document"], tag: "complaint-statistics" },
  { code: "O30", titleTh: "การเปิดโอกาสให้เกิดการมีส่วนร่วม", titleEn: "Public participation", categories: [5], indicator: 9, sortOrder: 30, cadence: "once", evidence: ["document", "text"] },
  { code: "O31", titleTh: "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", titleEn: "No Gift Policy declaration", categories: [6], indicator: 10, sortOrder: 31, cadence: "once", evidence: ["document"] },
  { code: "O32", titleTh: "การสร้างวัฒนธรรม No Gift Policy", titleEn: "No Gift culture building", categories: [6], indicator: 10, sortOrder: 32, cadence: "once", evidence: ["document"] },
  { code: "O33", titleTh: "การประเมินผลและรายงานผล นโยบาย No Gift Policy", titleEn: "No Gift evaluation & report", categories: [6], indicator: 10, sortOrder: 33, cadence: "once", evidence: ["document"] },
  { code: "O34", titleTh: "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี", titleEn: "Annual corruption-risk assessment", categories: [6], indicator: 10, sortOrder: 34, cadence: "once", evidence: ["document"] },
  { code: "O35", titleTh: "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี", titleEn: "Risk-management actions", categories: [6], indicator: 10, sortOrder: 35, cadence: "once", evidence: ["document"] },
  { code: "O36", titleTh: "แผนปฏิบัติการป้องกันการทุจริต", titleEn: "Anti-corruption action plan", categories: [6], indicator: 10, sortOrder: 36, cadence: "once", evidence: ["document"] },
  { code: "O37", titleTh: "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ ๖ เดือน", titleEn: "6-month anti-corruption report", categories: [6], indicator: 10, sortOrder: 37, cadence: "once", evidence: ["document"] },
  { code: "O38", titleTh: "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", titleEn: "Annual anti-corruption report", categories: [6], indicator: 10, sortOrder: 38, cadence: "once", evidence: ["document"] },
  // O39–O41 (ethics) in category 6 is our inference: seed `lamphun-2562-…` §1.3 lists no
  // ethics item among the seven categories (it predates them); 6, anti-corruption
  // actions, is the nearest. The seeds say nothing either way (docs/domain.md §3).
  { code: "O39", titleTh: "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", titleEn: "Code of ethics", categories: [6], indicator: 10, sortOrder: 39, cadence: "once", evidence: ["document"] },
  { code: "O40", titleTh: "การขับเคลื่อนจริยธรรม", titleEn: "Ethics promotion", categories: [6], indicator: 10, sortOrder: 40, cadence: "once", evidence: ["document"] },
  { code: "O41", titleTh: "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ", titleEn: "Ethics evaluation", categories: [6], indicator: 10, sortOrder: 41, cadence: "once", evidence: ["document"] },
  { code: "O42", titleTh: "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", titleEn: "Internal integrity & transparency measures", categories: [7], indicator: 10, sortOrder: 42, cadence: "once", evidence: ["document"], tag: "measures" },
  { code: "O43", titleTh: "การดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", titleEn: "Implementation of those measures", categories: [7], indicator: 10, sortOrder: 43, cadence: "once", evidence: ["document"], tag: "measures-implementation" },
];

export const ITA_2566: FrameworkDefinition = {
  key: "ita-2566",
  fiscalYear: 2566,
  agencyTypes: [...AGENCY_TYPES],
  titleTh: "เกณฑ์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 (แบบตรวจ OIT)",
  titleEn: "ITA assessment criteria, fiscal year 2566 (OIT checklist)",
  gradingScheme: "letter-2566",
  items: ITEMS,
};
