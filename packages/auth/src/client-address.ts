import { isIP } from "node:net";

/**
 * The client's address and scheme as the server may believe them. Behind `trustedHops`
 * reverse proxies, each proxy appends the address it received the request from to
 * `X-Forwarded-For`; everything left of what our own proxies appended was written by the
 * client and proves nothing. So the client is the entry `trustedHops - 1` from the right
 * (the socket's peer being the nearest proxy). With no trusted proxy the socket's peer is
 * the client and forwarded headers are ignored, so no one can pick their own address to
 * escape the per-client sign-in limit.
 */
export interface ClientInfo {
  ip: string | null;
  /** The client used https (per our proxy's X-Forwarded-Proto when it is trusted). */
  https: boolean;
}

export function resolveClient(
  headers: Headers,
  socket: { address: string | null; https: boolean },
  trustedHops: number,
): ClientInfo {
  if (trustedHops <= 0) return { ip: socket.address, https: socket.https };
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // A chain shorter than our proxies: the request did not come through all of them.
  const candidate = chain.at(-trustedHops) ?? chain[0] ?? socket.address;
  const proto = headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase();
  return {
    ip: candidate && isIP(candidate) ? candidate : socket.address,
    https: proto ? proto === "https" : socket.https,
  };
}
