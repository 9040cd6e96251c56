import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { v4 as uuid } from 'uuid';

/** Who a project's local workloads run as. */
export interface WorkloadIdentity {
  uid: number;
  gid: number;
}

export interface UidRange {
  first: number;
  count: number;
}

// Project ids become file names, so they must not be able to name anything else.
const PROJECT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

function isExisting(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * One uid per project (gid = uid), taken from a range and kept for good in
 * files: `projects/<project id>` holds the uid, `uids/<uid>` the project id.
 * A uid is claimed by creating its file exclusively, so two driver
 * instances (or a backend and its restarted self) never hand one uid to two
 * projects, and a claim cut short by a crash is finished by the next call.
 * Uids are never given back: a process left over from a deleted project
 * must not find a new project's files under its uid.
 */
export class ProjectIdentities {
  private readonly projectsDir: string;
  private readonly uidsDir: string;
  private readonly known = new Map<string, Promise<WorkloadIdentity>>();

  constructor(dir: string, private readonly range: UidRange) {
    this.projectsDir = path.join(dir, 'projects');
    this.uidsDir = path.join(dir, 'uids');
  }

  identityFor(projectId: string): Promise<WorkloadIdentity> {
    if (!PROJECT_ID_PATTERN.test(projectId)) {
      return Promise.reject(
        new InputError(`'${projectId}' is not a valid project id`),
      );
    }
    let identity = this.known.get(projectId);
    if (!identity) {
      identity = this.lookUpOrClaim(projectId);
      this.known.set(projectId, identity);
      // A failure (a full range) is not remembered; the next call tries again.
      identity.catch(() => this.known.delete(projectId));
    }
    return identity;
  }

  private async lookUpOrClaim(projectId: string): Promise<WorkloadIdentity> {
    const existing = await this.recorded(projectId);
    if (existing !== undefined) return { uid: existing, gid: existing };
    await fs.mkdir(this.projectsDir, { recursive: true, mode: 0o700 });
    await fs.mkdir(this.uidsDir, { recursive: true, mode: 0o700 });
    // Start where the id hashes to: fewer collisions than always from `first`.
    const start =
      createHash('sha256').update(projectId).digest().readUInt32BE(0) %
      this.range.count;
    for (let i = 0; i < this.range.count; i++) {
      const uid = this.range.first + ((start + i) % this.range.count);
      if (!(await this.claim(uid, projectId))) continue;
      const winner = await this.record(projectId, uid);
      if (winner !== uid) {
        // Another instance recorded this project first, with another uid.
        await fs.rm(path.join(this.uidsDir, String(uid)), { force: true });
      }
      return { uid: winner, gid: winner };
    }
    throw new ServiceUnavailableError(
      `No free uid left for project ${projectId} in ml.localDriver.isolation.uidRange (${this.range.count} uids from ${this.range.first})`,
    );
  }

  private async recorded(projectId: string): Promise<number | undefined> {
    try {
      const text = await fs.readFile(
        path.join(this.projectsDir, projectId),
        'utf8',
      );
      const uid = Number(text.trim());
      if (!Number.isSafeInteger(uid) || uid <= 0) {
        throw new Error(`unreadable uid '${text.trim()}'`);
      }
      return uid;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** True when the uid is now this project's (also when an earlier claim was cut short). */
  private async claim(uid: number, projectId: string): Promise<boolean> {
    const file = path.join(this.uidsDir, String(uid));
    try {
      await fs.writeFile(file, projectId, { flag: 'wx', mode: 0o600 });
      return true;
    } catch (error) {
      if (!isExisting(error)) throw error;
      const owner = await fs.readFile(file, 'utf8').catch(() => '');
      return owner.trim() === projectId;
    }
  }

  /** Records the project's uid unless one is recorded already; returns the recorded one. */
  private async record(projectId: string, uid: number): Promise<number> {
    const target = path.join(this.projectsDir, projectId);
    const temp = `${target}.${uuid()}.tmp`;
    await fs.writeFile(temp, String(uid), { mode: 0o600 });
    try {
      // link() fails if the target exists, so the first record stays.
      await fs.link(temp, target);
      return uid;
    } catch (error) {
      if (!isExisting(error)) throw error;
      return (await this.recorded(projectId)) ?? uid;
    } finally {
      await fs.rm(temp, { force: true });
    }
  }
}
