import { describeEachDriver } from "@ita/db/testing";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, errorCode, type World } from "../authz/test-world.ts";

describeEachDriver("complaints: the agency's own channels", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-07T03:00:00Z"));
  });

  it("are kept in the profile by the agency administrator and shown publicly and as open data", async () => {
    const admin = await w.caller("adminA");
    const base = { agencyId: w.agencyA.id, nameTh: "เทศบาลตำบลช่องทาง" };
    const bad = await admin.agencyAdmin
      .updateProfile({ ...base, complaintChannels: { email: "not-an-email" } })
      .catch((e: unknown) => errorCode(e));
    expect(bad).toBe("BAD_REQUEST");
    await admin.agencyAdmin.updateProfile({
      ...base,
      complaintChannels: {
        phone: "053 511 111 ต่อ 12",
        walkInOffice: "ศูนย์รับเรื่องร้องเรียน ชั้น 1",
        walkInHours: "จันทร์–ศุกร์ 08:30–16:30",
        lineId: "@lamphun-complaints",
        webFormUrl: "",
      },
    });
    const anonymous = await w.caller("anonymous");
    const profile = await anonymous.agency.bySlug({ slug: w.agencyA.slug });
    expect(profile.complaintChannels.email ?? null).toBeNull();
    expect(profile.complaintChannels).toMatchObject({
      phone: "053 511 111 ต่อ 12",
      walkInOffice: "ศูนย์รับเรื่องร้องเรียน ชั้น 1",
      walkInHours: "จันทร์–ศุกร์ 08:30–16:30",
      lineId: "@lamphun-complaints",
      webFormUrl: null,
    });
    const open = await anonymous.public.openAgencies();
    expect(open.find((a) => a.slug === w.agencyA.slug)?.complaintChannels.lineId).toBe(
      "@lamphun-complaints",
    );
  });
});
