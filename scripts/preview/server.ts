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
import { firstLine } from './first-line';
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
const LOOPBACK = '127.0.0.1';
const MENU = ['showSidebar', 'menuScoreSheet', 'menuRemoveTierColours', 'menuCreateTemplate'];

/** The largest request body the preview reads (the sidebar's calls send a few kB): beyond it, 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request the preview turns down: its status and a one-line reason. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The body as JSON, read up to MAX_BODY_BYTES: a larger declared or sent body is refused with 413
 * without reading (or keeping) the rest, text that is not JSON with 400.
 */
function body(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const tooLarge = () => new Refusal(413, `request body larger than ${MAX_BODY_BYTES} bytes`);
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) return reject(tooLarge());
    // A client that asked first (Expect: 100-continue) is told to send only now, once the request passed every check.
    if (/100-continue/iu.test(req.headers.expect ?? '')) res.writeContinue();
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      stop();
      chunks.length = 0;
      // What still arrives is dropped unread until the connection closes after the 413.
      req.resume();
      reject(tooLarge());
    };
    const onEnd = () => {
      stop();
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve([]);
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(new Refusal(400, `request body is not JSON: ${firstLine(error)}`));
      }
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', (error) => reject(new Refusal(400, `request body could not be read: ${firstLine(error)}`)));
  });
}

function send(res: ServerResponse, status: number, type: string, content: string, close = false): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Only this preview may frame its pages (the grid frames the sidebar), so no other site can overlay them.
    'content-security-policy': "frame-ancestors 'self'",
    'cross-origin-resource-policy': 'same-origin',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(content);
}

/**
 * Why a request must be refused, or null. Host must name this server (127.0.0.1, localhost or
 * [::1] with its port), which defeats DNS rebinding: a page on another name that resolves to
 * 127.0.0.1 sends its own name. Origin, which browsers send on every POST and cross-origin fetch,
 * must be absent or this server's own, which defeats requests from pages on other sites.
 */
function refusal(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host;
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (host === undefined || !hosts.includes(host.toLowerCase())) {
    return `Host ${JSON.stringify(host ?? '')} is not this preview: open http://127.0.0.1:${port}/`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return `requests from ${JSON.stringify(origin)} are not accepted: only the preview's own page (http://127.0.0.1:${port}) may call it`;
  }
  return null;
}

/**
 * Starts the preview on 127.0.0.1:`port` (0: any free port) over the given sheets. It listens on
 * the loopback address only: `host` is there for callers that name it, and must be 127.0.0.1.
 */
/** The sidebar's calls that only read the workbook. */
const READS = new Set(['getSidebarState', 'getPreviewData', 'getActiveSheetName', 'getDocumentPins']);

export async function startPreview(sheets: Record<string, Value[][]>, port = 0, host = '127.0.0.1', locale = 'en_US'): Promise<Preview> {
  if (host !== LOOPBACK) throw new Error(`the preview listens on ${LOOPBACK} only, not ${host}`);
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

  let listening = 0;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      try {
        const refused = refusal(req, listening);
        if (refused) throw new Refusal(403, refused);
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const name = (prefix: string) => {
          try {
            return decodeURIComponent(url.pathname.slice(prefix.length));
          } catch {
            throw new Refusal(400, `bad name in ${url.pathname}`);
          }
        };
        if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html', PREVIEW_PAGE);
        if (req.method === 'GET' && url.pathname === '/sidebar') return send(res, 200, 'text/html', sidebarPage());
        if (req.method === 'GET' && url.pathname === '/api/version') return send(res, 200, 'application/json', JSON.stringify({ version }));
        if (req.method === 'GET' && url.pathname === '/api/workbook') {
          return send(res, 200, 'application/json', JSON.stringify({ ...workbookView(book), version, menu: session.ui.menus.at(-1) ?? [] }));
        }
        if (req.method === 'POST' && url.pathname.startsWith('/api/activate/')) {
          const sheet = name('/api/activate/');
          if (!book.sheets.some((s) => s.name === sheet)) return send(res, 404, 'application/json', JSON.stringify({ ok: false, error: `No sheet ${sheet}` }));
          book.activate(sheet);
          version++;
          return send(res, 200, 'application/json', '{"ok":true}');
        }
        if (req.method === 'POST' && url.pathname.startsWith('/api/menu/')) {
          const item = name('/api/menu/');
          if (!MENU.includes(item)) return send(res, 404, 'application/json', JSON.stringify({ ok: false, error: `No menu item ${item}` }));
          const toasts = book.toasts.length;
          const alerts = session.ui.alerts.length;
          runtime.call(item);
          changed();
          return send(res, 200, 'application/json', JSON.stringify({ ok: true, toasts: book.toasts.slice(toasts), alerts: session.ui.alerts.slice(alerts) }));
        }
        if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
          const fn = name('/rpc/');
          const args = await body(req, res);
          if (!Array.isArray(args)) throw new Refusal(400, 'request body must be a JSON array of arguments');
          try {
            const value = runtime.call(fn, args);
            // The sidebar's reads (it asks for the active sheet every few seconds) change nothing to redraw.
            if (!READS.has(fn)) changed();
            return send(res, 200, 'application/json', JSON.stringify({ ok: true, value }));
          } catch (error) {
            return send(res, 200, 'application/json', JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
          }
        }
        send(res, 404, 'text/plain', 'Not found');
      } catch (error) {
        if (error instanceof Refusal) return send(res, error.status, 'text/plain', `${error.message}\n`, error.status === 413);
        send(res, 500, 'text/plain', firstLine(error));
      }
    })();
  };
  const server = createServer(handle);
  // Expect: 100-continue is answered by `body` (or not at all, for a request refused first), not by Node before any check.
  server.on('checkContinue', handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      const address = server.address();
      listening = typeof address === 'object' && address ? address.port : port;
      resolve();
    });
  });
  return {
    server,
    url: `http://${LOOPBACK}:${listening}/`,
    book,
    runtime,
    // server.close() alone waits for every connection to end, and a page still open polls /api/version
    // every 600 ms on its kept-alive connection: one busy at that moment is never idle again. Closed
    // with the server, so closing a preview never waits on a browser.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
