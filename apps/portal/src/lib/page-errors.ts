/** True for API errors that mean "this page does not exist" (unknown slug, bad year…). */
export function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "NOT_FOUND" || code === "BAD_REQUEST";
}
