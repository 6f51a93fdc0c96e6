/** The outcome area under the buttons: what the last action returned, or its error. */
import { showError } from './dom';

export function outcome(): HTMLElement {
  return document.getElementById('outcome')!;
}

/** Runs a secondary action with its button busy, showing what it returns (or the error) in the outcome area. */
export async function action<T>(button: HTMLButtonElement, run: () => Promise<T>, show: (value: T) => HTMLElement): Promise<void> {
  const out = outcome();
  button.disabled = true;
  try {
    out.replaceChildren(show(await run()));
  } catch (error) {
    showError(out, error);
  } finally {
    button.disabled = false;
  }
}
