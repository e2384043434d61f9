import { thaiSearchKey } from "@ita/domain/thai-text";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "../client.ts";
import { describeEachDriver } from "../testing/index.ts";

// Text as files and clerks give it: NULs are left out (PostgreSQL cannot hold them).
const SAMPLES = [
  "ประกาศ เรื่อง เจตจ\u0E4D\u0E32นงสุจริต ปี ๒๕๖๘",
  "การทุจริตและประพฤติ \n  มิชอบ",
  "E-Service\r\nOnline  O21",
  "ป\uF70Aา ท\uF70Bอง ป\uF701ด \uF700าน น\u0E4D\u0E49\u0E32",
  "ก\u200Bข\u00ADค\uFEFFง\u0007",
  "  ไฟป่า\t\tจัดซื้อจัดจ้าง\n\n\nABC  ",
];

describeEachDriver("search_key()", (use) => {
  it("folds exactly like thaiSearchKey, so queries and the index agree", async () => {
    for (const text of SAMPLES) {
      const [row] = await queryRows<{ key: string }>(
        use().db,
        sql`select search_key(${text}) as key`,
      );
      expect(row!.key, JSON.stringify(text)).toBe(thaiSearchKey(text));
    }
  });
});
