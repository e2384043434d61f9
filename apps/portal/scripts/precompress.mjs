// Writes a .br and a .gz beside each text asset of the built portal, for sirv to send to
// browsers that accept them (server.mjs; docs/adr/0016). Built once, so the strongest
// levels: the request path never compresses these files.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const TEXT = /\.(css|js|mjs|json|svg|html|txt|xml|webmanifest)$/;
// Below this a compressed copy saves less than the headers it adds.
const MIN_BYTES = 1024;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

const dir = fileURLToPath(new URL("../dist/client", import.meta.url));
for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !TEXT.test(entry.name)) continue;
  const path = join(entry.parentPath, entry.name);
  const bytes = await readFile(path);
  if (bytes.length < MIN_BYTES) continue;
  const brotli = await br(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  await writeFile(`${path}.br`, brotli);
  await writeFile(`${path}.gz`, await gz(bytes, { level: constants.Z_BEST_COMPRESSION }));
}
