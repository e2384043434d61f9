/// <reference types="astro/client" />
import type { ClientInfo, createCaller } from "@ita/api";
import type { Database } from "@ita/db";
import type { Lang } from "./lib/i18n.ts";

// moduleDetection "force" makes every file a module, so augment the global namespace.
declare global {
  namespace App {
    interface Locals {
      db: Database;
      lang: Lang;
      api: ReturnType<typeof createCaller>;
      /** The client's address and scheme, trusting only our own proxies (TRUSTED_PROXY_HOPS). */
      client: ClientInfo;
    }
  }
}
