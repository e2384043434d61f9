/**
 * Batching rules shared by the server's fetch handler and the browser client (this file
 * imports nothing, so the admin bundle can use it).
 */

/** Calls one batched request may carry; the server refuses larger batches. */
export const MAX_BATCH_SIZE = 10;

/**
 * Sign-in, second factor, password and one-time-link procedures are never batched: each
 * guess is its own request, so throttling and the audit see every one of them.
 */
export const isUnbatchedPath = (path: string) => path.startsWith("auth.");
