import { readError, type ApiFailure } from "./errors.ts";

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
    try {
      await action();
      return true;
    } catch (e) {
      this.failure = readError(e);
      return false;
    } finally {
      this.saving = false;
    }
  }
}

/** A form's submit state; see Submission. */
export function submission(): Submission {
  return new Submission();
}
