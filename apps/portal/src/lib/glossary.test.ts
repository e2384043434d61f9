import { glossaryProblems, stringsIn } from "@ita/domain/glossary";
import { describe, expect, it } from "vitest";
import { COMPLAINT_MESSAGES } from "./complaint-i18n.ts";
import { MESSAGES } from "./i18n.ts";

describe("the portal's strings follow docs/glossary.md", () => {
  it.each([
    ["i18n", MESSAGES],
    ["complaint-i18n", COMPLAINT_MESSAGES],
  ])("%s breaks no rule that a machine can check", (_name, messages) => {
    const strings = stringsIn(messages);
    expect(strings.length).toBeGreaterThan(50);
    expect(strings.flatMap(glossaryProblems)).toEqual([]);
  });
});
