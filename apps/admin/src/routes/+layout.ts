// A client-side app: the portal process serves index.html for every /admin path.
export const ssr = false;
export const prerender = false;
