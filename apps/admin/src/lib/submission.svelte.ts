import { readError, type ApiFailure } from "./errors.ts";

/** Runs the action; what it throws is read with readError. The one try/catch both states share. */
async function attempt(
  action: () => Promise<unknown>,
): Promise<{ ok: true } | { ok: false; failure: ApiFailure }> {
  try {
    await action();
    return { ok: true };
  } catch (e) {
    return { ok: false, failure: readError(e) };
  }
}

/**
 * A form's submit state: whether it is saving and what the API refused. The forms kept this
 * pair themselves, each with the same try/catch/finally; here it is written once. The failure
 * is the form's to show: field messages beside their control (fieldMessage), the rest once.
 */
export class Submission {
  saving = $state(false);
  failure = $state<ApiFailure | null>(null);

  /**
   * Runs the action with `saving` set and the last failure cleared; an error it throws becomes
   * `failure` (read with readError) instead of reaching the caller. True when it succeeded, so
   * that what follows a success (clearing the form, a message) stays with the form.
   */
  async run(action: () => Promise<unknown>): Promise<boolean> {
    this.failure = null;
    this.saving = true;
    const done = await attempt(action);
    this.saving = false;
    if (!done.ok) this.failure = done.failure;
    return done.ok;
  }
}

/** A form's submit state; see Submission. */
export function submission(): Submission {
  return new Submission();
}

/**
 * The submit state of a page whose actions belong to something on it: a member's row, a part
 * of the publication. It keeps which one is saving and which one was refused, so that the
 * refusal is said beside what was pressed and nowhere else. One failure at a time: pressing
 * any action clears the last one, as a single form's submission does.
 */
export class KeyedSubmission<K> {
  /** The key whose action is running; null when none is. */
  saving = $state<K | null>(null);
  failure = $state<ApiFailure | null>(null);
  /** The key whose action `failure` refused. */
  failedFor = $state<K | null>(null);

  /** The refusal of `key`'s action, if the last failure was its. */
  failureFor(key: K): ApiFailure | null {
    return this.failedFor === key ? this.failure : null;
  }

  /** As Submission.run, for the action of `key`. */
  async run(key: K, action: () => Promise<unknown>): Promise<boolean> {
    this.failure = null;
    this.failedFor = null;
    this.saving = key;
    const done = await attempt(action);
    // Another key's action may have started meanwhile: only this one's running state ends here.
    if (this.saving === key) this.saving = null;
    if (!done.ok) {
      this.failure = done.failure;
      this.failedFor = key;
    }
    return done.ok;
  }
}

/** The submit state of actions that each belong to a key; see KeyedSubmission. */
export function keyedSubmission<K>(): KeyedSubmission<K> {
  return new KeyedSubmission<K>();
}
