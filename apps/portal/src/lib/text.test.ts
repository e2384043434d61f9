import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";
import { highlight } from "./highlight.ts";
import { sanitizeDescription } from "@ita/api/sanitize";
import { xmlText } from "./xml.ts";

describe("toCsv", () => {
  it("starts with a BOM, uses CRLF and quotes what needs quoting", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        ["จัดซื้อ, จัดจ้าง", 'say "hi"'],
        ["line\nbreak", null],
        [42, "=cmd()"],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe(
      'a,b\r\n"จัดซื้อ, จัดจ้าง","say ""hi"""\r\n"line\nbreak",\r\n42,\'=cmd()\r\n',
    );
  });

  it("neutralises text cells a spreadsheet would run as formulas, including a leading minus; numbers stay numbers", () => {
    const cells = ["-2+3+cmd|' /C calc'!A0", "=1+1", "+1", "@SUM(A1)", "\tx", "\rx", "a-b"];
    const csv = toCsv(["v"], [...cells.map((c) => [c]), [-5], [3.5]]);
    expect(csv.slice(1).split("\r\n").slice(1, -1)).toEqual([
      "'-2+3+cmd|' /C calc'!A0",
      "'=1+1",
      "'+1",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
      "a-b",
      "-5",
      "3.5",
    ]);
  });
});

describe("highlight", () => {
  it("marks every term case-insensitively and escapes everything else", () => {
    expect(highlight("แผนปฏิบัติการป้องกันการทุจริต <b>", ["ทุจริต", "แผน"])).toBe(
      "<mark>แผน</mark>ปฏิบัติการป้องกันการ<mark>ทุจริต</mark> &lt;b&gt;",
    );
    expect(highlight("E-Service", ["service"])).toBe("E-<mark>Service</mark>");
    expect(highlight('<script>alert("x")</script>', ["script"])).toBe(
      "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;",
    );
  });
});

describe("sanitizeDescription", () => {
  it("keeps simple formatting and drops scripts, handlers, styles and javascript: links", () => {
    const out = sanitizeDescription(
      '<p style="color:red" onclick="x()">ข้อความ <strong>สำคัญ</strong><script>alert(1)</script> <a href="javascript:alert(1)">x</a> <a href="https://a.go.th">y</a></p>',
    );
    expect(out).toBe(
      '<p>ข้อความ <strong>สำคัญ</strong> <a rel="nofollow noopener noreferrer">x</a> <a href="https://a.go.th" rel="nofollow noopener noreferrer">y</a></p>',
    );
  });
});

describe("xmlText", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(xmlText("a & b <c> \u0001\"'")).toBe("a &amp; b &lt;c&gt; &quot;&apos;");
  });
});
