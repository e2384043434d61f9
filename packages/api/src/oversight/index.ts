// For bench/oversight: the readiness matrix without a session (the benchmark measures the query).
export { getReadiness, readinessFacts } from "./readiness.ts";
