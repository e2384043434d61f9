/** UI language: Thai first, English available; remembered on this device. */
export type Lang = "th" | "en";

const KEY = "ita-admin-lang";

function initial(): Lang {
  try {
    return localStorage.getItem(KEY) === "en" ? "en" : "th";
  } catch {
    return "th";
  }
}

const state = $state<{ lang: Lang }>({ lang: initial() });

export const i18n = {
  get lang(): Lang {
    return state.lang;
  },
  set lang(value: Lang) {
    state.lang = value;
    try {
      localStorage.setItem(KEY, value);
    } catch {
      // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = value;
  },
};

/** The text in the current language: t("บันทึก", "Save"). */
export function t(th: string, en: string): string {
  return state.lang === "en" ? en : th;
}

/** A { th, en } label from @ita/domain in the current language. */
export function label(l: { th: string; en: string }): string {
  return state.lang === "en" ? l.en : l.th;
}
