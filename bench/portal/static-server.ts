/**
 * Baseline: serves one file from disk for every GET, the way a static file server
 * does (stat once, stream per request), on a loopback port. Run as its own process so
 * it does not share an event loop with autocannon.
 *   node static-server.ts <file> <port>
 */
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";

const [file, portText] = process.argv.slice(2);
if (!file || !portText) throw new Error("usage: static-server.ts <file> <port>");
const size = statSync(file).size;

const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": size });
  createReadStream(file).pipe(res);
});
server.listen(Number(portText), "127.0.0.1", () => console.log("static server ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
