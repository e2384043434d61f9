import { spentFilingChallenges } from "@ita/db/schema";
import { COMPLAINT_MESSAGES } from "@ita/domain/complaints";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { lt } from "drizzle-orm";
import { z } from "zod";
import { fieldError } from "../authz/field-error.ts";
import type { Context } from "../context.ts";
import { takeComplaintRate } from "./client-throttle.ts";
import { proofOfWorkSecrets } from "./crypto.ts";
import { readComplaintEnv } from "./env.ts";

/**
 * Proof of work before a complaint is written (ADR 0024): the final step of the form
 * carries a challenge signed by this server (altcha-lib, PBKDF2, no third-party
 * service). A browser with JavaScript solves it while the complainant reads the review
 * page; a browser without JavaScript sends the challenge unsolved and may file only
 * once the challenge is NO_SCRIPT_WAIT_MS old, under a stricter per-client limit. Each
 * challenge files one complaint: its nonce is recorded in the filing's transaction.
 */
export const CHALLENGE_ALGORITHM = "PBKDF2/SHA-256";
/** How long a challenge may be used after it was issued. */
export const CHALLENGE_TTL_MS = 60 * 60 * 1000;
/** The slower path: an unsolved challenge is accepted only this long after it was issued. */
export function noScriptWaitMs(): number {
  return readComplaintEnv().COMPLAINT_POW_NO_SCRIPT_WAIT_SECONDS * 1000;
}
const DAY_MS = 24 * 60 * 60 * 1000;

export interface FilingProof {
  /** The challenge as issued: base64url of its JSON. */
  challenge: string;
  /** The solution (JSON of altcha-lib's Solution), absent on the no-JavaScript path. */
  solution?: string | undefined;
}

export interface VerifiedProof {
  nonce: string;
  expiresAt: Date;
  solved: boolean;
  /** Gives back the slower path's attempt when nothing was filed. */
  giveBack: () => void;
}

export function encodeChallenge(challenge: Challenge): string {
  return Buffer.from(JSON.stringify(challenge)).toString("base64url");
}

/** A fresh challenge for the final step of the form. Costs the server one key derivation. */
export async function issueFilingChallenge({
  ctx,
  difficulty,
}: {
  ctx: Pick<Context, "now">;
  /** Tests only: PBKDF2 iterations and the largest counter (default: the settings). */
  difficulty?: { cost: number; counterMax: number };
}): Promise<{ challenge: string; noScriptWaitSeconds: number }> {
  const env = readComplaintEnv();
  const cost = difficulty?.cost ?? env.COMPLAINT_POW_COST;
  const max = difficulty?.counterMax ?? env.COMPLAINT_POW_COUNTER_MAX;
  const secrets = proofOfWorkSecrets();
  const challenge = await createChallenge({
    algorithm: CHALLENGE_ALGORITHM,
    cost,
    // Deterministic mode: the solution is checked with one HMAC, not a key derivation.
    counter: randomInt(Math.floor(max / 2), max),
    deriveKey,
    // The clock is the caller's (ctx.now), checked below, not altcha-lib's expiresAt.
    data: { issuedAt: ctx.now().getTime() },
    hmacSignatureSecret: secrets.signature,
    hmacKeySignatureSecret: secrets.key,
  });
  return { challenge: encodeChallenge(challenge), noScriptWaitSeconds: noScriptWaitMs() / 1000 };
}

function refuse(key: "proofMissing" | "proofInvalid"): never {
  const m = COMPLAINT_MESSAGES[key];
  throw fieldError("proof", m.th, m.en);
}

function decode<T>(text: string | undefined): T | null {
  if (!text) return null;
  try {
    const json = /^[\s{]/.test(text) ? text : Buffer.from(text, "base64url").toString("utf8");
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as T) : null;
  } catch {
    return null;
  }
}

/**
 * Checks a filing's proof: signed by us, not expired, solved — or, unsolved, old
 * enough (the no-JavaScript path). Throws a field error on `proof`; never writes.
 * Replays are refused by `spendFilingChallenge`, inside the filing's transaction.
 */
export async function verifyFilingProof(
  ctx: Pick<Context, "now" | "request">,
  proof: FilingProof | undefined,
): Promise<VerifiedProof> {
  if (!proof?.challenge) refuse("proofMissing");
  const challenge = decode<Challenge>(proof.challenge);
  if (!challenge?.parameters) refuse("proofInvalid");
  const issuedAt = challenge.parameters?.data?.issuedAt;
  if (typeof issuedAt !== "number" || typeof challenge.parameters.nonce !== "string")
    refuse("proofInvalid");
  const secrets = proofOfWorkSecrets();
  const solution = decode<{ counter: number; derivedKey: string }>(proof.solution);
  const result = await verifySolution({
    challenge,
    // Unsolved: a solution that cannot match, so only the signature is checked.
    solution: solution ?? { counter: 0, derivedKey: "" },
    deriveKey,
    hmacSignatureSecret: secrets.signature,
    hmacKeySignatureSecret: secrets.key,
  }).catch(() => null);
  if (!result || result.invalidSignature !== false) refuse("proofInvalid");
  const now = ctx.now().getTime();
  const expiresAt = issuedAt + CHALLENGE_TTL_MS;
  if (now > expiresAt || issuedAt > now + 60_000) refuse("proofInvalid");
  if (solution) {
    if (!result.verified) refuse("proofInvalid");
    return {
      nonce: challenge.parameters.nonce,
      expiresAt: new Date(expiresAt),
      solved: true,
      giveBack: () => {},
    };
  }
  const waitMs = issuedAt + noScriptWaitMs() - now;
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    // `waitSeconds` tells the form to send the same challenge again, not a new one.
    throw new z.ZodRealError([
      {
        code: "custom",
        path: ["proof"],
        message: `${COMPLAINT_MESSAGES.proofWait.th} (อีก ${seconds} วินาที)`,
        input: undefined,
        params: {
          en: `${COMPLAINT_MESSAGES.proofWait.en} (${seconds} more seconds)`,
          waitSeconds: seconds,
        },
      },
    ]);
  }
  // The slower path has its own, smaller allowance per client.
  const giveBack = takeComplaintRate("fileWithoutScript", ctx.request.ip, ctx.now());
  return {
    nonce: challenge.parameters.nonce,
    expiresAt: new Date(expiresAt),
    solved: false,
    giveBack,
  };
}

/** Thrown inside the filing transaction when the challenge has filed before. */
export class ChallengeAlreadySpent extends Error {}

type Tx = Parameters<Parameters<Context["db"]["transaction"]>[0]>[0];

/**
 * Records the challenge as used, then checks that this call recorded it: the insert
 * and the complaint commit together, so of two filings with one challenge exactly one
 * commits, the other finds the row (or waits for it) and is refused.
 */
export async function spendFilingChallenge(tx: Tx, proof: VerifiedProof): Promise<void> {
  const recorded = await tx
    .insert(spentFilingChallenges)
    .values({ nonce: proof.nonce, expiresAt: proof.expiresAt })
    .onConflictDoNothing()
    .returning({ nonce: spentFilingChallenges.nonce });
  if (recorded.length === 0) throw new ChallengeAlreadySpent();
}

export function challengeReplayedError() {
  const m = COMPLAINT_MESSAGES.proofReplayed;
  return fieldError("proof", m.th, m.en);
}

/** A spent challenge is kept until a day after it could no longer be used. */
export async function forgetSpentChallenges(ctx: Pick<Context, "db" | "now">): Promise<number> {
  const rows = await ctx.db
    .delete(spentFilingChallenges)
    .where(lt(spentFilingChallenges.expiresAt, new Date(ctx.now().getTime() - DAY_MS)))
    .returning({ nonce: spentFilingChallenges.nonce });
  return rows.length;
}
