import { mockServices } from '@backstage/backend-test-utils';
import { PredictionRow } from './PredictionStore';
import { PredictionRecorder } from './PredictionRecorder';

const row = (n: number): PredictionRow => ({
  uuid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  projectId: 'p',
  modelId: 'm',
  deploymentId: 'd',
  replica: 0,
  atMs: 1_000 + n,
  latencyMs: 1,
  status: 200,
  success: true,
  metrics: {},
});

function fakeStore(options: { failFirst?: number } = {}) {
  const batches: PredictionRow[][] = [];
  let failures = options.failFirst ?? 0;
  let release: (() => void) | undefined;
  return {
    batches,
    /** Holds writes until `open()` is called. */
    gate: () => {
      const gate = new Promise<void>(resolve => (release = resolve));
      return { gate, open: () => release?.() };
    },
    held: undefined as Promise<void> | undefined,
    async insertBatch(batch: PredictionRow[]) {
      if (this.held) await this.held;
      if (failures > 0) {
        failures -= 1;
        throw new Error('database is down');
      }
      batches.push(batch);
    },
  };
}

/** A store whose writes wait until `open()` is called. */
function heldStore() {
  const store = fakeStore();
  const { gate, open } = store.gate();
  store.held = gate;
  return { store, open };
}

describe('PredictionRecorder', () => {
  const logger = mockServices.logger.mock();
  /** A recorder on `store`: batches of 500, flushed every minute, unless `options` say otherwise. */
  const recorderOf = (
    store: ReturnType<typeof fakeStore>,
    options: Partial<ConstructorParameters<typeof PredictionRecorder>[1]> = {},
  ) =>
    new PredictionRecorder(
      { store: store as any, logger },
      {
        batchSize: 500,
        flushIntervalMs: 60_000,
        maxBuffered: 1000,
        ...options,
      },
    );

  it('writes a batch as soon as it is full, one writer at a time', async () => {
    const { store, open } = heldStore();
    const recorder = recorderOf(store, { batchSize: 3, maxBuffered: 100 });
    for (let i = 0; i < 7; i++) recorder.record(row(i));
    // The first batch is being written; the rest wait for it.
    expect(recorder.pending(row(0).uuid)).toBeDefined();
    open();
    store.held = undefined;
    await recorder.flush();
    expect(store.batches.map(b => b.length)).toEqual([3, 4]);
    expect(store.batches.flat().map(r => r.atMs)).toEqual([
      1000, 1001, 1002, 1003, 1004, 1005, 1006,
    ]);
    await recorder.stop();
  });

  it('writes a partial batch after the interval', async () => {
    const store = fakeStore();
    const recorder = recorderOf(store, { flushIntervalMs: 10 });
    recorder.record(row(1));
    recorder.record(row(2));
    const deadline = Date.now() + 10_000;
    while (store.batches.length === 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 5));
    }
    expect(store.batches).toEqual([[row(1), row(2)]]);
    await recorder.stop();
  });

  it('writes what is left on stop', async () => {
    const store = fakeStore();
    const recorder = recorderOf(store);
    recorder.record(row(1));
    await recorder.stop();
    expect(store.batches).toEqual([[row(1)]]);
  });

  it('keeps a batch whose write failed and writes it later', async () => {
    const store = fakeStore({ failFirst: 1 });
    const recorder = recorderOf(store, {
      batchSize: 2,
      flushIntervalMs: 5,
      maxBuffered: 1000,
    });
    recorder.record(row(1));
    recorder.record(row(2));
    await recorder.flush();
    expect(store.batches.flat().map(r => r.atMs)).toEqual([1001, 1002]);
    await recorder.stop();
  });

  it('drops the oldest records beyond its bound instead of growing', async () => {
    const { store, open } = heldStore();
    const recorder = recorderOf(store, { batchSize: 1, maxBuffered: 2 });
    for (let i = 0; i < 5; i++) recorder.record(row(i));
    open();
    store.held = undefined;
    await recorder.stop();
    // 0 was being written; of 1..4 the two newest were kept.
    expect(store.batches.flat().map(r => r.atMs)).toEqual([1000, 1003, 1004]);
  });
});
