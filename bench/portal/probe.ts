/**
 * Where a page's time goes: calls the same tRPC procedures the portal pages call,
 * through the server-side caller (no HTTP, no rendering), one at a time, against the
 * kept bench database. Page time minus this is rendering and HTTP.
 *
 *   node bench/portal/probe.ts [--pglite]     (after pnpm bench:portal --keep)
 */
import { createCaller, createContext } from "@ita/api";
import { benchDatabase, hasDataset } from "./database.ts";
import { sampleTargets, SEARCH_WORDS } from "./sample.ts";

const SECONDS_PER_TARGET = 10;
const MAX_CALLS = 300;

const target = benchDatabase(process.argv.includes("--pglite") ? "pglite" : "postgres");
const handle = await target.open();
try {
  if (!(await hasDataset(handle)))
    throw new Error("no bench dataset: run pnpm bench:portal --keep first");
  const api = createCaller(await createContext({ db: handle.db }));
  const sample = await sampleTargets(handle.db);
  const calls: [string, (i: number) => Promise<unknown>][] = [
    ["home page (public.overview)", () => api.public.overview()],
    [
      "agency page (bySlug + disclosures)",
      (i) => {
        const slug = sample.slugs[i % sample.slugs.length]!;
        const fiscalYear = i % 2 === 0 ? undefined : 2566 + (i % 4);
        return Promise.all([
          api.agency.bySlug({ slug }),
          api.agency.disclosures({ slug, fiscalYear }),
        ]);
      },
    ],
    [
      "item page (public.item)",
      (i) => api.public.item({ ...toItem(sample.items[i % sample.items.length]!) }),
    ],
    [
      "open data (public.openDisclosures)",
      (i) => api.public.openDisclosures({ slug: sample.slugs[i % sample.slugs.length]! }),
    ],
    ...SEARCH_WORDS.map((q): [string, (i: number) => Promise<unknown>] => [
      `search "${q}" (public.search)`,
      () => api.public.search({ q }),
    ]),
  ];
  console.log(
    `API time without HTTP or rendering (${target.describe}), sequential, up to ${MAX_CALLS} calls or ${SECONDS_PER_TARGET} s each:\n`,
  );
  for (const [name, call] of calls) {
    const times: number[] = [];
    const started = performance.now();
    while (times.length < MAX_CALLS && performance.now() - started < SECONDS_PER_TARGET * 1000) {
      const t = performance.now();
      await call(times.length);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) =>
      times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(1);
    console.log(
      `  ${name.padEnd(40)} n=${String(times.length).padStart(3)}  p50 ${at(50).padStart(7)} ms  p95 ${at(95).padStart(7)} ms  max ${at(100).padStart(7)} ms`,
    );
  }
} finally {
  await handle.close();
}

function toItem(i: { slug: string; fy: number; code: string }) {
  return { slug: i.slug, fiscalYear: i.fy, itemCode: i.code };
}
