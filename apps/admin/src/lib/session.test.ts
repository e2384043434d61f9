import { describe, expect, it, vi } from "vitest";
import { invalidateAll } from "../test/app-navigation.ts";
import { session } from "./session.svelte.ts";

const api = vi.hoisted(() => ({ me: vi.fn() }));
vi.mock("./api.ts", () => ({ api: { auth: { me: { query: api.me } } } }));

describe("session.signedIn", () => {
  it("reloads the page's data before showing the signed-in user, so no signed-out refusal flashes", async () => {
    session.me = null;
    api.me.mockResolvedValue({ id: "u1", email: "clerk@example.go.th", twoFactor: null });
    let shownWhileLoading: unknown = "not called";
    invalidateAll.mockImplementationOnce(async () => {
      shownWhileLoading = session.me;
    });
    await session.signedIn();
    expect(invalidateAll).toHaveBeenCalledOnce();
    expect(shownWhileLoading).toBeNull();
    expect(session.me).toMatchObject({ email: "clerk@example.go.th" });
  });

  it("with a second factor still to give, shows that step without loading the page's data", async () => {
    session.me = null;
    invalidateAll.mockClear();
    api.me.mockResolvedValue({ id: "u1", email: "approver@example.go.th", twoFactor: "verify" });
    await session.signedIn();
    expect(invalidateAll).not.toHaveBeenCalled();
    expect(session.me).toMatchObject({ twoFactor: "verify" });
  });
});
