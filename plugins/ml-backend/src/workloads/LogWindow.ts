/** What a bounded log read answers. */
export interface LogTail {
  lines: string[];
  /** Whether earlier output was left out (by the line or the byte limit). */
  truncated: boolean;
}

/**
 * The end of a log, kept while its lines stream past: at most `maxLines`
 * lines and `maxBytes` bytes (UTF-8, a newline counted per line), whatever
 * the driver yields. What falls out at the front marks it truncated, so a
 * log of any size costs a read of it, never its size in memory.
 */
export class LogWindow {
  private readonly kept: Array<{ line: string; bytes: number }> = [];
  private head = 0;
  private bytes = 0;
  private truncated = false;

  constructor(
    private readonly limits: { maxBytes: number; maxLines?: number },
  ) {}

  /** Earlier output was left out before it reached the window. */
  markTruncated() {
    this.truncated = true;
  }

  push(text: string) {
    let line = text;
    let bytes = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes > this.limits.maxBytes) {
      // One line longer than the whole window: keep its end (room left for
      // the replacement character a cut multi-byte character becomes).
      line = Buffer.from(line, 'utf8')
        .subarray(-Math.max(1, this.limits.maxBytes - 4))
        .toString('utf8');
      bytes = Buffer.byteLength(line, 'utf8') + 1;
      this.truncated = true;
    }
    this.kept.push({ line, bytes });
    this.bytes += bytes;
    const maxLines = this.limits.maxLines ?? Infinity;
    while (
      this.bytes > this.limits.maxBytes ||
      this.kept.length - this.head > maxLines
    ) {
      this.bytes -= this.kept[this.head].bytes;
      this.head += 1;
      this.truncated = true;
    }
    // Drop what fell out now and then, not on every line.
    if (this.head > 1024 && this.head * 2 > this.kept.length) {
      this.kept.splice(0, this.head);
      this.head = 0;
    }
  }

  result(): LogTail {
    return {
      lines: this.kept.slice(this.head).map(k => k.line),
      truncated: this.truncated,
    };
  }
}
