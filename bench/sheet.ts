import { scoreSheet } from '../src/sheet/score-sheet';
import { accountsGrid, workbook } from '../test/sheet/helpers';
import { line, time } from './stats';

/** Scoring a 50 000-row sheet through the Apps Script shell, against the in-memory fake. */
export function benchSheet(): void {
  const grid = accountsGrid(50_000, 3);
  const { book, session } = workbook(grid);
  scoreSheet(session.services); // the first run makes the columns, summary and charts
  book.calls.reset();
  scoreSheet(session.services);
  line('sheet run, service calls (re-run, any size)', String(book.calls.total), 'budget ≤ 25');
  const ms = time(() => scoreSheet(session.services), 5);
  line('sheet run, 50,000 rows against the fake', `${ms.toFixed(0)} ms`, 'budget ≤ 1.5 s');
}
