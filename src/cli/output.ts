import { closeSync, openSync, writeSync } from 'node:fs';

/** Where output goes: a file (written in chunks) or a stream-like sink such as stdout. */
export interface Sink {
  write(text: string): void;
  close(): void;
}

const FLUSH_AT = 1 << 20;

export function fileSink(path: string): Sink {
  const fd = openSync(path, 'w');
  // Text is encoded straight into one reused buffer: no joined copies of it on the way to the file.
  const buffer = Buffer.allocUnsafe(FLUSH_AT);
  let used = 0;
  const flush = () => {
    if (used > 0) writeSync(fd, buffer, 0, used);
    used = 0;
  };
  return {
    write(text) {
      if (used + text.length * 3 > FLUSH_AT) {
        flush();
        if (text.length * 3 > FLUSH_AT) {
          writeSync(fd, text);
          return;
        }
      }
      used += buffer.write(text, used);
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

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
