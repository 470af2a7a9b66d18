// The page a renderer test draws on: a fresh React root in a <div> on document.body for every test,
// unmounted and removed after it, with the queries and input the tests share.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';
import { flush } from './fake-workbench.js';

// Tells React that updates here are wrapped in act(), as in its own tests.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Dom {
  /** The current test's container; the root renders into it. */
  readonly container: HTMLElement;
  /** Renders node into the root, inside act(). */
  render(node: ReactNode): void;
  /** The first element matching selector, in the container unless told where. */
  $<E extends Element = HTMLElement>(selector: string, within?: ParentNode): (E & Element) | null;
  /** Every element matching selector, in the container unless told where. */
  $$(selector: string, within?: ParentNode): HTMLElement[];
  /** The text of the first element matching selector. */
  text(selector: string, within?: ParentNode): string | null | undefined;
  /** The element with this data-testid. */
  byTestId<E extends HTMLElement = HTMLElement>(testId: string, within?: ParentNode): E | null;
}

/** Call at the top of a test file: registers the beforeEach and afterEach that set up and tear down the page. */
export function useDom(): Dom {
  let container: HTMLElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });
  const $ = <E extends Element = HTMLElement>(selector: string, within: ParentNode = container) =>
    within.querySelector<E & Element>(selector);
  return {
    get container() {
      return container;
    },
    render(node) {
      act(() => root.render(node));
    },
    $,
    $$: (selector, within = container) => [...within.querySelectorAll<HTMLElement>(selector)],
    text: (selector, within) => $(selector, within)?.textContent,
    byTestId: <E extends HTMLElement = HTMLElement>(testId: string, within: ParentNode = container) =>
      within.querySelector<E>(`[data-testid="${testId}"]`),
  };
}

/** Types into a React-controlled field as a user would: the native value setter, then the input event React listens to. */
export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Clicks el, then lets what the click started (an awaited envelope, a store update) settle. */
export async function clickAndFlush(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
  await act(flush);
}
