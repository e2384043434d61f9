/** UI strings, Thai first. Pages call `t(lang, key)`; missing English falls back to Thai. */
export type Lang = "th" | "en";

const th = {
  siteName: "ศูนย์ข้อมูลความโปร่งใสหน่วยงานภาครัฐ",
  siteTagline: "การเปิดเผยข้อมูลสาธารณะตามเกณฑ์การประเมินคุณธรรมและความโปร่งใส (ITA)",
  skipToContent: "ข้ามไปยังเนื้อหาหลัก",
  home: "หน้าแรก",
  search: "ค้นหา",
  searchPlaceholder: "ค้นหาเอกสาร เช่น จัดซื้อจัดจ้าง",
  agencies: "หน่วยงาน",
  agenciesByProvince: "หน่วยงานตามจังหวัดและอำเภอ",
  agencyCount: "จำนวนหน่วยงาน",
  province: "จังหวัด",
  district: "อำเภอ",
  switchLanguage: "English",
  switchLanguageLabel: "Switch to English",
  notFoundTitle: "ไม่พบหน้าที่คุณต้องการ",
  notFoundBody: "หน้านี้อาจถูกย้าย หรือที่อยู่ (URL) ไม่ถูกต้อง",
  backHome: "กลับหน้าแรก",
  fiscalYear: "ปีงบประมาณ",
  show: "แสดง",
  completeness: "ความครบถ้วน",
  publishedOf: "เผยแพร่แล้ว {published} จาก {required} ข้อ",
  notYetPublished: "ยังไม่เผยแพร่",
  inheritedFramework: "ยังไม่มีเกณฑ์ของปีงบประมาณ {year} จึงใช้เกณฑ์ของปี {from} ไปก่อน",
  noFramework: "ยังไม่มีเกณฑ์การประเมินสำหรับปีนี้",
  contact: "ข้อมูลติดต่อ",
  address: "ที่อยู่",
  phone: "โทรศัพท์",
  email: "อีเมล",
  website: "เว็บไซต์",
  executives: "ผู้บริหาร",
  itaResults: "ผลการประเมิน ITA",
  total: "คะแนนรวม",
  grade: "ระดับ",
  complaints: "ช่องทางร้องเรียนการทุจริตและประพฤติมิชอบ",
  footerNote: "ข้อมูลในเว็บไซต์นี้เผยแพร่โดยหน่วยงานแต่ละแห่ง ตามมาตรการเปิดเผยข้อมูลต่อสาธารณะ",
  staffSignIn: "สำหรับเจ้าหน้าที่",
};

const en: Partial<Record<keyof typeof th, string>> = {
  siteName: "Public Agency Transparency Portal",
  siteTagline: "Public disclosures under the Integrity and Transparency Assessment (ITA)",
  skipToContent: "Skip to main content",
  home: "Home",
  search: "Search",
  searchPlaceholder: "Search documents, e.g. procurement",
  agencies: "Agencies",
  agenciesByProvince: "Agencies by province and district",
  agencyCount: "Agencies",
  province: "Province",
  district: "District",
  switchLanguage: "ภาษาไทย",
  switchLanguageLabel: "เปลี่ยนเป็นภาษาไทย",
  notFoundTitle: "Page not found",
  notFoundBody: "The page may have moved, or the address (URL) is wrong.",
  backHome: "Back to the home page",
  fiscalYear: "Fiscal year",
  show: "Show",
  completeness: "Completeness",
  publishedOf: "{published} of {required} items published",
  notYetPublished: "Not yet published",
  inheritedFramework: "No criteria for fiscal year {year} yet; the {from} criteria apply for now",
  noFramework: "No assessment criteria for this year yet",
  contact: "Contact",
  address: "Address",
  phone: "Phone",
  email: "E-mail",
  website: "Website",
  executives: "Executives",
  itaResults: "ITA results",
  total: "Total",
  grade: "Grade",
  complaints: "Corruption and misconduct complaint channels",
  footerNote: "Information on this site is published by each agency under its public disclosure measures.",
  staffSignIn: "Staff sign-in",
};

export type MessageKey = keyof typeof th;

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = (lang === "en" ? en[key] : undefined) ?? th[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function parseLang(value: string | null | undefined): Lang | null {
  return value === "th" || value === "en" ? value : null;
}
