import { describe, expect, it } from "vitest";
import { submission } from "./submission.svelte.ts";

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
