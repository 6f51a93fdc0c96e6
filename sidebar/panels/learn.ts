/**
 * "Learn weights": weights learned from the sheet's outcome column beside the current ones, with both
 * cross-validated AUCs. "Use these weights" saves them like any settings; "Back to my weights" restores
 * the weights they replaced (docs/scoring.md, "Learned weights").
 */
import type { LearnReport } from '../../src/sheet';
import { setOwn } from '../../src/core/own-key';
import { call } from '../api';
import { el, showError } from '../dom';
import { action, outcome, reveal } from '../outcome';
import type { Store } from '../state';

/** After the settings changed and the panels were drawn again, a line in the outcome area. */
function said(text: string, error?: unknown): void {
  const out = outcome();
  if (error) showError(out, error);
  else out.replaceChildren(el('div', { class: 'card', id: 'learn-done' }, text));
  reveal(out.firstElementChild ?? out);
}

function setWeights(store: Store, weights: Record<string, number>): void {
  store.update('render', (s) => {
    for (const [key, w] of Object.entries(weights)) setOwn(s.weights, key, w);
  });
}

function backButton(store: Store): HTMLButtonElement {
  const back = el('button', { id: 'learn-back' }, store.say('ui.learn.back'));
  back.addEventListener('click', () => {
    back.disabled = true;
    call('restoreWeights', store.input()).then(
      (weights) => {
        setWeights(store, weights);
        said(store.say('ui.learn.restored'));
      },
      (error) => {
        back.disabled = false;
        said('', error);
      },
    );
  });
  return back;
}

function card(store: Store, r: LearnReport): HTMLElement {
  const { say } = store;
  const r3 = (x: number) => x.toFixed(3);
  const use = el('button', { class: 'action', id: 'learn-use', disabled: r.nothing !== null }, say('ui.learn.use'));
  use.addEventListener('click', () => {
    use.disabled = true;
    const weights = Object.fromEntries(r.metrics.map((m) => [m.key, m.learned]));
    setWeights(store, weights);
    call('useLearnedWeights', store.input()).then(
      () => {
        const out = outcome();
        out.replaceChildren(el('div', { class: 'card', id: 'learn-done' }, say('ui.learn.saved'), el('div', {}, backButton(store))));
        reveal(out.firstElementChild ?? out);
      },
      (error) => said('', error),
    );
  });
  return el(
    'div',
    { class: 'card', id: 'learn-result' },
    el('strong', {}, say('ui.learn.auc', { folds: r.folds, current: r3(r.currentCvAuc), learned: r3(r.cvAuc) })),
    el('div', { class: 'secondary' }, say('ui.learn.counts', { successes: r.successes, failures: r.failures, column: r.outcome })),
    el(
      'table',
      { id: 'learn-weights' },
      el('tr', {}, el('th', {}, say('learn.metric')), el('th', {}, say('learn.current')), el('th', {}, say('learn.learned'))),
      ...r.metrics.map((m) => el('tr', {}, el('td', {}, m.name), el('td', { class: 'num' }, String(m.current)), el('td', { class: 'num' }, String(m.learned)))),
    ),
    r.nothing && el('p', { class: 'error' }, r.nothing),
    el('div', {}, use, backButton(store)),
  );
}

export function learnBlock(store: Store): HTMLElement {
  const { say } = store;
  const button = el('button', { id: 'learn' }, say('ui.learn.button'));
  button.addEventListener(
    'click',
    () =>
      void action(
        button,
        () => call('learnWeightsOnSheet', store.input(), null),
        (r) => card(store, r),
      ),
  );
  return el(
    'details',
    { class: 'block', id: 'learn-block' },
    el('summary', {}, say('ui.learn.title')),
    el('p', { class: 'secondary' }, say('ui.learn.hint')),
    button,
  );
}
