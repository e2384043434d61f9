import { z } from "zod";

/**
 * A validation error on one field, raised by a use case after a database or content
 * check (wrong current password, weak password, bad file). It is a real `Error` (as
 * zod's own parse errors are), so tRPC keeps it as the cause and the error formatter
 * turns it into `fieldErrors` for the form.
 */
export function fieldError(field: string, message: string): z.ZodError {
  return new z.ZodRealError([{ code: "custom", path: [field], message, input: undefined }]);
}
