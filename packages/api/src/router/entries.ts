import {
  ApproveEntryInput,
  AttachmentRefInput,
  ChecklistInput,
  CopyFromLastYearInput,
  EntryDraftInput,
  ItemRefInput,
  ListEntriesInput,
  ReturnEntryInput,
  SaveEntryInput,
  SubmitEntryInput,
  UnpublishEntryInput,
  WithdrawSubmissionInput,
} from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { agencyProcedure, entryProcedure, staffProcedure } from "../authz/procedures.ts";
import { getAttachmentText } from "../documents/get-attachment-text.ts";
import { copyEntryFromLastYear, listLastYearEntries } from "../entries/copy-from-last-year.ts";
import { createEntry } from "../entries/create-entry.ts";
import { getChecklist } from "../entries/get-checklist.ts";
import { getEntry } from "../entries/get-entry.ts";
import { listEntries } from "../entries/list-entries.ts";
import { saveEntry } from "../entries/save-entry.ts";
import {
  approveEntry,
  returnEntry,
  submitEntry,
  unpublishEntry,
  withdrawSubmission,
} from "../entries/transitions.ts";
import { removeAttachment } from "../uploads/remove-attachment.ts";

// Who may read an agency's entries: the roles that read disclosures (@ita/domain/roles).
const readers = { read: "disclosures" } as const;

export const entriesRouter = {
  checklist: agencyProcedure(readers)
    .input(ChecklistInput)
    .query(({ ctx, input }) => getChecklist({ ctx, input })),
  list: agencyProcedure(readers)
    .input(ListEntriesInput)
    .query(({ ctx, input }) => listEntries({ ctx, input })),
  get: entryProcedure(readers).query(({ ctx }) => getEntry({ ctx })),
  create: agencyProcedure({ roles: ["editor"] })
    .input(EntryDraftInput)
    .mutation(({ ctx, input }) => createEntry({ ctx, input })),
  lastYear: agencyProcedure({ roles: ["editor"] })
    .input(ItemRefInput)
    .query(({ ctx, input }) => listLastYearEntries({ ctx, input })),
  copyFromLastYear: agencyProcedure({ roles: ["editor"] })
    .input(CopyFromLastYearInput)
    .mutation(({ ctx, input }) => copyEntryFromLastYear({ ctx, input })),
  save: entryProcedure({ roles: ["editor"] })
    .input(SaveEntryInput)
    .mutation(({ ctx, input }) => saveEntry({ ctx, input })),
  submit: entryProcedure({ roles: ["editor"] })
    .input(SubmitEntryInput)
    .mutation(({ ctx, input }) => submitEntry({ ctx, input })),
  withdrawSubmission: entryProcedure({ roles: ["editor"] })
    .input(WithdrawSubmissionInput)
    .mutation(({ ctx, input }) => withdrawSubmission({ ctx, input })),
  return: entryProcedure({ roles: ["approver"] })
    .input(ReturnEntryInput)
    .mutation(({ ctx, input }) => returnEntry({ ctx, input })),
  approve: entryProcedure({ roles: ["approver"] })
    .input(ApproveEntryInput)
    .mutation(({ ctx, input }) => approveEntry({ ctx, input })),
  unpublish: entryProcedure({ roles: ["approver"] })
    .input(UnpublishEntryInput)
    .mutation(({ ctx, input }) => unpublishEntry({ ctx, input })),
  attachmentText: staffProcedure
    .input(AttachmentRefInput)
    .query(({ ctx, input }) => getAttachmentText({ ctx, input })),
  removeAttachment: staffProcedure
    .input(AttachmentRefInput)
    .mutation(({ ctx, input }) => removeAttachment({ ctx, input })),
} satisfies TRPCRouterRecord;
