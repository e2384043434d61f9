/** The one place document text reads the environment: where external programs are found. */
export function programSearchPath(): string {
  // eslint-disable-next-line no-restricted-syntax -- this module is the env reader
  return process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin";
}
