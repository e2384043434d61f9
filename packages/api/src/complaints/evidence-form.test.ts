import { EVIDENCE_MAX_BYTES } from "@ita/domain/complaints";
import { describe, expect, it } from "vitest";
import { readComplaintFormPost } from "./evidence-form.ts";

function post(body: BodyInit, contentType?: string): Request {
  const req = new Request("http://localhost/complaints/new/x", { method: "POST", body });
  if (contentType) {
    const headers = new Headers(req.headers);
    headers.set("content-type", contentType);
    return new Request(req.url, { method: "POST", body, headers });
  }
  return req;
}

const file = (size: number, name: string) => new File([new Uint8Array(size).fill(65)], name);

describe("reading a complaint form post", () => {
  it("reads text fields and files, skipping an empty file input", async () => {
    const form = new FormData();
    form.set("formToken", "t".repeat(40));
    form.set("description", "เรื่องที่ร้องเรียน");
    form.append("files", file(10, "a.pdf"));
    form.append("files", new File([], ""));
    const got = await readComplaintFormPost(post(form));
    expect(Object.fromEntries(got.fields)).toEqual({
      formToken: "t".repeat(40),
      description: "เรื่องที่ร้องเรียน",
    });
    expect(got.files.map((f) => [f.name, f.bytes.byteLength])).toEqual([["a.pdf", 10]]);
    expect(got.fileError).toBeNull();
  });

  it("reads a urlencoded post (the steps without files)", async () => {
    const got = await readComplaintFormPost(
      post(new URLSearchParams({ step: "what", subject: "gifts" })),
    );
    expect(Object.fromEntries(got.fields)).toEqual({ step: "what", subject: "gifts" });
    expect(got.fileError).toBeNull();
  });

  it("a sixth file: no file taken, the text kept", async () => {
    const form = new FormData();
    form.set("description", "ข้อความ");
    for (let i = 0; i < 6; i++) form.append("files", file(5, `${i}.pdf`));
    const got = await readComplaintFormPost(post(form));
    expect(got.fileError).toBe("tooMany");
    expect(got.files).toEqual([]);
    expect(got.fields.get("description")).toBe("ข้อความ");
  });

  it("a file over 10 MB: no file taken, the text kept", async () => {
    const form = new FormData();
    form.set("description", "ข้อความ");
    form.append("files", file(10, "small.pdf"));
    form.append("files", file(EVIDENCE_MAX_BYTES + 1, "big.pdf"));
    const got = await readComplaintFormPost(post(form));
    expect(got.fileError).toBe("tooBig");
    expect(got.files).toEqual([]);
    expect(got.fields.get("description")).toBe("ข้อความ");
  });

  it("a broken multipart body or a missing boundary: 'broken', nothing taken", async () => {
    const boundary = "----x";
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="formToken"\r\n\r\nabc\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 half a file`;
    const got = await readComplaintFormPost(post(cut, `multipart/form-data; boundary=${boundary}`));
    expect(got.fileError).toBe("broken");
    expect(got.files).toEqual([]);
    const noBoundary = await readComplaintFormPost(post("x", "multipart/form-data"));
    expect(noBoundary.fileError).toBe("broken");
  });
});
