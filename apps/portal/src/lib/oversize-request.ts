import { SEARCH_MAX_LENGTH } from "@ita/domain/schemas";
import { PORTAL_CSP } from "./security-headers.ts";

/**
 * Largest request head (URL and headers) the server reads. Node's default, 16 KiB, is
 * reached by a 2,000-character Thai search typed into the address bar (9 bytes a
 * character once percent-encoded); up to this size such a URL reaches the pages, which
 * answer with their own Thai error message.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

// The limit is the search box's own (SEARCH_MAX_LENGTH), so the advice follows it if it changes.
const PAGE = `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ที่อยู่เว็บยาวเกินไป · Address too long</title>
</head>
<body>
<main>
<h1>ที่อยู่เว็บยาวเกินไป</h1>
<p>ระบบรับที่อยู่เว็บ (URL) ที่ยาวขนาดนี้ไม่ได้ กรุณาใช้คำค้นหาที่สั้นลง (ไม่เกิน ${SEARCH_MAX_LENGTH} ตัวอักษร)</p>
<p><a href="/">กลับหน้าหลัก</a></p>
<div lang="en">
<h2>The address is too long</h2>
<p>The portal cannot read a web address (URL) this long. Please search with fewer words (at most ${SEARCH_MAX_LENGTH} characters).</p>
<p><a href="/?lang=en">Back to the home page</a></p>
</div>
</main>
</body>
</html>
`;

/**
 * The whole HTTP response written to the socket when Node refuses a request head larger
 * than MAX_HEADER_BYTES (it would otherwise answer an empty 431): a small bilingual page,
 * Thai first. It stands alone — the request was never parsed, so no page can render it.
 */
export function requestTooLargeResponse(): string {
  const body = Buffer.from(PAGE, "utf8");
  return [
    "HTTP/1.1 431 Request Header Fields Too Large",
    "Content-Type: text/html; charset=utf-8",
    `Content-Length: ${body.length}`,
    `Content-Security-Policy: ${PORTAL_CSP}`,
    "X-Content-Type-Options: nosniff",
    "Connection: close",
    "",
    PAGE,
  ].join("\r\n");
}
