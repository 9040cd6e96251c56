import fs from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as sleep } from 'node:timers/promises';

const READ_CHUNK_BYTES = 64 * 1024;
// A progress bar that only ever writes '\r' would otherwise grow one line forever.
const MAX_LINE_CHARS = 64 * 1024;

export interface LogLinesOptions {
  follow: boolean;
  signal?: AbortSignal;
  /** Reads without `follow`: start near the end (see ComputeDriver.logs). */
  tail?: { bytes: number; skipped(): void };
  /** Whether the writer is done; asked before each final read, only when following. */
  hasEnded: () => Promise<boolean>;
  pollMs?: number;
}

/**
 * The lines of a log file that another process appends to. Following polls
 * rather than using fs.watch, which misses appends on some file systems
 * (network and container mounts) and needs a poll fallback anyway.
 */
export async function* readLogLines(
  file: string,
  options: LogLinesOptions,
): AsyncGenerator<string> {
  const { follow, signal, hasEnded, tail, pollMs = 200 } = options;
  const handle = await fs.open(file, 'r');
  const buffer = Buffer.alloc(READ_CHUNK_BYTES);
  const decoder = new StringDecoder('utf8');
  let position = 0;
  let partial = '';
  // Starting one byte early: the first (cut) line is left out, and when that
  // byte ends a line, the cut line is empty and nothing real is lost.
  let inCutLine = false;
  try {
    if (tail && !follow) {
      const { size } = await handle.stat();
      if (size > tail.bytes) {
        position = size - tail.bytes - 1;
        inCutLine = true;
        tail.skipped();
      }
    }
    for (;;) {
      // Asked before draining, so whatever was written before the end is read.
      const ended = !follow || (await hasEnded());
      for (;;) {
        const { bytesRead } = await handle.read(
          buffer,
          0,
          buffer.length,
          position,
        );
        if (bytesRead === 0) break;
        position += bytesRead;
        partial += decoder.write(buffer.subarray(0, bytesRead));
        const lines = partial.split('\n');
        partial = lines.pop()!;
        if (inCutLine && lines.length > 0) {
          lines.shift();
          inCutLine = false;
        }
        for (const line of lines)
          yield line.endsWith('\r') ? line.slice(0, -1) : line;
        while (partial.length > MAX_LINE_CHARS) {
          if (!inCutLine) yield partial.slice(0, MAX_LINE_CHARS);
          partial = partial.slice(MAX_LINE_CHARS);
        }
      }
      if (ended || signal?.aborted) break;
      try {
        await sleep(pollMs, undefined, { signal });
      } catch {
        break;
      }
    }
    if (signal?.aborted) return;
    partial += decoder.end();
    if (partial) yield partial;
  } finally {
    await handle.close();
  }
}
