import { demoWorkspace, smallProfile } from '../../testing/fixtures';
import { profileFitsWorkspace, profilesThatFit } from './profileFit';

const profile = (name: string, cpu: number, memoryMiB: number, gpu = 0) => ({
  ...smallProfile,
  name,
  cpu,
  memoryMiB,
  gpu,
});

describe('profilesThatFit', () => {
  it('keeps profiles some node group can hold, smallest first', () => {
    // demo nodes: 4 vCPU, 16 GiB, no GPU
    const result = profilesThatFit(
      [
        profile('large', 4, 16384),
        profile('huge', 8, 4096),
        profile('small', 1, 2048),
        profile('gpu', 1, 2048, 1),
        profile('fat', 2, 32768),
      ],
      demoWorkspace,
    );
    expect(result.map(p => p.name)).toEqual(['small', 'large']);
  });

  it('a node group that may have no nodes holds nothing', () => {
    const workspace = {
      ...demoWorkspace,
      nodeGroups: [
        { ...demoWorkspace.nodeGroups[0], minNodes: 0, maxNodes: 0 },
      ],
    };
    expect(profileFitsWorkspace(profile('small', 1, 2048), workspace)).toBe(
      false,
    );
  });
});
