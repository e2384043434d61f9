export { hasAnyAgency, seedDemo, mulberry32, demoEntries, type DemoAccount } from "./demo.ts";
export { seedReferenceData, upsertFramework } from "./frameworks.ts";
export { DEMO_AGENCIES, DEMO_PROVINCES } from "./demo-data.ts";
export { createSystemAdmin } from "./system-admin.ts";
export { ANNOUNCED_HOLIDAYS, seedPublicHolidays } from "./holidays.ts";
