import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createConnection } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The built portal server (which also serves /admin and the API) as a child process of
 * its own, for tests and benchmarks that must stop, kill or restart it — unlike the
 * suite's shared `webServer` (index.ts).
 */
export const portalDir = join(dirname(fileURLToPath(import.meta.url)), "../../apps/portal");

/**
 * Starts the server as `npm start` does (`node start.mjs`, which sets its Node flags) with the demo data on `port` (behind one trusted proxy, so
 * callers can pose as distinct clients with X-Forwarded-For); resolves once it listens.
 */
export function startPortalServer(
  port: number,
  env: Record<string, string>,
  options: { stderr?: "inherit" | "ignore"; onOutput?: (text: string) => void } = {},
): Promise<ChildProcess> {
  // start.mjs becomes server.mjs in the same process: the pid stays the server's.
  const child = spawn("node", ["start.mjs"], {
    cwd: portalDir,
    env: {
      // eslint-disable-next-line no-restricted-syntax -- the server inherits PATH etc.
      ...process.env,
      PORT: String(port),
      DEMO_DATA: "1",
      TRUSTED_PROXY_HOPS: "1",
      // The complaint form's proof of work (ADR 0024) is the client's cost: kept trivial.
      COMPLAINT_POW_COST: "1",
      COMPLAINT_POW_COUNTER_MAX: "4",
      ...env,
    },
    stdio: ["ignore", "pipe", options.stderr ?? "ignore"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start")), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      options.onOutput?.(chunk.toString());
      if (chunk.toString().includes("is running")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
}

/** Stops a server started here (SIGTERM) and waits until it has exited. */
export function stopPortalServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function postgresReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: 5432 });
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

const postgresBin = (name: string) =>
  [`/usr/lib/postgresql/15/bin/${name}`, `/usr/bin/${name}`].find(existsSync);

/**
 * A new, empty database on the PostgreSQL server at 127.0.0.1:5432 (trust auth), UTF-8
 * with a UTF-8 locale (Thai trigram search needs it); null when no server or no client
 * programs are here. `drop()` removes it, closing its connections.
 */
export async function scratchPostgresDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => void } | null> {
  const createdb = postgresBin("createdb");
  const dropdb = postgresBin("dropdb");
  if (!createdb || !dropdb || !(await postgresReachable())) return null;
  const name = `${prefix}_${Date.now().toString(36)}`;
  const server = ["-h", "127.0.0.1", "-U", "postgres"];
  execFileSync(createdb, [...server, "-T", "template0", "-E", "UTF8", "--locale=C.UTF-8", name]);
  return {
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    drop: () => execFileSync(dropdb, [...server, "--force", name]),
  };
}

/** A client's address by number, sent through the trusted proxy header: each counts apart. */
const clientAddress = (range: number, n: number) => `198.${range}.${(n >> 8) & 255}.${n & 255}`;

/** The id of the agency with this slug, through the public API. */
export async function agencyIdBySlug(base: string, slug: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ json: { slug } }));
  const res = await fetch(`${base}/api/trpc/agency.bySlug?input=${input}`);
  return ((await res.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
}

/**
 * Files one procurement complaint over HTTP as client number `n`; the receipt code, or
 * null when the server refused it. A failed connection throws.
 */
/**
 * A solved proof of work (ADR 0024), as the form's script would send it: the challenge
 * request is part of each filing.
 */
async function solvedProof(base: string, headers: Record<string, string>) {
  const res = await fetch(`${base}/api/trpc/complaints.challenge`, { method: "POST", headers });
  const body = (await res.json()) as { result: { data: { json: { challenge: string } } } };
  const { challenge } = body.result.data.json;
  const parsed = JSON.parse(Buffer.from(challenge, "base64url").toString()) as Challenge;
  const solution = await solveChallenge({ challenge: parsed, deriveKey });
  return { challenge, solution: JSON.stringify(solution) };
}

export async function fileComplaint(
  base: string,
  agencyId: string,
  n: number,
  complaint: { description: string; formToken: string },
): Promise<string | null> {
  const headers = {
    "content-type": "application/json",
    origin: base,
    "x-forwarded-for": clientAddress(18, n),
  };
  const proof = await solvedProof(base, headers);
  const res = await fetch(`${base}/api/trpc/complaints.file`, {
    method: "POST",
    headers,
    body: JSON.stringify({ json: { agencyId, subject: "procurement", ...complaint, proof } }),
  });
  if (!res.ok) return null;
  return ((await res.json()) as { result: { data: { json: { receiptCode: string } } } }).result.data
    .json.receiptCode;
}

/**
 * Tracks a receipt code as client `client` does over the API: a POST (complaints.track is
 * a mutation, so a code never stands in a URL).
 */
function track(base: string, code: string, client: string): Promise<Response> {
  return fetch(`${base}/api/trpc/complaints.track`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "x-forwarded-for": client },
    body: JSON.stringify({ json: { code } }),
  });
}

/** Whether a receipt code finds its complaint, asked as client number `n` (another range). */
export async function receiptTracks(base: string, code: string, n: number): Promise<boolean> {
  return (await track(base, code, clientAddress(19, n))).ok;
}

/**
 * Files one procurement complaint as a complainant with evidence does, through the
 * no-JavaScript form of agency `slug`: the evidence step (multipart, one file), then
 * "send" on the review step. The receipt code from the page, or null when refused. A
 * failed connection throws.
 */
export async function fileComplaintWithEvidence(
  base: string,
  slug: string,
  n: number,
  complaint: {
    description: string;
    formToken: string;
    file: { name: string; type: string; bytes: Uint8Array };
  },
): Promise<string | null> {
  const headers = {
    origin: base,
    "sec-fetch-site": "same-origin",
    "x-forwarded-for": clientAddress(18, n),
  };
  const fields = {
    formToken: complaint.formToken,
    subject: "procurement",
    description: complaint.description,
    mode: "anonymous",
  };
  const evidence = new FormData();
  for (const [k, v] of Object.entries(fields)) evidence.set(k, v);
  evidence.set("step", "evidence");
  const { name, type, bytes } = complaint.file;
  evidence.set("files", new Blob([new Uint8Array(bytes)], { type }), name);
  evidence.set("nav", "next");
  const url = `${base}/complaints/new/${slug}`;
  const step = await fetch(url, { method: "POST", headers, body: evidence });
  // Accepted: the form moves on to the identity step.
  if (!step.ok || !(await step.text()).includes('name="step" value="identity"')) return null;
  // The review step's proof of work, solved as the form's script does (ADR 0024).
  const proof = await solvedProof(base, { ...headers, "content-type": "application/json" });
  const send = await fetch(url, {
    method: "POST",
    headers,
    body: new URLSearchParams({
      ...fields,
      step: "review",
      nav: "submit",
      proofChallenge: proof.challenge,
      proofSolution: proof.solution,
    }),
  });
  if (!send.ok) return null;
  return /data-testid="receipt-code"[^>]*>\s*([0-9A-Z-]{24})/.exec(await send.text())?.[1] ?? null;
}

/** The names of a complaint's evidence files as its receipt code shows them. */
export async function trackedFileNames(
  base: string,
  code: string,
  n: number,
): Promise<string[] | null> {
  const res = await track(base, code, clientAddress(20, n));
  if (!res.ok) return null;
  const body = (await res.json()) as { result: { data: { json: { files: { name: string }[] } } } };
  return body.result.data.json.files.map((f) => f.name);
}
