import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { e2eDataDir } from "@ita/playwright-config";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * What the two-factor sign-ins remember: the TOTP secret read from the enrolment screen per
 * server and e-mail (a spec may also sign in to a server of its own, on another database,
 * where the same account enrols with another secret), and the last time step used per
 * secret (the server accepts each code only once).
 * Kept in a file next to the e2e server's database, which lives exactly as long (wiped with
 * it at the start of a run): Playwright starts a new worker after a failed test, and
 * memory alone would lose every enrolment, failing each later two-factor sign-in too.
 */
interface TotpState {
  secrets: Record<string, string>;
  lastStep: Record<string, number>;
}
const stateFile = join(e2eDataDir("admin"), "e2e-totp.json");

function readTotpState(): TotpState {
  try {
    return JSON.parse(readFileSync(stateFile, "utf8")) as TotpState;
  } catch {
    return { secrets: {}, lastStep: {} };
  }
}

function updateTotpState(change: (state: TotpState) => void) {
  const state = readTotpState();
  change(state);
  mkdirSync(e2eDataDir("admin"), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(state));
}

/**
 * A code the server has not seen yet: the current step's, or the next one (accepted
 * for clock drift) when the current one was already used; waits for a new step after
 * that, as a person would wait for their app to show a new code.
 */
export async function totpCode(secret: string): Promise<string> {
  const currentStep = () => Math.floor(Date.now() / 30_000);
  const step = Math.max(currentStep(), (readTotpState().lastStep[secret] ?? -1) + 1);
  while (step > currentStep() + 1) await new Promise((r) => setTimeout(r, 500));
  updateTotpState((state) => void (state.lastStep[secret] = step));
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6);
}

/**
 * Signs in through the UI. Roles that need two-factor enrol on first sign-in (the
 * secret is read from the page, as a person would type it into their app) and type a
 * fresh code afterwards.
 */
export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/admin/");
  const key = `${new URL(page.url()).origin} ${account.email}`;
  await page.getByLabel("อีเมล").fill(account.email);
  await page.getByLabel("รหัสผ่าน").fill(account.password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).not.toHaveText("เข้าสู่ระบบสำหรับเจ้าหน้าที่");
  const text = (await heading.textContent()) ?? "";
  if (text.includes("ตั้งค่าการยืนยันตัวตนสองขั้นตอน")) {
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    updateTotpState((state) => void (state.secrets[key] = secret));
    await page.getByLabel("รหัสยืนยัน").fill(await totpCode(secret));
    await page.getByRole("button", { name: "ยืนยัน" }).click();
    await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
    await page.getByRole("button", { name: "บันทึกแล้ว ดำเนินการต่อ" }).click();
  } else if (text.includes("ยืนยันตัวตนสองขั้นตอน")) {
    const secret = readTotpState().secrets[key];
    if (!secret) throw new Error(`no TOTP secret recorded for ${key}`);
    await page.getByLabel("รหัสยืนยัน").fill(await totpCode(secret));
    await page.getByRole("button", { name: "ยืนยัน" }).click();
  }
  await expect(page.getByTestId("signed-in-as")).toContainText(account.email);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("เข้าสู่ระบบสำหรับเจ้าหน้าที่");
}

/** A tRPC mutation over HTTP with the page's session cookie, as a script (not the UI) would send it. */
function postMutation(page: Page, path: string, input: unknown) {
  const base = new URL(page.url()).origin;
  return page.request.post(`${base}/api/trpc/${path}`, {
    data: { json: input },
    headers: { origin: base, "content-type": "application/json" },
  });
}

/** A mutation whose answer is looked at: its status and body (refusals included). */
export async function trpcMutation(page: Page, path: string, input: unknown) {
  const res = await postMutation(page, path, input);
  return {
    status: res.status(),
    body: (await res.json()) as {
      error?: { json?: { data?: { domainCode?: string | null; code?: string } } };
    },
  };
}

/** A mutation that must succeed (a test's setup): its result. */
export async function trpcMutate<T = unknown>(
  page: Page,
  path: string,
  input: unknown,
): Promise<T> {
  const res = await postMutation(page, path, input);
  expect(res.status(), path).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

export async function trpcQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const base = new URL(page.url()).origin;
  const res = await page.request.get(
    `${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(res.status()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/**
 * No WCAG 2.1 A/AA violation on the page as it is now (axe), listed by rule and element;
 * `exclude` leaves out what is not our page (the browser's own PDF viewer in an iframe).
 */
export async function axe(page: Page, { exclude }: { exclude?: string } = {}) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const result = await (exclude ? builder.exclude(exclude) : builder).analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}
