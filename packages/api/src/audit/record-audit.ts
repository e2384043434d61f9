import type { Executor } from "@ita/db";
import { auditLog } from "@ita/db/schema";
import type { RequestInfo } from "../context.ts";

export interface AuditEvent {
  action: string;
  actor?: { id: string; email: string } | null;
  targetType?: string;
  targetId?: string;
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
  request?: RequestInfo;
}

/** Appends one row to the audit log. Callers must never pass secrets in before/after. */
export async function recordAudit(db: Executor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    action: event.action,
    actorId: event.actor?.id ?? null,
    actorLabel: event.actor?.email ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    agencyId: event.agencyId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    ip: event.request?.ip ?? null,
    userAgent: event.request?.userAgent?.slice(0, 300) ?? null,
  });
}
