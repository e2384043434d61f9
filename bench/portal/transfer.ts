import { request } from "node:http";

const ENCODINGS = ["identity", "gzip", "br"] as const;

/** Body bytes of one GET as they travel (node:http does not decode them). */
function transferredBytes(url: string, acceptEncoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve(bytes));
    })
      .on("error", reject)
      .end();
  });
}

/**
 * The line the benchmark prints for one page: its bytes without compression, gzipped
 * and with brotli (ADR 0016). The load itself is sent without Accept-Encoding.
 */
export async function transferLine(url: string): Promise<string> {
  const sizes: string[] = [];
  for (const encoding of ENCODINGS) {
    const bytes = await transferredBytes(url, encoding);
    sizes.push(`${encoding} ${bytes.toLocaleString("en")} B`);
  }
  return sizes.join(", ");
}
