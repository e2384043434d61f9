import { frameworks } from "@ita/db/schema";
import { UpdateFrameworkInput } from "@ita/domain/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { StaffContext } from "../authz/procedures.ts";
import { editFramework } from "./edit-framework.ts";

/** Titles, agency types and grading scheme of a framework (a new version when in use). */
export async function updateFramework({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof UpdateFrameworkInput>;
}) {
  const { frameworkId, ...values } = UpdateFrameworkInput.parse(input);
  return editFramework(ctx, frameworkId, { action: "framework.updated", after: values }, (tx, id) =>
    tx
      .update(frameworks)
      .set(values)
      .where(eq(frameworks.id, id))
      .then(() => undefined),
  );
}
