import { closeSync, openSync, writeSync } from 'node:fs';

/** Where output goes: a file or stdout, through one reused buffer. */
export interface Sink {
  write(text: string): void;
  close(): void;
}

const FLUSH_AT = 1 << 20;
const BATCH = 1 << 15;

/**
 * Text is encoded straight into one reused buffer, handed to `flushBytes` each time it fills: no
 * joined copies of the text on the way out. `flushBytes` must be done with the bytes when it returns.
 */
export function byteSink(flushBytes: (bytes: Uint8Array) => void, done: () => void = () => {}): Sink {
  const buffer = Buffer.allocUnsafe(FLUSH_AT);
  let used = 0;
  // Small writes are joined first (one native call a batch, not one a row).
  let pending = '';
  const flush = () => {
    if (used > 0) flushBytes(buffer.subarray(0, used));
    used = 0;
  };
  const encode = () => {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (used + pending.length * 3 > FLUSH_AT) {
      flush();
      if (pending.length * 3 > FLUSH_AT) {
        flushBytes(Buffer.from(pending));
        pending = '';
        return;
      }
    }
    used += buffer.write(pending, used);
    pending = '';
  };
  return {
    write(text) {
      pending += text;
      if (pending.length >= BATCH) encode();
    },
    close() {
      encode();
      flush();
      done();
    },
  };
}

export function fileSink(path: string): Sink {
  const fd = openSync(path, 'w');
  return byteSink(
    (bytes) => {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    },
    () => closeSync(fd),
  );
}

/** Output for a consumer of text (the tests' stdout): the text in pieces of about FLUSH_AT characters. */
export function streamSink(write: (text: string) => void): Sink {
  let buffer: string[] = [];
  let size = 0;
  return {
    write(text) {
      buffer.push(text);
      size += text.length;
      if (size >= FLUSH_AT) {
        write(buffer.join(''));
        buffer = [];
        size = 0;
      }
    },
    close() {
      if (buffer.length) write(buffer.join(''));
      buffer = [];
    },
  };
}
