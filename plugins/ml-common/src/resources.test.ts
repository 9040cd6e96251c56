import {
  addResources,
  fitsWithin,
  formatCpu,
  formatMemory,
  parseCpuMillis,
  parseMemoryMiB,
} from './resources';

describe('resources', () => {
  it.each([
    ['500m', 500],
    ['2', 2000],
    ['0.25', 250],
    [1.5, 1500],
    [' 4 ', 4000],
  ])('parses cpu %p as %p millicores', (input, expected) => {
    expect(parseCpuMillis(input)).toBe(expected);
  });

  it.each(['', 'abc', '1.5x', '-1', 'm'])('rejects cpu %p', input => {
    expect(parseCpuMillis(input)).toBeUndefined();
  });

  it('rejects negative and infinite numbers', () => {
    expect(parseCpuMillis(-1)).toBeUndefined();
    expect(parseMemoryMiB(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it.each([
    ['512Mi', 512],
    ['2Gi', 2048],
    ['1Ti', 1024 * 1024],
    ['1024Ki', 1],
    ['1G', 954],
    [300, 300],
    ['300', 300],
  ])('parses memory %p as %p MiB', (input, expected) => {
    expect(parseMemoryMiB(input)).toBe(expected);
  });

  it('formats for people', () => {
    expect(formatCpu(500)).toBe('0.5 vCPU');
    expect(formatCpu(2000)).toBe('2 vCPU');
    expect(formatCpu(1500)).toBe('1.5 vCPU');
    expect(formatMemory(512)).toBe('512 MiB');
    expect(formatMemory(8192)).toBe('8 GiB');
    expect(formatMemory(1536)).toBe('1.5 GiB');
  });

  it('adds and compares amounts on every dimension', () => {
    const a = { cpuMillis: 500, memoryMiB: 1024, gpu: 0 };
    const b = { cpuMillis: 1500, memoryMiB: 1024, gpu: 1 };
    expect(addResources(a, b)).toEqual({
      cpuMillis: 2000,
      memoryMiB: 2048,
      gpu: 1,
    });
    expect(fitsWithin(a, b)).toBe(true);
    expect(fitsWithin(b, a)).toBe(false);
    expect(fitsWithin({ ...a, gpu: 1 }, { ...b, gpu: 0 })).toBe(false);
  });
});
