import { describe, expect, it } from "vitest";
import { keyedSubmission, submission } from "./submission.svelte.ts";

describe("submission", () => {
  it("is saving while the action runs, and clears the last failure", async () => {
    const save = submission();
    await save.run(() => Promise.reject(new Error("refused")));
    expect(save.failure).not.toBeNull();
    let release!: () => void;
    const running = save.run(() => new Promise<void>((done) => (release = done)));
    expect(save.saving).toBe(true);
    expect(save.failure).toBeNull();
    release();
    expect(await running).toBe(true);
    expect(save.saving).toBe(false);
  });

  it("keeps the API's refusal, fields and all, instead of throwing", async () => {
    const save = submission();
    const refusal = {
      data: { messageTh: "ข้อมูลไม่ถูกต้อง", domainCode: "INVALID", fieldErrors: { code: ["ต้องระบุ"] } },
    };
    expect(await save.run(() => Promise.reject(refusal))).toBe(false);
    expect(save.saving).toBe(false);
    expect(save.failure).toMatchObject({
      message: "ข้อมูลไม่ถูกต้อง",
      code: "INVALID",
      fieldErrors: { code: ["ต้องระบุ"] },
    });
  });
});

describe("keyedSubmission", () => {
  it("keeps the refusal with the key whose action failed, and only there", async () => {
    const save = keyedSubmission<string>();
    const refusal = { data: { messageTh: "ไม่มีสิทธิ์", domainCode: "FORBIDDEN" } };
    expect(await save.run("u-1", () => Promise.reject(refusal))).toBe(false);
    expect(save.failureFor("u-1")).toMatchObject({ message: "ไม่มีสิทธิ์", code: "FORBIDDEN" });
    expect(save.failureFor("u-2")).toBeNull();
    expect(save.saving).toBeNull();
  });

  it("knows which key is saving, and another key's action clears the last refusal", async () => {
    const save = keyedSubmission<"a" | "b">();
    await save.run("a", () => Promise.reject(new Error("refused")));
    expect(save.failureFor("a")).not.toBeNull();
    let release!: () => void;
    const running = save.run("b", () => new Promise<void>((done) => (release = done)));
    expect(save.saving).toBe("b");
    expect(save.failureFor("a")).toBeNull();
    expect(save.failure).toBeNull();
    release();
    expect(await running).toBe(true);
    expect(save.saving).toBeNull();
    expect(save.failureFor("b")).toBeNull();
  });
});
