import { flushSync, mount, unmount, type Component } from "svelte";
import { afterEach } from "vitest";

// Component tests mount into happy-dom and unmount after each test.
const mounted: Array<ReturnType<typeof mount>> = [];
afterEach(() => {
  for (const component of mounted.splice(0)) void unmount(component);
  document.body.innerHTML = "";
});

export function render<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props,
): HTMLElement {
  const target = document.createElement("div");
  document.body.append(target);
  mounted.push(mount(component, { target, props }));
  flushSync();
  return target;
}

/** Lets pending promises (a mocked API call, an event handler) finish, then updates the DOM. */
export const settle = () => new Promise((done) => setTimeout(done, 0)).then(() => flushSync());

/** Types into an input or textarea the way a person does (an input event follows). */
export function type(field: HTMLInputElement | HTMLTextAreaElement | null, value: string) {
  if (!field) throw new Error("no such field");
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}

/** Text as a screen reader reads it: runs of white space are one space. */
export const textOf = (node: Element | null | undefined) =>
  (node?.textContent ?? "").replace(/\s+/g, " ").trim();

export const buttonNamed = (root: HTMLElement, name: string) => {
  const button = [...root.querySelectorAll("button")].find((b) => textOf(b) === name);
  if (!button)
    throw new Error(
      `no button "${name}" among ${[...root.querySelectorAll("button")].map((b) => JSON.stringify(textOf(b)))}`,
    );
  return button;
};

/** Clicks the button with this accessible text and updates the DOM. */
export function press(root: HTMLElement, name: string) {
  buttonNamed(root, name).click();
  flushSync();
}

// happy-dom matches `:checked` on inputs only, while Svelte's `bind:value` on a select reads
// the `:checked` option: without this, every choice would read as the first option.
const selectQuery = HTMLSelectElement.prototype.querySelector;
HTMLSelectElement.prototype.querySelector = function (this: HTMLSelectElement, selector: string) {
  return selector === ":checked"
    ? (this.selectedOptions[0] ?? null)
    : selectQuery.call(this, selector);
} as typeof selectQuery;

/** Chooses an option of a select the way a person does (a change event follows). */
export function choose(select: HTMLSelectElement | null, value: string) {
  if (!select) throw new Error("no such select");
  for (const option of select.options) option.selected = option.value === value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  flushSync();
}
