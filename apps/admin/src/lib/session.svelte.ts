import { invalidateAll } from "$app/navigation";
import { api } from "./api.ts";

export type Me = Awaited<ReturnType<typeof api.auth.me.query>>;

const state = $state<{ me: Me | undefined }>({ me: undefined });

/** The signed-in user, shared by the layout and pages (undefined while loading). */
export const session = {
  get me(): Me | undefined {
    return state.me;
  },
  set me(value: Me | undefined) {
    state.me = value;
  },
  async refresh(): Promise<Me> {
    state.me = await api.auth.me.query();
    return state.me;
  },
  /** After signing in or giving the second factor: the page's data loads again, now allowed. */
  async signedIn(): Promise<void> {
    const me = await api.auth.me.query();
    // The page's data first, then the user: showing the page before its data loaded again
    // flashed the refusal it got while signed out ("กรุณาเข้าสู่ระบบก่อน…").
    if (me && !me.twoFactor) await invalidateAll();
    state.me = me;
  },
};
