import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";

// Open without signing in: the one-time link's token names the account. An invalid,
// expired or used link gives `link: null`.
export const load = (async ({ url }) => {
  const token = url.searchParams.get("token") ?? "";
  const link = await api.auth.checkLink.query({ token }).catch(() => null);
  return { token, link };
}) satisfies PageLoad;
