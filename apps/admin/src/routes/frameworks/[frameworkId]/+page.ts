import { api } from "#lib/api.ts";
import { readError } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

/** Re-run by `invalidate(FRAMEWORK_DATA)` after a change that kept the framework's id. */
export const FRAMEWORK_DATA = "app:framework";

// A refusal (not a system administrator, no such framework) is shown on the page itself.
export const load = (async ({ params, depends }) => {
  depends(FRAMEWORK_DATA);
  try {
    return {
      framework: await api.framework.get.query({ frameworkId: params.frameworkId }),
      loadError: null,
    };
  } catch (e) {
    return { framework: null, loadError: readError(e).message };
  }
}) satisfies PageLoad;
