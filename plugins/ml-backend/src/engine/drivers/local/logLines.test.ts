import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readLogLines } from './logLines';

describe('readLogLines', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-log-lines-'));
    file = path.join(dir, 'log');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const read = async (tailBytes?: number) => {
    let skipped = false;
    const lines: string[] = [];
    const tail =
      tailBytes === undefined
        ? undefined
        : { bytes: tailBytes, skipped: () => (skipped = true) };
    for await (const line of readLogLines(file, {
      follow: false,
      hasEnded: async () => true,
      tail,
    })) {
      lines.push(line);
    }
    return { lines, skipped };
  };

  it('reads every line from the start without a tail', async () => {
    await fs.writeFile(file, 'one\r\ntwo\nthree');
    expect(await read()).toEqual({
      lines: ['one', 'two', 'three'],
      skipped: false,
    });
  });

  it('starts at the first whole line within the last bytes, and says so', async () => {
    await fs.writeFile(file, 'alpha\nbravo\ncharlie\n');
    // The last 10 bytes are "o\ncharlie\n": "o" is the end of a cut line.
    expect(await read(10)).toEqual({ lines: ['charlie'], skipped: true });
    // The last 14 bytes start exactly at "bravo": nothing is cut.
    expect(await read(14)).toEqual({
      lines: ['bravo', 'charlie'],
      skipped: true,
    });
    expect(await read(1000)).toEqual({
      lines: ['alpha', 'bravo', 'charlie'],
      skipped: false,
    });
  });

  it('reads only the end of a large file', async () => {
    const line = 'x'.repeat(99);
    await fs.writeFile(file, `${line}\n`.repeat(100_000)); // 10 MB
    const { lines, skipped } = await read(64 * 1024);
    expect(skipped).toBe(true);
    expect(lines.length).toBe(655);
    expect(lines.every(l => l === line)).toBe(true);
  });
});
