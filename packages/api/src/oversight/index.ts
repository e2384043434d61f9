// For bench/oversight: the readiness matrix without a session (the benchmark measures the query).
export { getReadiness, readinessFacts } from "./readiness.ts";
// For the admin's e2e: the governor's chart drawn for a province as large as Lamphun (59 agencies).
export { progressChartSvg } from "./summary-chart.ts";
