import type { Executor } from "@ita/db";
import { complaintEvents, users } from "@ita/db/schema";
import type { ComplaintEventAuthor, ComplaintState, ForwardRecord } from "@ita/domain/complaints";
import { asc, eq } from "drizzle-orm";
import type { ComplaintBox } from "./crypto.ts";

export interface TimelineEvent {
  id: string;
  at: Date;
  kind: string;
  author: ComplaintEventAuthor;
  /** Officers see who; the complainant never learns an officer's name. */
  actorName: string | null;
  fromState: ComplaintState | null;
  toState: ComplaintState | null;
  internal: boolean;
  body: string | null;
  /** A forward out of this case or into it (ADR 0027); the complainant never sees the reason. */
  forward: ForwardRecord | null;
}

const FORWARD_KINDS = new Set(["forward", "forwarded-in"]);

/**
 * A complaint's events, opened with its box. For the complainant (`audience:
 * "complainant"`) internal rows are left out and officers stay anonymous.
 */
export async function readTimeline(
  db: Executor,
  complaintId: string,
  box: ComplaintBox,
  audience: "complainant" | "officer",
): Promise<TimelineEvent[]> {
  const rows = await db
    .select({ event: complaintEvents, actorName: users.displayName })
    .from(complaintEvents)
    .leftJoin(users, eq(users.id, complaintEvents.actorId))
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.seq));
  return rows
    .filter((r) => audience === "officer" || !r.event.internal)
    .map(({ event: e, actorName }) => {
      const opened = e.body ? box.openJson<unknown>(eventField(e.id), e.body) : null;
      const forward = FORWARD_KINDS.has(e.kind) ? (opened as ForwardRecord | null) : null;
      return {
        id: e.id,
        at: e.at,
        kind: e.kind,
        author: e.author,
        actorName: audience === "officer" ? actorName : null,
        fromState: e.fromState,
        toState: e.toState,
        internal: e.internal,
        body: forward ? null : (opened as string | null),
        forward: forward && {
          ...forward,
          reason: audience === "officer" ? forward.reason : null,
        },
      };
    });
}

/** Associated-data name of an event's body: binds it to its own row. */
export const eventField = (eventId: string) => `event:${eventId}`;
