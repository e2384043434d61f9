export * from "./client.ts";
export { readDatabaseEnv, repoRoot, type DatabaseOptions } from "./env.ts";
export * as schema from "./schema/index.ts";
