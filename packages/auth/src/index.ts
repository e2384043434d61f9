export * from "./client-address.ts";
export * from "./cookie.ts";
export * from "./lookup-hash.ts";
export * from "./origin.ts";
export * from "./password.ts";
export * from "./session-token.ts";
export * from "./totp.ts";
