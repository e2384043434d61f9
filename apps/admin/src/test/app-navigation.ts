import { vi } from "vitest";

// $app/navigation for component tests (SvelteKit's runtime is not loaded there).
export const goto = vi.fn(async (_url: string, _options?: object) => {});
export const invalidate = vi.fn(async (_dependency: string) => {});
export const invalidateAll = vi.fn(async () => {});
/** The callbacks pages registered, so a test can play a navigation through them. */
export const navigationGuards: Array<
  (navigation: { cancel: () => void; willUnload: boolean }) => void
> = [];
export const beforeNavigate = vi.fn(
  (guard: (navigation: { cancel: () => void; willUnload: boolean }) => void) => {
    navigationGuards.push(guard);
  },
);
