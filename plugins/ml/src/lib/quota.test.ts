import { quotaFit } from './quota';

const quota = {
  subject: 'group:default/team-x',
  limit: { cpu: 8, memoryMiB: 32768, gpu: 0 },
  used: { cpu: 6, memoryMiB: 8192, gpu: 0 },
};

describe('quotaFit', () => {
  it('fits what is left of the quota', () => {
    expect(quotaFit({ cpu: 2, memoryMiB: 4096, gpu: 0 }, quota)).toEqual({
      fits: true,
      text: 'fits',
    });
  });

  it('says what is short', () => {
    expect(quotaFit({ cpu: 4, memoryMiB: 4096, gpu: 1 }, quota)).toEqual({
      fits: false,
      text: 'would wait: needs 4 vCPU, 2 left; needs 1 GPU, 0 left',
    });
  });

  it('fits anything when no quota applies', () => {
    expect(
      quotaFit(
        { cpu: 64, memoryMiB: 1, gpu: 8 },
        { ...quota, limit: undefined },
      ).fits,
    ).toBe(true);
  });
});
