/**
 * The local preview: `npm start` builds, then serves the add-on as it will look in Sheets, on a
 * sample workbook, with no Google account. The page shows the workbook as a grid with sheet tabs,
 * the real dist/Sidebar.html beside it, and the add-on menu's actions as buttons. google.script.run
 * in the sidebar calls this server, which runs the real dist/Code.js on the in-memory Sheets fake.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { rectangle, templateSheets } from '../../src/sample/template';
import { FakeSpreadsheet, type Value } from '../../test/fakes/workbook';
import { loadAddon, sidebarPage, type AddonRuntime } from './runtime';
import { evaluateFormulas } from './formulas';
import { PREVIEW_PAGE } from './page';
import { workbookView } from './workbook-view';

export interface Preview {
  server: Server;
  url: string;
  book: FakeSpreadsheet;
  runtime: AddonRuntime;
  close(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

/** The template workbook: the sample accounts and the how-to sheet with live custom functions. */
export function sampleWorkbook(): Record<string, Value[][]> {
  return Object.fromEntries(templateSheets().map((s) => [s.name, rectangle(s.rows)]));
}
const MENU = ['showSidebar', 'menuScoreSheet', 'menuRemoveTierColours', 'menuCreateTemplate'];

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : [];
}

function send(res: ServerResponse, status: number, type: string, content: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(content);
}

/** Starts the preview on `port` (0: any free port) over the given sheets. */
export async function startPreview(sheets: Record<string, Value[][]>, port = 0, host = '127.0.0.1', locale = 'en_US'): Promise<Preview> {
  const book = new FakeSpreadsheet(sheets, locale);
  const session = book.session('you@example.com', { Sidebar: readFileSync(join(ROOT, 'dist', 'Sidebar.html'), 'utf8') });
  const runtime = loadAddon(session.globals());
  runtime.call('onOpen', [{}]);
  evaluateFormulas(book, runtime);
  let version = 0;
  /** After anything the add-on did, recompute the custom-function cells, as Sheets would. */
  const changed = () => {
    evaluateFormulas(book, runtime);
    version++;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html', PREVIEW_PAGE);
        if (req.method === 'GET' && url.pathname === '/sidebar') return send(res, 200, 'text/html', sidebarPage());
        if (req.method === 'GET' && url.pathname === '/api/version') return send(res, 200, 'application/json', JSON.stringify({ version }));
        if (req.method === 'GET' && url.pathname === '/api/workbook') {
          return send(res, 200, 'application/json', JSON.stringify({ ...workbookView(book), version, menu: session.ui.menus.at(-1) ?? [] }));
        }
        if (req.method === 'POST' && url.pathname.startsWith('/api/activate/')) {
          book.activate(decodeURIComponent(url.pathname.slice('/api/activate/'.length)));
          version++;
          return send(res, 200, 'application/json', '{"ok":true}');
        }
        if (req.method === 'POST' && url.pathname.startsWith('/api/menu/')) {
          const name = decodeURIComponent(url.pathname.slice('/api/menu/'.length));
          if (!MENU.includes(name)) return send(res, 404, 'application/json', JSON.stringify({ ok: false, error: `No menu item ${name}` }));
          const toasts = book.toasts.length;
          const alerts = session.ui.alerts.length;
          runtime.call(name);
          changed();
          return send(res, 200, 'application/json', JSON.stringify({ ok: true, toasts: book.toasts.slice(toasts), alerts: session.ui.alerts.slice(alerts) }));
        }
        if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
          const name = decodeURIComponent(url.pathname.slice('/rpc/'.length));
          const args = (await body(req)) as unknown[];
          try {
            const value = runtime.call(name, Array.isArray(args) ? args : []);
            changed();
            return send(res, 200, 'application/json', JSON.stringify({ ok: true, value }));
          } catch (error) {
            return send(res, 200, 'application/json', JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
          }
        }
        send(res, 404, 'text/plain', 'Not found');
      } catch (error) {
        send(res, 500, 'text/plain', error instanceof Error ? error.message : String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://${host}:${actual}/`,
    book,
    runtime,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
