import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** The filters, as the URL's query holds them (`?agency=&action=&actor=&from=&to=`). */
export type AuditFilters = {
  agencyId: string;
  action: string;
  actor: string;
  /** Days as yyyy-mm-dd, read in Thai time. */
  from: string;
  to: string;
};

/** The API's input for the filters (and `before`, for the next page). */
export function auditInput(f: AuditFilters, before?: number | null) {
  return {
    ...(f.agencyId ? { agencyId: f.agencyId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.from ? { from: new Date(`${f.from}T00:00:00+07:00`) } : {}),
    ...(f.to ? { to: new Date(`${f.to}T23:59:59+07:00`) } : {}),
    ...(before ? { before } : {}),
  };
}

// System administrators may read every agency's rows; an agency administrator reads the
// agencies they administer, the first one unless the URL names another.
export const load = (async ({ url }) => {
  const q = url.searchParams;
  const filters: AuditFilters = {
    agencyId: q.get("agency") ?? "",
    action: q.get("action") ?? "",
    actor: q.get("actor") ?? "",
    from: q.get("from") ?? "",
    to: q.get("to") ?? "",
  };
  type Agencies = Awaited<ReturnType<typeof api.agencyAdmin.mine.query>>;
  let agencies: Agencies = [];
  let isSystemAdmin = false;
  try {
    const [me, mine] = await Promise.all([api.auth.me.query(), api.agencyAdmin.mine.query()]);
    isSystemAdmin = Boolean(me?.isSystemAdmin);
    agencies = isSystemAdmin ? mine : mine.filter((a) => a.roles.includes("agency-admin"));
    if (!isSystemAdmin && !filters.agencyId && agencies[0]) filters.agencyId = agencies[0].id;
    const page = await api.audit.list.query(auditInput(filters));
    return { filters, agencies, isSystemAdmin, page, loadError: null };
  } catch (e) {
    return { filters, agencies, isSystemAdmin, page: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
