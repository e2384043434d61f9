import { createCaller, createContext } from "@ita/api";

/**
 * A caller for the complaint pages that knows the client's address, only so the
 * complaint use cases can rate-limit in memory (they never store or log it).
 */
export async function complaintCaller(locals: App.Locals) {
  return createCaller(await createContext({ db: locals.db, ip: locals.client.ip }));
}
