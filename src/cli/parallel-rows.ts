import type { MessagePort, Worker } from 'node:worker_threads';
import { byteSink, SINK_BUFFER } from './output';
import { eachBlock, rowBlock, RowsWriter, type RowBlock, type RowsContext } from './row-blocks';
import { Prefault, prefault, type PrefaultMessage } from './prefault';
import type { RowsOutput } from './main';
import { sideReply, type SideName, type SideReply, type SideRequest } from './side-results';

/**
 * score's rows written on two cores: a worker thread (started when the command starts, so that it
 * loads while the file is read) writes blocks of rows into buffers that come back to the main
 * thread, which puts them out in order between its own blocks (see `rows` for which block is
 * whose). The main thread waits for a block with Atomics.wait and takes it with
 * receiveMessageOnPort, so the output stays one synchronous pass. The buffers go back and forth
 * (transferred, not copied). If the worker fails, or says nothing for WAIT_MS, the main thread
 * writes the block itself.
 */

/** What the worker is sent: the table's columns to prefault (prefault.ts), the context (once per output), a block, spare buffers, or the end. */
type ToWorker = { context: RowsContext } | { index: number; block: RowBlock; spare: ArrayBuffer[] } | { done: true } | PrefaultMessage | SideRequest;

/** What comes back for block `index`: its bytes, in order, or why there are none. */
type BlockReply = { index: number; chunks: Uint8Array[] } | { index: number; error: string };

/** What comes back: a block's reply, or the answer to a side request (side-results.ts). */
type FromWorker = BlockReply | SideReply;

/**
 * node:worker_threads, loaded when a worker is started or runs: not on every start of the command
 * (with what it loads, 3 ms of a cold start), since most files are written on one thread.
 */
let threadsModule: typeof import('node:worker_threads') | undefined;
const threads = () => (threadsModule ??= require('node:worker_threads') as typeof import('node:worker_threads'));

/** The argument a rows worker is started with, so that the program knows it is one without loading node:worker_threads first. */
export const ROWS_WORKER_ARG = '--abm-tier-rows-worker';

/** The rows worker's data, when this thread is a rows worker (started with ROWS_WORKER_ARG); else null. */
export function rowsWorkerData(): RowsWorkerData | null {
  const { isMainThread, workerData } = threads();
  return !isMainThread && (workerData as RowsWorkerData | null)?.abmTierRows ? (workerData as RowsWorkerData) : null;
}

/** The data a worker is started with (bin.ts starts the rows worker when it finds it). */
export interface RowsWorkerData {
  abmTierRows: true;
  port: MessagePort;
  /** [0]: blocks the worker has finished; it is notified on each. */
  signal: Int32Array;
}

const WAIT_MS = 30_000;
/** Blocks the worker may have done or in hand while this thread does other work (about 1.7 MB of output each at 8 192 rows). */
const AHEAD = 6;
/** The worker's young generation: its garbage is a block's worth, and a small one keeps the command's peak memory down (≤ 500 MiB at a million rows). */
const WORKER_YOUNG_MB = 4;

/**
 * One full collection of this thread's heap. The worker's side results leave about 20 MB of dead
 * arrays (the radix sort's working arrays, copies of the row masks) whose memory is outside the
 * heap: too little for V8 to collect them by itself before the rows begin, which is where the
 * command's memory peaks (1 000 000 rows, JSON: 487–516 MiB without, 471–491 MiB with, six runs
 * each). `gc` is given only to contexts made once --expose-gc is set; where that fails, nothing is done.
 */
export function collectGarbage(): boolean {
  try {
    (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--expose-gc');
    ((require('node:vm') as typeof import('node:vm')).runInNewContext('gc') as () => void)();
    return true;
  } catch {
    return false;
  }
}

/** The worker's side: writes each block it is sent and sends the bytes back. */
export function rowsWorker({ port, signal }: RowsWorkerData): void {
  let writer: RowsWriter | null = null;
  const pool: ArrayBuffer[] = [];
  /** The current block's bytes, in buffers from the pool (sent back by the main thread when it has written them). */
  let chunks: Uint8Array[] = [];
  const sink = byteSink((bytes) => {
    let buffer = pool.pop();
    if (!buffer || buffer.byteLength < bytes.length) buffer = new ArrayBuffer(Math.max(SINK_BUFFER, bytes.length));
    const chunk = new Uint8Array(buffer, 0, bytes.length);
    chunk.set(bytes);
    chunks.push(chunk);
  });
  port.on('message', (message: ToWorker) => {
    if ('prefault' in message) {
      prefault(message);
      return;
    }
    if ('side' in message) {
      port.postMessage(sideReply(message));
      Atomics.add(signal, 0, 1);
      Atomics.notify(signal, 0);
      return;
    }
    if ('context' in message) {
      // The side results are done (they were asked first): what they let go goes now, not at the memory's peak.
      collectGarbage();
      writer?.close();
      writer = new RowsWriter(message.context);
      return;
    }
    if ('done' in message) {
      writer?.close();
      port.close();
      return;
    }
    pool.push(...message.spare);
    chunks = [];
    let reply: BlockReply;
    try {
      writer!.write(sink, message.block);
      // Flushed into this block's chunks; the sink goes on to the next block (its one early flush, output.ts, is behind it).
      sink.close();
      reply = { index: message.index, chunks };
    } catch (error) {
      reply = { index: message.index, error: error instanceof Error ? error.message : String(error) };
      // What the failed block left in the sink goes into its own chunks, which are dropped: not into the next block's.
      sink.close();
    }
    port.postMessage(reply, 'chunks' in reply ? reply.chunks.map((c) => c.buffer as ArrayBuffer) : []);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}

/** The main thread's side: a worker, started now, and the RowsOutput that uses it (once). */
export class RowsHelper {
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private alive = true;
  /** The side requests made, and the answers come back. */
  private readonly asked = new Set<SideName>();
  private readonly answers = new Map<SideName, SideReply>();
  /** Block replies received, not yet taken. */
  private readonly early: BlockReply[] = [];
  /** The table's columns, readied by the worker while this thread reads the file. */
  readonly prefault = new Prefault((message) => {
    if (this.alive) this.post(message);
  });

  private constructor(script: string) {
    const { MessageChannel, Worker } = threads();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: RowsWorkerData = { abmTierRows: true, port: port2, signal: this.signal };
    this.worker = new Worker(script, {
      argv: [ROWS_WORKER_ARG],
      workerData: data,
      transferList: [port2],
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    // Whatever happens to the worker, the command goes on (it writes the blocks itself).
    this.worker.on('error', () => {
      this.alive = false;
    });
    this.worker.unref();
  }

  /** A helper, or null when no worker can be started here (every row is then written on this thread). */
  static start(script: string): RowsHelper | null {
    try {
      return new RowsHelper(script);
    } catch {
      return null;
    }
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.port.postMessage(message, transfer);
  }

  /** Everything the worker has sent so far, sorted: answers by side, block replies in the order they came. */
  private pull(): void {
    const { receiveMessageOnPort } = threads();
    for (let got = receiveMessageOnPort(this.port); got; got = receiveMessageOnPort(this.port)) {
      const reply = got.message as FromWorker;
      if ('side' in reply) this.answers.set(reply.side, reply);
      else this.early.push(reply);
    }
  }

  /** The next block reply, null when none is there yet. */
  private receive(): BlockReply | null {
    if (this.early.length === 0) this.pull();
    return this.early.shift() ?? null;
  }

  /** Waits (Atomics.wait) for the worker to say more than `seen`; false when it has been silent for WAIT_MS in all. */
  private waitFor(seen: number, waited: { ms: number }): boolean {
    const start = performance.now();
    if (Atomics.wait(this.signal, 0, seen, 1000) === 'timed-out') {
      waited.ms += performance.now() - start;
      if (waited.ms > WAIT_MS) return false;
    }
    return true;
  }

  /**
   * Block `index`'s bytes, waited for (`wait`) or only if they are there; null when they are not,
   * and then, unless they were only not there yet, the worker is given up (its blocks are written here).
   */
  private take(index: number, wait = true): Uint8Array[] | null {
    const waited = { ms: 0 };
    while (this.alive) {
      const seen = Atomics.load(this.signal, 0);
      const reply = this.receive();
      if (reply) {
        if (reply.index !== index || !('chunks' in reply)) break;
        return reply.chunks;
      }
      if (!wait) return null;
      if (!this.waitFor(seen, waited)) break;
    }
    this.alive = false;
    return null;
  }

  /** Asks the worker for a side result (side-results.ts); `answer` gives it. */
  ask(request: SideRequest): void {
    if (!this.alive || this.asked.has(request.side)) return;
    this.asked.add(request.side);
    this.post(request);
  }

  /** The worker's answer to what was asked of it, waited for; null when there is none (then it is computed here). */
  answer<S extends SideName>(side: S): Extract<SideReply, { side: S; value: unknown }> | null {
    const waited = { ms: 0 };
    while (this.alive && this.asked.has(side)) {
      const seen = Atomics.load(this.signal, 0);
      this.pull();
      const answer = this.answers.get(side);
      if (answer) return 'value' in answer ? (answer as Extract<SideReply, { side: S; value: unknown }>) : null;
      if (!this.waitFor(seen, waited)) this.alive = false;
    }
    return null;
  }

  /**
   * While this thread does `meanwhile` (what the output needs after the rows: profit tables, KPIs,
   * warnings), the worker writes the first blocks, at most AHEAD of them waiting, and the ones it has
   * done go out between the tasks. Then the blocks left are shared: every other one is the worker's,
   * sent two ahead. A block the worker could not write is written here.
   */
  readonly rows: RowsOutput = (sink, analysis, context, texts, lines, meanwhile) => {
    const writer = new RowsWriter(context, lines);
    const blocks: [number, number, boolean][] = [];
    eachBlock(analysis, (from, to, first) => blocks.push([from, to, first]));
    /** 1: the block was sent to the worker. Blocks [0, decided) have their writer; [0, written) are out. */
    const worker = new Uint8Array(blocks.length);
    let decided = 0;
    let written = 0;
    let spare: ArrayBuffer[] = [];
    let last: RowBlock | null = null;
    const local = (k: number) => {
      last = rowBlock(analysis, ...blocks[k], texts, null, last);
      writer.write(sink, last);
    };
    const send = (k: number) => {
      worker[k] = 1;
      this.post({ index: k, block: rowBlock(analysis, ...blocks[k], texts, { lines }), spare }, spare);
      spare = [];
    };
    const put = (chunks: Uint8Array[]) => {
      for (const chunk of chunks) sink.bytes(chunk);
      spare = spare.concat(chunks.map((c) => c.buffer as ArrayBuffer));
    };
    this.post({ context });
    const topUp = () => {
      while (this.alive && decided < blocks.length && decided - written < AHEAD) send(decided++);
    };
    topUp();
    for (const task of meanwhile) {
      task();
      for (let chunks: Uint8Array[] | null; written < decided && (chunks = this.take(written, false)); written++) put(chunks);
      topUp();
    }
    let toWorker = false;
    for (let k = written; k < blocks.length; k++) {
      // The blocks left, decided two ahead: every other one the worker's.
      for (; decided < blocks.length && decided <= k + 3; decided++, toWorker = !toWorker) if (toWorker && this.alive) send(decided);
      const chunks = worker[k] ? this.take(k) : null;
      if (chunks) put(chunks);
      else local(k);
    }
  };

  /** The worker is done (it ends with the process). */
  stop(): void {
    if (this.alive) this.post({ done: true });
    this.port.close();
  }
}
