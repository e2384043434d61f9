// One file per aggregate. Complaints (with encrypted complainant identities) will get
// their own aggregate file here.
export * from "./agencies.ts";
export * from "./audit.ts";
export * from "./disclosures.ts";
export * from "./frameworks.ts";
export * from "./geography.ts";
export * from "./relations.ts";
export * from "./results.ts";
export * from "./users.ts";
