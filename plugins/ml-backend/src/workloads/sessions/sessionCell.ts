import { SessionCell } from '@ml-platform/plugin-ml-common';

type SessionOutputChunk = SessionCell['output'][number];

/** A line of the kernel's answer, before it is checked. */
interface KernelEvent {
  done?: unknown;
  error?: unknown;
  stream?: unknown;
  text?: unknown;
}

/**
 * Folds a cell's NDJSON output events into what the transcript keeps: the
 * chunks (consecutive ones of a stream joined), at most `maxOutputChars`
 * characters of them, and the error of the final event.
 */
export class CellRecorder {
  readonly output: SessionOutputChunk[] = [];
  error?: SessionCell['error'];
  done = false;
  truncated = false;
  private kept = 0;

  constructor(private readonly maxOutputChars: number) {}

  /** Takes one NDJSON line of the kernel's answer; lines it cannot read are left out. */
  push(line: string): void {
    let event: KernelEvent | null;
    try {
      event = JSON.parse(line);
    } catch {
      return;
    }
    if (event && typeof event === 'object' && 'done' in event) {
      this.done = true;
      if (event.error && typeof event.error === 'object') {
        const { name, message, traceback } = event.error as Record<
          string,
          unknown
        >;
        this.error = {
          name: String(name ?? ''),
          message: String(message ?? ''),
          traceback: String(traceback ?? ''),
        };
      }
      return;
    }
    if (
      (event?.stream === 'stdout' || event?.stream === 'stderr') &&
      typeof event.text === 'string'
    ) {
      this.append(event.stream, event.text);
    }
  }

  private append(stream: SessionOutputChunk['stream'], text: string) {
    const room = this.maxOutputChars - this.kept;
    if (room <= 0) {
      this.truncated = this.truncated || text.length > 0;
      return;
    }
    const kept = text.length > room ? text.slice(0, room) : text;
    this.truncated = this.truncated || kept.length < text.length;
    this.kept += kept.length;
    const last = this.output[this.output.length - 1];
    if (last && last.stream === stream) last.text += kept;
    else this.output.push({ stream, text: kept });
  }
}
