import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sampleWorkbook, startPreview } from '../../scripts/preview/server';

// A page left open polls the preview's server on a kept-alive connection; closing the preview must
// not wait for it (the e2e tests close it with their page still open).
describe('closing the preview', () => {
  it('ends a connection that is busy at that moment (a request half sent), and then the server', async () => {
    const preview = await startPreview(sampleWorkbook());
    const { port } = new URL(preview.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
    // A request begun, its headers not finished: the connection is not idle, so server.close() alone leaves it.
    socket.write(`GET /api/version HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = preview.close();
    socket.write('\r\n');
    await closed;
    await ended;
    expect(socket.destroyed).toBe(true);
    expect(preview.server.listening).toBe(false);
  });
});
