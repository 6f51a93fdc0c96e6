/** Median of wall times in ms, and a row printer with the budget beside the figure. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function time(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export function line(what: string, figure: string, budget = ''): void {
  console.log(`${what.padEnd(58)} ${figure.padStart(12)}   ${budget}`);
}
