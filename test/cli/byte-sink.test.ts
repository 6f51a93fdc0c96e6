import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteSink, SINK_BUFFER, type Sink } from '../../src/cli/output';

/** One call on a sink, and the bytes it must add. */
type Op = { call: (sink: Sink) => void; bytes: Buffer };

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
/** Sizes around the sink's first flush (4 KiB), its buffer (1 MiB) and its slack (64 KiB). */
const big = fc.constantFrom(4095, 4097, 65_535, 65_537, 300_000, SINK_BUFFER + 5).map((n) => 'x'.repeat(n));

const op: fc.Arbitrary<Op> = fc.oneof(
  ascii.map((t) => ({ call: (s: Sink) => s.ascii(t), bytes: Buffer.from(t) })),
  fc.oneof(text, big).map((t) => ({ call: (s: Sink) => s.write(t), bytes: Buffer.from(t) })),
  fc.nat({ max: 1e12 }).map((n) => ({ call: (s: Sink) => s.whole(n), bytes: Buffer.from(String(n)) })),
  fc.oneof(text, big).map((t) => {
    const b = Buffer.from(t);
    return { call: (s: Sink) => s.bytes(b), bytes: b };
  }),
  fc.tuple(fc.oneof(text, big), fc.nat(), fc.nat()).map(([t, x, y]) => {
    const b = Buffer.from(t);
    const from = Math.min(x, y) % (b.length + 1);
    const to = from + ((Math.max(x, y) - from) % (b.length - from + 1));
    return { call: (s: Sink) => s.copy(b, from, to), bytes: b.subarray(from, to) };
  }),
  text.map((t) => ({ call: (s: Sink) => s.jsonString(t), bytes: Buffer.from(JSON.stringify(t)) })),
  text.map((t) => {
    const b = Buffer.from(t);
    return { call: (s: Sink) => s.jsonUtf8(b, 0, b.length), bytes: Buffer.from(JSON.stringify(t)) };
  }),
);

describe('byteSink: output through one reused buffer', () => {
  it('hands over exactly the bytes of its calls, in order, across its first flush and every later one', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.array(op, { maxLength: 4 }), (ops, tail) => {
        const pieces: Buffer[] = [];
        let closed = 0;
        const sink = byteSink(
          (bytes) => pieces.push(Buffer.from(bytes)),
          () => closed++,
        );
        const all = [...ops, ...tail];
        for (const o of all) o.call(sink);
        sink.close();
        expect(closed).toBe(1);
        expect(Buffer.concat(pieces).equals(Buffer.concat(all.map((o) => o.bytes)))).toBe(true);
        // Nothing empty is handed over; a piece is never more than the buffer unless it was given whole.
        for (const p of pieces) {
          expect(p.length).toBeGreaterThan(0);
          if (p.length > SINK_BUFFER) expect(all.some((o) => o.bytes.length === p.length)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('flushes first after a few KiB, then in pieces of about a MiB', () => {
    const sizes: number[] = [];
    const sink = byteSink((bytes) => sizes.push(bytes.length));
    const row = `${'r'.repeat(99)}\n`;
    for (let k = 0; k < 30_000; k++) sink.ascii(row);
    sink.close();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3_000_000);
    expect(sizes[0]).toBeLessThanOrEqual(4096);
    for (const size of sizes.slice(1, -1)) {
      expect(size).toBeGreaterThan(1_000_000);
      expect(size).toBeLessThanOrEqual(1 << 20);
    }
  });
});
