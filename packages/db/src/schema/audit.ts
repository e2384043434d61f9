import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only: a trigger (migration 0002) rejects UPDATE and DELETE, so not even a bug
 * in the API can rewrite history. Never store secrets in before/after.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    actorLabel: text(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    agencyId: uuid(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index().on(t.at.desc()), index().on(t.agencyId, t.at.desc()), index().on(t.actorId)],
);
