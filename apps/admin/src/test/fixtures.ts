import type { RouterOutputs } from "@ita/api";

/**
 * Answers of the API as the admin's pages receive them, typed as `RouterOutputs`: a field
 * a page reads cannot be missing from a test's data, and a renamed one fails the typecheck.
 */
export const agencyProfile = (
  overrides: Partial<RouterOutputs["agencyAdmin"]["profile"]> = {},
): RouterOutputs["agencyAdmin"]["profile"] => ({
  agencyId: "a-1",
  slug: "lamphun",
  type: "town-municipality",
  nameTh: "เทศบาลเมืองลำพูน",
  nameEn: null,
  address: "ถนนอินทยงยศ",
  phone: null,
  email: null,
  website: null,
  socialLinks: [{ label: "Facebook", url: "https://facebook.com/lamphun" }],
  executives: [{ name: "นายก", positionTh: "นายกเทศมนตรี" }],
  complaintChannels: { phone: "053-511-000" },
  complaintAcknowledgeWorkingDays: 3,
  complaintDecideWorkingDays: 30,
  readOnly: false,
  ...overrides,
});
