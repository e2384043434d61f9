// $app/paths for component tests: route ids resolve as SvelteKit does under /admin.
export function resolve(route: string, params: Record<string, string> = {}): string {
  return `/admin${route.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? "")}`;
}
