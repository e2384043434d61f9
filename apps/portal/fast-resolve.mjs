// Loaded before server.mjs (`node --import`, one of start.mjs's flags). Node
// 24 reads the nearest package.json's whole "exports" map again for every ES module it
// resolves, to learn the module's format; drizzle-orm's is 179 KB and it has hundreds of
// modules, so importing it took ~2 s of CPU and ~120 MB of heap that the process kept
// (docs/performance.md, "Embedded memory"; since --max-semi-space-size=2 only the CPU
// shows, ~1 s to ready). For relative imports of .js/.mjs/.cjs files
// inside node_modules the answer is known without that: the file next to the importer, in
// the format of the nearest package.json's "type", read once per folder. Everything else
// goes to Node's own resolution.
import { existsSync, readFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const typeOfFolder = new Map();

/** "module" or "commonjs": the "type" of the package.json nearest to `folder`. */
function packageType(folder) {
  let type = typeOfFolder.get(folder);
  if (type) return type;
  const file = join(folder, "package.json");
  if (existsSync(file))
    type = JSON.parse(readFileSync(file, "utf8")).type === "module" ? "module" : "commonjs";
  else type = dirname(folder) === folder ? "commonjs" : packageType(dirname(folder));
  typeOfFolder.set(folder, type);
  return type;
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (
      (specifier.startsWith("./") || specifier.startsWith("../")) &&
      /\.[cm]?js$/.test(specifier) &&
      parent?.startsWith("file:") &&
      parent.includes("/node_modules/")
    ) {
      const url = new URL(specifier, parent);
      const path = fileURLToPath(url);
      if (existsSync(path)) {
        const format = path.endsWith(".mjs")
          ? "module"
          : path.endsWith(".cjs")
            ? "commonjs"
            : packageType(dirname(path));
        return { url: url.href, format, shortCircuit: true };
      }
    }
    return nextResolve(specifier, context);
  },
});
