import type { Executor } from "@ita/db";
import { complaintEvents, users } from "@ita/db/schema";
import { asc, eq } from "drizzle-orm";
import type { ComplaintBox } from "./crypto.ts";

export interface TimelineEvent {
  id: string;
  at: Date;
  kind: string;
  author: "complainant" | "officer";
  /** Officers see who; the complainant never learns an officer's name. */
  actorName: string | null;
  fromState: string | null;
  toState: string | null;
  internal: boolean;
  body: string | null;
}

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
    .map(({ event: e, actorName }) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      author: e.author as "complainant" | "officer",
      actorName: audience === "officer" ? actorName : null,
      fromState: e.fromState,
      toState: e.toState,
      internal: e.internal,
      body: e.body ? box.openJson<string>(eventField(e.id), e.body) : null,
    }));
}

/** Associated-data name of an event's body: binds it to its own row. */
export const eventField = (eventId: string) => `event:${eventId}`;
