/**
 * The outcome area above the action bar: what the last action returned, or its error, scrolled
 * into view, with the next step offered under it (set by main.ts: "Score … now").
 */
import { showError } from './dom';

let nextStep: (value: unknown, button: HTMLButtonElement) => HTMLElement | null = () => null;

/** What to offer after an action succeeds, from what it returned and the button that ran it. */
export function offerNext(make: (value: unknown, button: HTMLButtonElement) => HTMLElement | null): void {
  nextStep = make;
}

export function outcome(): HTMLElement {
  return document.getElementById('outcome')!;
}

/** Scrolls the outcome into view above the sticky action bar and the footer. */
export function reveal(node: Element): void {
  // A card taller than the space above the bar shows its top (its headline); a short one comes just into view.
  const room = window.innerHeight - (document.getElementById('actions')?.offsetHeight ?? 0) - 40;
  node.scrollIntoView({ block: node.getBoundingClientRect().height > room ? 'start' : 'nearest' });
}

/** Runs a secondary action with its button busy, showing what it returns (or the error) in the outcome area. */
export async function action<T>(button: HTMLButtonElement, run: () => Promise<T>, show: (value: T) => HTMLElement): Promise<void> {
  const out = outcome();
  button.disabled = true;
  try {
    const value = await run();
    const shown = show(value);
    const next = nextStep(value, button);
    if (next) shown.append(next);
    out.replaceChildren(shown);
  } catch (error) {
    showError(out, error);
  } finally {
    button.disabled = false;
    reveal(out.firstElementChild ?? out);
  }
}
