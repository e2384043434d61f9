// Rotates the complaint key-encryption key (ADR 0012, docs/deploy.md "Rotating the
// complaint key"): `pnpm --filter @ita/jobs complaint-keys rotate`, restart every server,
// then `pnpm --filter @ita/jobs complaint-keys prune`. With the embedded PGlite, stop
// `npm start` first (one process per database) and run both in a row.
import { pruneComplaintKeyring, rotateComplaintKeyring } from "@ita/api/jobs";
import { openMigratedDatabase } from "@ita/db/migrate";

const command = process.argv[2];
if (command !== "rotate" && command !== "prune") {
  console.error("usage: complaint-keys rotate | prune");
  process.exit(2);
}
const handle = await openMigratedDatabase();
try {
  if (command === "rotate") {
    // eslint-disable-next-line no-restricted-syntax -- the command reads the server's key settings
    const { current, rewrapped } = await rotateComplaintKeyring({ ctx: handle, env: process.env });
    console.log(
      `New current key "${current}"; ${rewrapped} data keys re-wrapped. The old key stays in ` +
        "the file: restart every server, then run `complaint-keys prune`.",
    );
  } else {
    // eslint-disable-next-line no-restricted-syntax -- the command reads the server's key settings
    const { rewrapped, removed } = await pruneComplaintKeyring({ ctx: handle, env: process.env });
    console.log(
      `${rewrapped} data keys re-wrapped; ` +
        (removed.length > 0
          ? `removed ${removed.join(", ")} from the key file.`
          : "no key to remove."),
    );
  }
} finally {
  await handle.close();
}
