import { ReplicaPool } from './ReplicaPool';

const replica = (n: number) => ({
  workloadId: `w${n}`,
  index: n,
  url: `http://127.0.0.1:${9000 + n}`,
});

describe('ReplicaPool', () => {
  it('gives each replica to one request at a time and hands it to the next waiter on release', async () => {
    const pool = new ReplicaPool({ queueTimeoutMs: 60_000, failureRestMs: 10 });
    pool.setReplicas([replica(0)]);
    const first = await pool.acquire()!;
    let second: any;
    const waiting = pool.acquire()!.then(l => (second = l));
    await Promise.resolve();
    expect(second).toBeUndefined();
    expect(pool.waiting).toBe(1);
    first.release();
    await waiting;
    expect(second.replica.workloadId).toBe('w0');
    second.release();
    pool.close();
  });

  it('spreads requests over free replicas', async () => {
    const pool = new ReplicaPool({ queueTimeoutMs: 60_000, failureRestMs: 10 });
    pool.setReplicas([replica(0), replica(1)]);
    const a = await pool.acquire()!;
    const b = await pool.acquire()!;
    expect(new Set([a.replica.index, b.replica.index])).toEqual(
      new Set([0, 1]),
    );
  });

  it('refuses a waiting request with model.busy after the queue timeout', async () => {
    const pool = new ReplicaPool({ queueTimeoutMs: 20, failureRestMs: 10 });
    pool.setReplicas([replica(0)]);
    await pool.acquire();
    await expect(pool.acquire()).rejects.toMatchObject({
      name: 'model.busy',
      statusCode: 429,
    });
    expect(pool.waiting).toBe(0);
  });

  it('answers undefined when there is no replica, or none but the excluded one', async () => {
    const pool = new ReplicaPool({ queueTimeoutMs: 60_000, failureRestMs: 10 });
    expect(pool.acquire()).toBeUndefined();
    pool.setReplicas([replica(0)]);
    expect(pool.acquire('w0')).toBeUndefined();
  });

  it('lets replicas that left finish, never reuses them, and gives waiters the new ones', async () => {
    const pool = new ReplicaPool({ queueTimeoutMs: 60_000, failureRestMs: 10 });
    pool.setReplicas([replica(0)]);
    const old = await pool.acquire()!;
    const waiting = pool.acquire()!;
    pool.setReplicas([replica(1)]);
    const next = await waiting;
    expect(next.replica.workloadId).toBe('w1');
    old.release();
    next.release();
    const again = await pool.acquire()!;
    expect(again.replica.workloadId).toBe('w1');
    expect(pool.size).toBe(1);
  });

  it('rests a replica that could not be reached, and a retry skips it', async () => {
    const pool = new ReplicaPool({ queueTimeoutMs: 60_000, failureRestMs: 50 });
    pool.setReplicas([replica(0), replica(1)]);
    const a = await pool.acquire()!;
    a.release('failed');
    const b = await pool.acquire(a.replica.workloadId)!;
    expect(b.replica.workloadId).not.toBe(a.replica.workloadId);
    b.release();
    // The rested replica comes back.
    const both = [await pool.acquire()!, await pool.acquire()!];
    expect(both.map(l => l.replica.workloadId).sort()).toEqual(['w0', 'w1']);
  });

  it('fails waiters with 503 when every replica is gone', async () => {
    const pool = new ReplicaPool({ queueTimeoutMs: 60_000, failureRestMs: 10 });
    pool.setReplicas([replica(0)]);
    await pool.acquire();
    const waiting = pool.acquire()!;
    pool.setReplicas([]);
    await expect(waiting).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
  });
});
