import { CellRecorder } from './sessionCell';

describe('CellRecorder', () => {
  it('joins consecutive output of a stream and keeps the error of the end', () => {
    const cell = new CellRecorder(1000);
    for (const line of [
      '{"stream":"stdout","text":"a\\n"}',
      '{"stream":"stdout","text":"b\\n"}',
      '{"stream":"stderr","text":"warn\\n"}',
      'not json',
      '{"done":true,"error":{"name":"ValueError","message":"bad","traceback":"tb"}}',
    ]) {
      cell.push(line);
    }
    expect(cell.output).toEqual([
      { stream: 'stdout', text: 'a\nb\n' },
      { stream: 'stderr', text: 'warn\n' },
    ]);
    expect(cell.done).toBe(true);
    expect(cell.error).toEqual({
      name: 'ValueError',
      message: 'bad',
      traceback: 'tb',
    });
    expect(cell.truncated).toBe(false);
  });

  it('keeps at most the limit of output and says that it cut', () => {
    const cell = new CellRecorder(5);
    cell.push('{"stream":"stdout","text":"1234"}');
    cell.push('{"stream":"stderr","text":"5678"}');
    cell.push('{"stream":"stdout","text":"9"}');
    expect(cell.output).toEqual([
      { stream: 'stdout', text: '1234' },
      { stream: 'stderr', text: '5' },
    ]);
    expect(cell.truncated).toBe(true);
  });
});
