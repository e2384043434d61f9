export * from "./client.ts";
export { readDatabaseEnv, type DatabaseOptions } from "./env.ts";
export * as schema from "./schema/index.ts";
