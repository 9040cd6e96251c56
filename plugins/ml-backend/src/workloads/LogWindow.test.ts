import { LogWindow } from './LogWindow';

const fill = (window: LogWindow, lines: string[]) => {
  lines.forEach(line => window.push(line));
  return window.result();
};

describe('LogWindow', () => {
  it('keeps everything that fits, untruncated', () => {
    expect(fill(new LogWindow({ maxBytes: 100 }), ['a', 'b'])).toEqual({
      lines: ['a', 'b'],
      truncated: false,
    });
  });

  it('keeps the last lines within the byte limit, counting UTF-8 and newlines', () => {
    // 'ä' is 2 bytes: each line costs 4 with its digit and newline.
    const result = fill(new LogWindow({ maxBytes: 11 }), ['ä1', 'ä2', 'ä3']);
    expect(result).toEqual({ lines: ['ä2', 'ä3'], truncated: true });
  });

  it('keeps the last maxLines lines', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const result = fill(new LogWindow({ maxBytes: 1e6, maxLines: 3 }), lines);
    expect(result).toEqual({
      lines: ['line 4997', 'line 4998', 'line 4999'],
      truncated: true,
    });
  });

  it('keeps the end of a line longer than the whole window', () => {
    const result = fill(new LogWindow({ maxBytes: 10 }), [
      'x',
      'abcdefghijklmnop',
    ]);
    expect(result.truncated).toBe(true);
    expect(result.lines).toEqual(['x', 'klmnop']);
  });

  it('is truncated when the driver left out the start', () => {
    const window = new LogWindow({ maxBytes: 100 });
    window.markTruncated();
    expect(fill(window, ['end'])).toEqual({ lines: ['end'], truncated: true });
  });
});
