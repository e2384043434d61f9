import { describeEachDriver } from "@ita/db/testing";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { buildWorld } from "../authz/test-world.ts";
import { handleTrpcRequest } from "../fetch-handler.ts";
import { appRouter } from "../root.ts";
import { resetComplaintRates } from "./client-throttle.ts";

/** A well-formed receipt code that belongs to no complaint. */
const CODE = "K7QF-3M9X-2RTV-8PWD-Q4HN";

type Procedure = { _def: { type: string; inputs: { shape?: Record<string, unknown> }[] } };
const procedures = (appRouter._def as unknown as { procedures: Record<string, Procedure> })
  .procedures;

/** The complaint procedures whose input carries a key: a receipt code or a form's token. */
const keyed = Object.entries(procedures).filter(
  ([path, p]) =>
    path.startsWith("complaints.") &&
    p._def.inputs.some((i) => i.shape && ("code" in i.shape || "formToken" in i.shape)),
);

it("every complaint procedure that takes a receipt code or a form token is a mutation (POST only)", () => {
  expect(keyed.map(([path]) => path)).toEqual(
    expect.arrayContaining([
      "complaints.track",
      "complaints.reply",
      "complaints.ownEvidence",
      "complaints.withdraw",
      "complaints.draftFiles",
    ]),
  );
  for (const [path, p] of keyed)
    expect({ path, type: p._def.type }).toEqual({ path, type: "mutation" });
});

describeEachDriver("the receipt code never travels in a URL", (use) => {
  beforeAll(async () => {
    await buildWorld(use().db, new Date("2026-03-07T03:00:00Z"));
  }, 60_000);
  afterEach(() => {
    vi.restoreAllMocks();
    resetComplaintRates();
  });

  const url = (path: string, input: unknown) =>
    `http://localhost:4321/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

  it("refuses a GET with a code before any procedure runs, without echoing the code or logging it", async () => {
    const logged = [
      vi.spyOn(console, "error").mockImplementation(() => {}),
      vi.spyOn(console, "warn").mockImplementation(() => {}),
      vi.spyOn(console, "log").mockImplementation(() => {}),
    ];
    for (const [path] of keyed) {
      const res = await handleTrpcRequest(
        new Request(url(path, { code: CODE, formToken: CODE, fileId: crypto.randomUUID() })),
        { db: use().db },
      );
      expect({ path, status: res.status }).toEqual({ path, status: 405 });
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await res.text();
      expect(body).not.toContain(CODE);
      expect(body).not.toContain(encodeURIComponent(CODE));
    }
    for (const spy of logged)
      for (const args of spy.mock.calls) expect(JSON.stringify(args)).not.toContain(CODE);
  });

  it("answers the same code by POST with the one generic answer, which does not repeat it", async () => {
    const res = await handleTrpcRequest(
      new Request("http://localhost:4321/api/trpc/complaints.track", {
        method: "POST",
        headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
        body: JSON.stringify({ json: { code: CODE } }),
      }),
      { db: use().db, client: { ip: "198.51.100.40", https: false } },
    );
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain("BAD_REQUEST");
    expect(body).not.toContain(CODE);
  });
});
