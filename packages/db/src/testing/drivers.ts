import { createConnection } from "node:net";

export type TestDriver = "pglite" | "postgres";

export interface TestDatabaseSettings {
  drivers: TestDriver[];
  /** Admin connection URL of the PostgreSQL server, when one is used. */
  postgresUrl?: string;
  postgresTemplate?: string;
  pgliteTemplateFile?: string;
  /** Why the server is not used, when it is not. */
  postgresSkipped?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    itaTestDatabases: TestDatabaseSettings;
  }
}

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function canConnect(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** A database name on the admin URL's server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
