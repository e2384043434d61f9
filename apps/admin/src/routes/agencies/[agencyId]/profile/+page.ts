import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

export type Profile = Awaited<ReturnType<typeof api.agencyAdmin.profile.query>>;

export const load = (async ({ params }) => {
  try {
    return {
      profile: await api.agencyAdmin.profile.query({ agencyId: params.agencyId }),
      loadError: null,
    };
  } catch (e) {
    return { profile: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
