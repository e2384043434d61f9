/**
 * Parts for realistic Thai place and agency names at national scale. The 77 provinces
 * are the real ones (RTGS romanisation for slugs); districts and sub-districts
 * (ตำบล) are built from common name parts, as real Thai place names are.
 */

// prettier-ignore
export const PROVINCES: readonly (readonly [th: string, slug: string])[] = [
  ["กรุงเทพมหานคร", "bangkok"], ["กระบี่", "krabi"], ["กาญจนบุรี", "kanchanaburi"], ["กาฬสินธุ์", "kalasin"],
  ["กำแพงเพชร", "kamphaeng-phet"], ["ขอนแก่น", "khon-kaen"], ["จันทบุรี", "chanthaburi"], ["ฉะเชิงเทรา", "chachoengsao"],
  ["ชลบุรี", "chon-buri"], ["ชัยนาท", "chai-nat"], ["ชัยภูมิ", "chaiyaphum"], ["ชุมพร", "chumphon"],
  ["เชียงราย", "chiang-rai"], ["เชียงใหม่", "chiang-mai"], ["ตรัง", "trang"], ["ตราด", "trat"],
  ["ตาก", "tak"], ["นครนายก", "nakhon-nayok"], ["นครปฐม", "nakhon-pathom"], ["นครพนม", "nakhon-phanom"],
  ["นครราชสีมา", "nakhon-ratchasima"], ["นครศรีธรรมราช", "nakhon-si-thammarat"], ["นครสวรรค์", "nakhon-sawan"], ["นนทบุรี", "nonthaburi"],
  ["นราธิวาส", "narathiwat"], ["น่าน", "nan"], ["บึงกาฬ", "bueng-kan"], ["บุรีรัมย์", "buri-ram"],
  ["ปทุมธานี", "pathum-thani"], ["ประจวบคีรีขันธ์", "prachuap-khiri-khan"], ["ปราจีนบุรี", "prachin-buri"], ["ปัตตานี", "pattani"],
  ["พระนครศรีอยุธยา", "phra-nakhon-si-ayutthaya"], ["พะเยา", "phayao"], ["พังงา", "phang-nga"], ["พัทลุง", "phatthalung"],
  ["พิจิตร", "phichit"], ["พิษณุโลก", "phitsanulok"], ["เพชรบุรี", "phetchaburi"], ["เพชรบูรณ์", "phetchabun"],
  ["แพร่", "phrae"], ["ภูเก็ต", "phuket"], ["มหาสารคาม", "maha-sarakham"], ["มุกดาหาร", "mukdahan"],
  ["แม่ฮ่องสอน", "mae-hong-son"], ["ยโสธร", "yasothon"], ["ยะลา", "yala"], ["ร้อยเอ็ด", "roi-et"],
  ["ระนอง", "ranong"], ["ระยอง", "rayong"], ["ราชบุรี", "ratchaburi"], ["ลพบุรี", "lopburi"],
  ["ลำปาง", "lampang"], ["ลำพูน", "lamphun"], ["เลย", "loei"], ["ศรีสะเกษ", "si-sa-ket"],
  ["สกลนคร", "sakon-nakhon"], ["สงขลา", "songkhla"], ["สตูล", "satun"], ["สมุทรปราการ", "samut-prakan"],
  ["สมุทรสงคราม", "samut-songkhram"], ["สมุทรสาคร", "samut-sakhon"], ["สระแก้ว", "sa-kaeo"], ["สระบุรี", "saraburi"],
  ["สิงห์บุรี", "sing-buri"], ["สุโขทัย", "sukhothai"], ["สุพรรณบุรี", "suphan-buri"], ["สุราษฎร์ธานี", "surat-thani"],
  ["สุรินทร์", "surin"], ["หนองคาย", "nong-khai"], ["หนองบัวลำภู", "nong-bua-lam-phu"], ["อ่างทอง", "ang-thong"],
  ["อำนาจเจริญ", "amnat-charoen"], ["อุดรธานี", "udon-thani"], ["อุตรดิตถ์", "uttaradit"], ["อุทัยธานี", "uthai-thani"],
  ["อุบลราชธานี", "ubon-ratchathani"],
];

/** First halves of place names (บ้าน…, หนอง…, แม่…). */
// prettier-ignore
export const NAME_HEADS: readonly (readonly [th: string, en: string])[] = [
  ["บ้าน", "ban"], ["นา", "na"], ["หนอง", "nong"], ["ท่า", "tha"], ["โพธิ์", "pho"], ["วัง", "wang"],
  ["ห้วย", "huai"], ["เวียง", "wiang"], ["แม่", "mae"], ["ป่า", "pa"], ["บึง", "bueng"], ["โคก", "khok"],
  ["ดอน", "don"], ["ทุ่ง", "thung"], ["บาง", "bang"], ["ศรี", "si"], ["สระ", "sa"], ["หัว", "hua"],
  ["คลอง", "khlong"], ["เขา", "khao"], ["ดง", "dong"], ["โนน", "non"], ["ลำ", "lam"], ["น้ำ", "nam"],
  ["วัด", "wat"], ["สัน", "san"], ["ไร่", "rai"], ["หาด", "hat"], ["ทับ", "thap"], ["กุด", "kut"],
];

/** Second halves (…ทอง, …ใหญ่, …เจริญ). */
// prettier-ignore
export const NAME_TAILS: readonly (readonly [th: string, en: string])[] = [
  ["ทอง", "thong"], ["แก้ว", "kaeo"], ["ใหญ่", "yai"], ["น้อย", "noi"], ["หลวง", "luang"], ["ยาง", "yang"],
  ["ขาม", "kham"], ["ไผ่", "phai"], ["ชัย", "chai"], ["สูง", "sung"], ["งาม", "ngam"], ["ลาด", "lat"],
  ["เหนือ", "nuea"], ["ใต้", "tai"], ["กลาง", "klang"], ["ทราย", "sai"], ["แดง", "daeng"], ["จันทร์", "chan"],
  ["บัว", "bua"], ["สวรรค์", "sawan"], ["เจริญ", "charoen"], ["สว่าง", "sawang"], ["พัฒนา", "phatthana"], ["ใหม่", "mai"],
  ["เก่า", "kao"], ["ม่วง", "muang"], ["สำราญ", "samran"], ["มะขาม", "makham"], ["ตะเคียน", "takhian"], ["สะแก", "sakae"],
];

/**
 * Second paragraph of an entry's description: what a local government typically
 * reports on. The first is the rare-word document (about 0.2 % of entries), so search
 * can be measured for a common word (ทุจริต, in item titles) and a rare one (ไฟป่า).
 */
export const RARE_WORD = "ไฟป่า";
// prettier-ignore
export const ACTIVITIES: readonly string[] = [
  "โครงการป้องกันและควบคุมไฟป่าและหมอกควันในพื้นที่",
  "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็กภายในหมู่บ้าน",
  "โครงการจัดซื้อวัสดุการเกษตรเพื่อส่งเสริมอาชีพ",
  "โครงการซ่อมแซมระบบประปาหมู่บ้าน",
  "โครงการส่งเสริมสุขภาพผู้สูงอายุและผู้พิการ",
  "โครงการอาหารเสริม (นม) โรงเรียนและศูนย์พัฒนาเด็กเล็ก",
  "โครงการขุดลอกคลองและแหล่งน้ำสาธารณะ",
  "โครงการติดตั้งไฟฟ้าส่องสว่างทางสาธารณะ",
  "โครงการฝึกอบรมคุณธรรมจริยธรรมบุคลากร",
  "โครงการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
  "โครงการบริหารจัดการขยะมูลฝอยชุมชน",
  "โครงการป้องกันและบรรเทาสาธารณภัย",
  "โครงการจัดงานประเพณีสงกรานต์และลอยกระทง",
  "โครงการพัฒนาศักยภาพอาสาสมัครป้องกันภัยฝ่ายพลเรือน",
  "โครงการรณรงค์ป้องกันโรคไข้เลือดออก",
  "โครงการจัดซื้อครุภัณฑ์สำนักงาน",
  "โครงการประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น",
  "โครงการส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม",
  "โครงการปรับปรุงศูนย์พัฒนาเด็กเล็ก",
  "โครงการเบี้ยยังชีพผู้สูงอายุ ผู้พิการ และผู้ป่วยเอดส์",
];
