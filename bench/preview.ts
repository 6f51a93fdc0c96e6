import { localPreview, localSheet } from '../sidebar/local-preview';
import { analyseSheet } from '../src/sheet/analyse-sheet';
import type { Services } from '../src/sheet/apps-script';
import { documentLanguage, inputSettings } from '../src/sheet/language';
import { readSheet } from '../src/sheet/read-sheet';
import { preview } from '../src/sheet/report';
import { previewData } from '../src/sheet/sidebar-state';
import { accountsGrid, workbook } from '../test/sheet/helpers';
import { line, time } from './stats';

/**
 * The sidebar's live preview on a 50 000-row sheet: the sheet sent once (its size, the server's
 * time to read it) and each recompute in the sidebar, beside the server preview it replaces
 * (one read of the whole sheet per slider move).
 */
/** The server preview the sidebar used before (removed): the whole sheet read and scored per slider move. */
function serverPreview(services: Services, weights: Record<string, number>): void {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, inputSettings(ss, { weights }));
  const data = readSheet(ss.getActiveSheet());
  preview(analyseSheet(data, language), data.name, language.show);
}

export function benchPreview(): void {
  const grid = accountsGrid(50_000, 5);
  const { book, session } = workbook(grid);
  const data = previewData(session.services);
  const bytes = Buffer.byteLength(JSON.stringify(data));
  line('preview, sheet sent once: 50,000 rows as JSON', `${(bytes / 1024 / 1024).toFixed(2)} MB`, 'budget ≤ 5 MB');
  book.calls.reset();
  previewData(session.services);
  line('preview, service calls to send it (any size)', String(book.calls.total), 'budget ≤ 10');
  line('preview, server time to send it', `${time(() => previewData(session.services), 3).toFixed(0)} ms`, 'once per session');
  const wire = JSON.stringify(data);
  line('preview, revived in the sidebar', `${time(() => localSheet(JSON.parse(wire)), 3).toFixed(0)} ms`, 'once per session');
  const sheet = localSheet(data);
  let w = 0;
  // Warm, as the sidebar is after its first preview: the figures are for a slider being moved.
  for (let k = 0; k < 3; k++) {
    localPreview(sheet, { weights: { Engagement: k } }, 'en');
    serverPreview(session.services, { Engagement: k });
  }
  const recompute = time(() => localPreview(sheet, { weights: { Engagement: (w = (w + 0.5) % 5) } }, 'en'), 7);
  line('preview, one recompute in the sidebar (a slider move)', `${recompute.toFixed(0)} ms`, 'budget ≤ 300 ms, no server call');
  const before = time(() => serverPreview(session.services, { Engagement: (w = (w + 0.5) % 5) }), 3);
  line('before: one server preview per slider move (against the fake)', `${before.toFixed(0)} ms`, '+ the Apps Script round trip');
}
