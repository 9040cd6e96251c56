import { InputError, ServiceUnavailableError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { tempDirForEachTest } from '../../../../__testUtils__/tempDirs';
import { ProjectIdentities } from './ProjectIdentities';

const RANGE = { first: 300_000, count: 1000 };
const projectIds = Array.from(
  { length: 20 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
);

describe('ProjectIdentities', () => {
  let dir: string;

  tempDirForEachTest('ml-identities-', created => (dir = created));

  it('gives each project its own uid from the range, with gid = uid, and keeps it', async () => {
    const identities = new ProjectIdentities(dir, RANGE);
    const given = await Promise.all(
      projectIds.map(id => identities.identityFor(id)),
    );
    const uids = given.map(g => g.uid);
    expect(new Set(uids).size).toBe(projectIds.length);
    for (const { uid, gid } of given) {
      expect(gid).toBe(uid);
      expect(uid).toBeGreaterThanOrEqual(RANGE.first);
      expect(uid).toBeLessThan(RANGE.first + RANGE.count);
    }
    // A restarted backend: a new instance reads the same files.
    const restarted = new ProjectIdentities(dir, RANGE);
    for (const [i, id] of projectIds.entries()) {
      expect((await restarted.identityFor(id)).uid).toBe(uids[i]);
    }
    // Only the backend may read who is who.
    expect((await fs.stat(path.join(dir, 'projects'))).mode & 0o777).toBe(
      0o700,
    );
  });

  it('never hands one uid to two projects when instances race', async () => {
    // One uid for two projects: whichever claims it first keeps it.
    const tiny = { first: 300_000, count: 2 };
    const instances = [0, 1, 2, 3].map(() => new ProjectIdentities(dir, tiny));
    const given = await Promise.all(
      instances.flatMap(instance =>
        projectIds.slice(0, 2).map(id => instance.identityFor(id)),
      ),
    );
    const byProject = new Map<number, Set<number>>();
    given.forEach((g, i) => {
      const project = i % 2;
      byProject.set(project, (byProject.get(project) ?? new Set()).add(g.uid));
    });
    // Every instance agrees on each project's uid, and the two differ.
    expect(byProject.get(0)!.size).toBe(1);
    expect(byProject.get(1)!.size).toBe(1);
    expect([...byProject.get(0)!][0]).not.toBe([...byProject.get(1)!][0]);
  });

  it('finishes a claim that a crash cut short', async () => {
    const identities = new ProjectIdentities(dir, { first: 300_000, count: 1 });
    // The uid was claimed, the project's record never written.
    await fs.mkdir(path.join(dir, 'uids'), { recursive: true });
    await fs.writeFile(path.join(dir, 'uids', '300000'), projectIds[0]);
    expect(await identities.identityFor(projectIds[0])).toEqual({
      uid: 300_000,
      gid: 300_000,
    });
  });

  it('says so when the range is used up, and refuses ids that are no file names', async () => {
    const identities = new ProjectIdentities(dir, { first: 300_000, count: 1 });
    await identities.identityFor(projectIds[0]);
    await expect(identities.identityFor(projectIds[1])).rejects.toThrow(
      ServiceUnavailableError,
    );
    await expect(identities.identityFor(projectIds[1])).rejects.toThrow(
      /ml\.localDriver\.isolation\.uidRange/,
    );
    await expect(identities.identityFor('../etc')).rejects.toThrow(InputError);
  });
});
