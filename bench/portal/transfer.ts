import { request } from "node:http";

export const ENCODINGS = ["identity", "gzip", "br"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Body bytes of one GET as they travel (node:http does not decode them). */
function transferredBytes(url: string, acceptEncoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        res.statusCode === 200
          ? resolve(bytes)
          : reject(new Error(`GET ${url} answered ${res.statusCode}`)),
      );
    })
      .on("error", reject)
      .end();
  });
}

export interface TransferRow {
  name: string;
  pages: number;
  /** Mean body bytes of a page, per Accept-Encoding (ADR 0016). */
  bytes: Record<Encoding, number>;
}

/** Mean transferred body bytes of up to `limit` pages of each kind, without and with compression. */
export async function transferRows(
  base: string,
  kinds: readonly { name: string; paths: readonly string[] }[],
  limit = 20,
): Promise<TransferRow[]> {
  const rows: TransferRow[] = [];
  for (const kind of kinds) {
    const paths = kind.paths.slice(0, limit);
    const bytes = { identity: 0, gzip: 0, br: 0 };
    for (const path of paths)
      for (const encoding of ENCODINGS)
        bytes[encoding] += await transferredBytes(base + path, encoding);
    for (const encoding of ENCODINGS) bytes[encoding] /= Math.max(1, paths.length);
    rows.push({ name: kind.name, pages: paths.length, bytes });
  }
  return rows;
}
