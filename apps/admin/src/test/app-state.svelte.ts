// $app/state for component tests: the page's URL as SvelteKit's runtime would hold it.
// It is reactive ($state) so a test can play a navigation (back/forward) by setting `page.url`
// and see whether what a page shows follows it.
// A navigation replaces the URL, never changes it in place (as in SvelteKit): no SvelteURL.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
export const page = $state({ url: new URL("http://localhost/admin/") });
