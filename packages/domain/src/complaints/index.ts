export * from "./channels.ts";
export * from "./complaint.ts";
export * from "./deadlines.ts";
export * from "./inputs.ts";
export * from "./receipt-code.ts";
export * from "./suppression.ts";
export * from "./messages.ts";
export * from "./evidence.ts";
