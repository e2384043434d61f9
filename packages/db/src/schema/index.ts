// One file per aggregate.
export * from "./agencies.ts";
export * from "./audit.ts";
export * from "./calendar.ts";
export * from "./complaints.ts";
export * from "./disclosures.ts";
export * from "./frameworks.ts";
export * from "./geography.ts";
export * from "./measures.ts";
export * from "./oversight.ts";
export * from "./relations.ts";
export * from "./results.ts";
export * from "./users.ts";
