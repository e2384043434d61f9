import { api } from "./api.ts";

const state = $state<{ count: number }>({ count: 0 });

/**
 * "งานที่รอฉัน": how many things wait for the signed-in user. The layout counts after
 * each navigation; pages that change the count (approve, return, submit) call
 * `refresh()` so the menu is right without a reload.
 */
export const waiting = {
  get count(): number {
    return state.count;
  },
  async refresh(): Promise<void> {
    try {
      state.count = (await api.notifications.list.query()).count;
    } catch {
      state.count = 0;
    }
  },
};
