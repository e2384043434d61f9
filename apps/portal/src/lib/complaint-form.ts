/**
 * The multi-step complaint form without JavaScript. Decision (ADR 0012): what was typed
 * travels between steps in hidden fields of the form itself, over HTTPS, and is stored
 * nowhere until the complaint is sent. Evidence files cannot travel that way: the
 * evidence step stores them sealed in a server-side draft keyed by the form's token,
 * purged by the job queue if the form is never sent. Each step is a real page (a POST
 * answered with the next step, or the same step with errors by the fields).
 */
import { FileComplaintInput } from "@ita/domain/complaints";
import { englishOf } from "@ita/domain/errors";

export const COMPLAINT_STEPS = ["what", "details", "evidence", "identity", "review"] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

export const TEXT_FIELDS = [
  "subject",
  "description",
  "involved",
  "occurredWhen",
  "occurredWhere",
  "mode",
  "name",
  "phone",
  "email",
  "consent",
] as const;
export type ComplaintField = (typeof TEXT_FIELDS)[number];
export type ComplaintDraft = Record<ComplaintField, string> & { formToken: string };

const FIELDS_OF: Record<ComplaintStep, readonly ComplaintField[]> = {
  what: ["subject", "description"],
  details: ["involved", "occurredWhen", "occurredWhere"],
  evidence: [],
  identity: ["mode", "name", "phone", "email"],
  review: [],
};

export function newFormToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

/** What a post's fields are read from (FormData, or the Map of a multipart reader). */
export interface FormFields {
  get(name: string): unknown;
}

export function readDraft(form: FormFields): ComplaintDraft {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const draft = { formToken: get("formToken") } as ComplaintDraft;
  for (const f of TEXT_FIELDS) draft[f] = get(f);
  if (draft.mode !== "named") draft.mode = "anonymous";
  return draft;
}

export function emptyDraft(): ComplaintDraft {
  const draft = { formToken: newFormToken() } as ComplaintDraft;
  for (const f of TEXT_FIELDS) draft[f] = "";
  draft.mode = "anonymous";
  return draft;
}

/** The proof of work posted with the final step (ADR 0024): challenge, and solution if solved. */
export function readProof(form: FormFields): FileComplaintInput["proof"] {
  const challenge = form.get("proofChallenge");
  const solution = form.get("proofSolution");
  if (typeof challenge !== "string" || challenge === "") return undefined;
  return { challenge, solution: typeof solution === "string" && solution ? solution : undefined };
}

/** The use case's input: anonymous drafts carry no identity at all, whatever was typed. */
export function toFilingInput(
  draft: ComplaintDraft,
  agencyId: string,
  proof?: FileComplaintInput["proof"],
): FileComplaintInput {
  return {
    agencyId,
    subject: draft.subject as FileComplaintInput["subject"],
    description: draft.description,
    involved: draft.involved,
    occurredWhen: draft.occurredWhen,
    occurredWhere: draft.occurredWhere,
    identity:
      draft.mode === "named"
        ? {
            name: draft.name,
            phone: draft.phone,
            email: draft.email,
            consentToForward: draft.consent === "yes",
          }
        : undefined,
    formToken: draft.formToken,
    proof,
  };
}

/** Thai messages by field for the steps up to and including `upTo`. */
export function stepErrors(
  draft: ComplaintDraft,
  agencyId: string,
  upTo: ComplaintStep,
): Partial<Record<ComplaintField | "formToken", string>> {
  const fields = new Set<string>(["formToken"]);
  for (const s of COMPLAINT_STEPS.slice(0, COMPLAINT_STEPS.indexOf(upTo) + 1))
    for (const f of FIELDS_OF[s]) fields.add(f);
  const parsed = FileComplaintInput.safeParse(toFilingInput(draft, agencyId));
  const errors: Partial<Record<ComplaintField | "formToken", string>> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path.at(-1)) as ComplaintField;
    if (fields.has(key) && !errors[key]) errors[key] = issue.message;
  }
  return errors;
}

/** A field message of `stepErrors` in the reader's language (the schema registers both). */
export function fieldMessage(message: string, lang: "th" | "en"): string {
  return lang === "en" ? (englishOf(message) ?? message) : message;
}

/** Where a POST leads: back, forward when the current step is valid, or stay with errors. */
export function nextStep(current: ComplaintStep, nav: string, hasErrors: boolean): ComplaintStep {
  const i = COMPLAINT_STEPS.indexOf(current);
  if (nav === "back") return COMPLAINT_STEPS[Math.max(0, i - 1)]!;
  if (hasErrors) return current;
  return COMPLAINT_STEPS[Math.min(COMPLAINT_STEPS.length - 1, i + 1)]!;
}

export function parseStep(value: unknown): ComplaintStep {
  return COMPLAINT_STEPS.includes(value as ComplaintStep) ? (value as ComplaintStep) : "what";
}
