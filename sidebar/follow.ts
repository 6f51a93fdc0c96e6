/** Following the active sheet without a round trip every few seconds: see `follow`. */

/** How soon the sidebar asks which sheet is active, after a change or a person's action in it… */
export const FOLLOW_MS = 2500;
/** …and, while the answer stays the same, twice as long each time, up to this. */
export const FOLLOW_MAX_MS = 30_000;

/**
 * Asks `check` (is another sheet active? each ask is a google.script.run round trip) FOLLOW_MS after
 * the last answer, twice as long after each unchanged one up to FOLLOW_MAX_MS. Never while the
 * sidebar is hidden (its tab or the sidebar closed away): at once when it is shown again, and when
 * the pointer comes back to it or it gets the focus (a person back from the grid, maybe on another
 * sheet); a click or a key in it starts the wait from FOLLOW_MS again.
 */
export function follow(check: () => Promise<boolean>): void {
  let delay = FOLLOW_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asking = false;
  let last = 0;
  const wait = () => {
    clearTimeout(timer);
    timer = document.visibilityState === 'hidden' ? undefined : setTimeout(ask, delay);
  };
  const ask = async () => {
    if (asking || document.visibilityState === 'hidden') return;
    clearTimeout(timer);
    asking = true;
    last = Date.now();
    try {
      delay = (await check()) ? FOLLOW_MS : Math.min(2 * delay, FOLLOW_MAX_MS);
    } catch {
      delay = Math.min(2 * delay, FOLLOW_MAX_MS);
    } finally {
      asking = false;
      wait();
    }
  };
  /** Back to the shortest wait; asked at once unless it was asked within the last second. */
  const soon = (now: boolean) => () => {
    delay = FOLLOW_MS;
    if (now && Date.now() - last > 1000) void ask();
    else if (!asking) wait();
  };
  document.addEventListener('visibilitychange', () => (document.visibilityState === 'hidden' ? clearTimeout(timer) : soon(true)()));
  document.documentElement.addEventListener('pointerenter', soon(true));
  window.addEventListener('focus', soon(true));
  document.addEventListener('pointerdown', soon(false), true);
  document.addEventListener('keydown', soon(false), true);
  wait();
}
