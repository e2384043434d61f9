/**
 * The filled fields of a search form as a URL query ("" when none). A page's filter form names
 * its fields like its URL's query, so a search is a navigation that survives reload and works
 * as a link; the page's load reads the query back.
 */
export function filledQuery(form: HTMLFormElement): string {
  const fields = [...new FormData(form)].filter((pair): pair is [string, string] =>
    Boolean(pair[1]),
  );
  return new URLSearchParams(fields).toString();
}
