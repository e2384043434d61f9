/**
 * The complaint form's proof of work (ADR 0024), served from the portal's own assets:
 * solves the server's challenge while the complainant reads the review page and puts
 * the solution in the form. Without this script the form still works (the slower path).
 */
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";

function decode(base64url: string): Challenge {
  const base64 = base64url.replaceAll("-", "+").replaceAll("_", "/");
  return JSON.parse(atob(base64)) as Challenge;
}

const form = document.querySelector<HTMLFormElement>("form[data-proof]");
if (form) {
  const challenge = form.querySelector<HTMLInputElement>('input[name="proofChallenge"]')!;
  const solution = form.querySelector<HTMLInputElement>('input[name="proofSolution"]')!;
  const status = form.querySelector<HTMLElement>("[data-proof-status]");
  let done = false;
  let waiting: HTMLElement | null = null;

  form.addEventListener("submit", (event) => {
    const submitter = event.submitter as HTMLButtonElement | null;
    if (done || submitter?.value !== "submit") return;
    event.preventDefault();
    waiting = submitter;
    if (status) status.textContent = form.dataset.proofWorking ?? "";
  });

  solveChallenge({ challenge: decode(challenge.value), deriveKey })
    .then((found) => {
      if (found) solution.value = JSON.stringify(found);
    })
    .catch(() => {
      // Unsolved: the form is sent as without JavaScript, and the server says to wait.
    })
    .finally(() => {
      done = true;
      if (status && solution.value) status.textContent = form.dataset.proofDone ?? "";
      if (waiting) form.requestSubmit(waiting);
    });
}
