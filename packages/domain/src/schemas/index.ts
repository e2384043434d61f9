export {
  AgencyIdInput,
  CategoryInput,
  FiscalYearInput,
  hasAtMostTwoDecimals,
  ItemCodeInput,
  optionalParam,
  PHONE_PATTERN,
  PhoneInput,
  ScoreInput,
  SlugInput,
  thaiRequired,
} from "./common.ts";
export {
  AgencyPageInput,
  ItemPageInput,
  SEARCH_MAX_LENGTH,
  SEARCH_MAX_PAGE,
  SEARCH_MAX_RESULTS,
  SEARCH_MAX_TERMS,
  SEARCH_PAGE_SIZE,
  SearchInput,
  SlugRefInput,
} from "./public.ts";
export {
  AttachmentIdInput,
  FEED_MAX_ENTRIES,
  FeedInput,
  OpenDisclosuresInput,
  OpenResultsInput,
} from "./open-data.ts";
export {
  EmailInput,
  NewPasswordInput,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  SignInInput,
} from "./auth.ts";
export { ENTRY_MAX_LINKS, EntryDraftInput, LinkInput, ResultInput } from "./entry.ts";
export * from "./admin.ts";
export * from "./results.ts";
export * from "./oversight.ts";
export * from "./frameworks.ts";
export * from "./system-roles.ts";
export * from "./measures.ts";
