import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { tempDirForEachTest } from '../../__testUtils__/tempDirs';
import { MlflowError } from '../MlflowError';
import { LocalArtifactStore } from './LocalArtifactStore';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Everything under a folder, as sorted relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

const refused = (code: string) =>
  expect.objectContaining({ name: 'MlflowError', errorCode: code });

describe('LocalArtifactStore', () => {
  let dir: string;
  let root: string;
  let outside: string;
  let store: LocalArtifactStore;

  tempDirForEachTest('ml-artifacts-', d => (dir = d));

  beforeEach(async () => {
    root = path.join(dir, 'mlflow-artifacts');
    outside = path.join(dir, 'outside');
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, 'secret.txt'), 'top secret');
    store = new LocalArtifactStore(root);
  });

  it('writes and reads files from a buffer or a stream, making folders', async () => {
    await store.put('1/run/artifacts/notes.txt', Buffer.from('hello'));
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    await store.put('1/run/artifacts/model/weights.bin', Readable.from([big]));

    const notes = await store.get('1/run/artifacts/notes.txt');
    expect(notes.size).toBe(5);
    expect((await read(notes.stream)).toString()).toBe('hello');
    const weights = await store.get('1/run/artifacts/model/weights.bin');
    expect(weights.size).toBe(big.length);
    expect((await read(weights.stream)).equals(big)).toBe(true);

    // Normalised: empty and `.` segments and a trailing slash are dropped.
    const same = await store.get('1//run/./artifacts/notes.txt/');
    expect((await read(same.stream)).toString()).toBe('hello');
  });

  it('replaces a file whole and leaves no temporary file behind', async () => {
    await store.put('1/a.txt', Buffer.from('first'));
    await store.put('1/a.txt', Readable.from([Buffer.from('second')]));
    expect((await read((await store.get('1/a.txt')).stream)).toString()).toBe(
      'second',
    );
    expect(await fs.readdir(path.join(root, '.tmp'))).toEqual([]);
  });

  it('keeps nothing of an upload whose stream fails', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put('1/broken.bin', failing)).rejects.toThrow(
      'client went away',
    );
    await expect(store.get('1/broken.bin')).rejects.toEqual(
      refused('RESOURCE_DOES_NOT_EXIST'),
    );
    expect(await fs.readdir(path.join(root, '.tmp'))).toEqual([]);
  });

  it('lists one level, sorted, with sizes of files only', async () => {
    await store.put('1/run/artifacts/b.txt', Buffer.from('bb'));
    await store.put('1/run/artifacts/a/deep.txt', Buffer.from('d'));
    await store.put('1/run/artifacts/C.txt', Buffer.from('c'));

    expect(await store.list('1/run/artifacts')).toEqual([
      { path: '1/run/artifacts/C.txt', is_dir: false, file_size: 1 },
      { path: '1/run/artifacts/a', is_dir: true },
      { path: '1/run/artifacts/b.txt', is_dir: false, file_size: 2 },
    ]);
    expect(await store.list('1/run/artifacts/a/')).toEqual([
      { path: '1/run/artifacts/a/deep.txt', is_dir: false, file_size: 1 },
    ]);
    // The store's own folders stay out of the root's listing.
    expect(await store.list('')).toEqual([{ path: '1', is_dir: true }]);
  });

  it('lists a missing folder, or a file, as empty (as MLflow does)', async () => {
    await store.put('1/file.txt', Buffer.from('x'));
    expect(await store.list('1/nothing/here')).toEqual([]);
    expect(await store.list('1/file.txt')).toEqual([]);
    expect(await store.list('1/file.txt/below')).toEqual([]);
  });

  it('answers a missing file with RESOURCE_DOES_NOT_EXIST and a folder with 400', async () => {
    await store.put('1/run/a.txt', Buffer.from('x'));
    await expect(store.get('1/run/missing.txt')).rejects.toEqual(
      refused('RESOURCE_DOES_NOT_EXIST'),
    );
    await expect(store.get('2/no/such/folder.txt')).rejects.toEqual(
      refused('RESOURCE_DOES_NOT_EXIST'),
    );
    await expect(store.get('1/run/a.txt/below')).rejects.toEqual(
      refused('RESOURCE_DOES_NOT_EXIST'),
    );
    await expect(store.get('1/run')).rejects.toEqual(
      refused('INVALID_PARAMETER_VALUE'),
    );
  });

  it('deletes files and whole folders; a missing path is no error', async () => {
    await store.put('1/run/artifacts/a.txt', Buffer.from('a'));
    await store.put('1/run/artifacts/sub/b.txt', Buffer.from('b'));
    await store.delete('1/run/artifacts/a.txt');
    expect(await store.list('1/run/artifacts')).toEqual([
      { path: '1/run/artifacts/sub', is_dir: true },
    ]);
    await store.delete('1/run');
    expect(await store.list('1')).toEqual([]);
    await expect(store.delete('1/run/never')).resolves.toBeUndefined();
    await expect(store.delete('')).rejects.toEqual(
      refused('INVALID_PARAMETER_VALUE'),
    );
  });

  it.each([
    ['a parent folder', '1/../../outside/x.txt'],
    ['a lone ..', '..'],
    ['an absolute path', '/etc/passwd'],
    ['a NUL byte', '1/a\0b.txt'],
    ['a backslash', '1\\..\\x.txt'],
    ['the upload folder', '.uploads/x'],
    ['the temporary folder', '.tmp/x'],
  ])(
    'refuses %s with INVALID_PARAMETER_VALUE, writing nothing',
    async (_, p) => {
      const error = await store.put(p, Buffer.from('x')).catch(e => e);
      expect(error).toBeInstanceOf(MlflowError);
      expect(error.errorCode).toBe('INVALID_PARAMETER_VALUE');
      expect(error.status).toBe(400);
      await expect(store.get(p)).rejects.toEqual(
        refused('INVALID_PARAMETER_VALUE'),
      );
      await expect(store.list(p)).rejects.toEqual(
        refused('INVALID_PARAMETER_VALUE'),
      );
      await expect(store.delete(p)).rejects.toEqual(
        refused('INVALID_PARAMETER_VALUE'),
      );
      await expect(store.createMultipartUpload(p)).rejects.toEqual(
        refused('INVALID_PARAMETER_VALUE'),
      );
      expect(await filesUnder(outside)).toEqual(['secret.txt']);
      expect(await store.list('')).toEqual([]);
    },
  );

  it('refuses every way out of the root through a symbolic link', async () => {
    await store.put('1/run/keep.txt', Buffer.from('keep'));
    await fs.symlink(outside, path.join(root, '1/run/out'));
    await fs.symlink(
      path.join(outside, 'secret.txt'),
      path.join(root, '1/run/secret.txt'),
    );
    const invalid = refused('INVALID_PARAMETER_VALUE');

    await expect(
      store.put('1/run/out/x.txt', Buffer.from('x')),
    ).rejects.toEqual(invalid);
    await expect(
      store.put('1/run/out/new/deeper/x.txt', Buffer.from('x')),
    ).rejects.toEqual(invalid);
    await expect(store.get('1/run/out/secret.txt')).rejects.toEqual(invalid);
    await expect(store.get('1/run/secret.txt')).rejects.toEqual(invalid);
    await expect(store.list('1/run/out')).rejects.toEqual(invalid);
    await expect(store.delete('1/run/out/secret.txt')).rejects.toEqual(invalid);
    await expect(
      store.createMultipartUpload('1/run/out/x.bin'),
    ).rejects.toEqual(invalid);
    expect(await filesUnder(outside)).toEqual(['secret.txt']);

    // Links out are left out of listings; deleting one removes the link only.
    expect(await store.list('1/run')).toEqual([
      { path: '1/run/keep.txt', is_dir: false, file_size: 4 },
    ]);
    await store.delete('1/run/out');
    await store.delete('1/run/secret.txt');
    expect(await filesUnder(outside)).toEqual(['secret.txt']);
  });

  it('follows a symbolic link that stays inside the root', async () => {
    await store.put(
      '1/run/artifacts/model/MLmodel',
      Buffer.from('flavors: {}'),
    );
    await fs.symlink(
      path.join(root, '1/run/artifacts/model'),
      path.join(root, '1/run/artifacts/latest'),
    );
    const model = await store.get('1/run/artifacts/latest/MLmodel');
    expect((await read(model.stream)).toString()).toBe('flavors: {}');
    expect(await store.list('1/run/artifacts')).toEqual([
      { path: '1/run/artifacts/latest', is_dir: true },
      { path: '1/run/artifacts/model', is_dir: true },
    ]);
  });

  describe('multipart uploads', () => {
    const target = '1/run/artifacts/big.bin';
    const parts = [
      Buffer.alloc(1000, 1),
      Buffer.alloc(1000, 2),
      Buffer.from('end'),
    ];
    const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

    it('joins the parts in part order, whatever order they came in', async () => {
      const uploadId = await store.createMultipartUpload(target);
      expect(await filesUnder(path.join(root, '.uploads'))).toEqual([
        uploadId,
        `${uploadId}/target`,
      ]);
      const etags: string[] = [];
      for (const n of [3, 1, 2]) {
        etags[n] = await store.uploadPart(
          target,
          uploadId,
          n,
          Readable.from([parts[n - 1]]),
        );
        expect(etags[n]).toBe(md5(parts[n - 1]));
      }
      await store.completeMultipartUpload(target, uploadId, [
        { partNumber: 2, etag: `"${etags[2]}"` },
        { partNumber: 1, etag: etags[1] },
        { partNumber: 3 },
      ]);
      const joined = await read((await store.get(target)).stream);
      expect(joined.equals(Buffer.concat(parts))).toBe(true);
      // The upload is gone once complete.
      expect(await fs.readdir(path.join(root, '.uploads'))).toEqual([]);
      await expect(
        store.uploadPart(target, uploadId, 1, Buffer.from('late')),
      ).rejects.toEqual(refused('RESOURCE_DOES_NOT_EXIST'));
    });

    it('refuses a missing part, a wrong etag, a part named twice or none', async () => {
      const uploadId = await store.createMultipartUpload(target);
      await store.uploadPart(target, uploadId, 1, parts[0]);
      const invalid = refused('INVALID_PARAMETER_VALUE');
      const complete = (list: { partNumber: number; etag?: string }[]) =>
        store.completeMultipartUpload(target, uploadId, list);

      await expect(
        complete([{ partNumber: 1 }, { partNumber: 2 }]),
      ).rejects.toEqual(invalid);
      await expect(
        complete([{ partNumber: 1, etag: '"abc"' }]),
      ).rejects.toEqual(invalid);
      await expect(
        complete([{ partNumber: 1 }, { partNumber: 1 }]),
      ).rejects.toEqual(invalid);
      await expect(complete([])).rejects.toEqual(invalid);
      await expect(
        store.uploadPart(target, uploadId, 0, Buffer.from('x')),
      ).rejects.toEqual(invalid);
      await expect(
        store.uploadPart(target, uploadId, 10_001, Buffer.from('x')),
      ).rejects.toEqual(invalid);
      // Nothing was written, and the upload can still be completed.
      await expect(store.get(target)).rejects.toEqual(
        refused('RESOURCE_DOES_NOT_EXIST'),
      );
      expect(await fs.readdir(path.join(root, '.tmp'))).toEqual([]);
      await complete([{ partNumber: 1 }]);
      expect((await store.get(target)).size).toBe(1000);
    });

    it('answers an unknown upload id, or one of another path, with RESOURCE_DOES_NOT_EXIST', async () => {
      const uploadId = await store.createMultipartUpload(target);
      const missing = refused('RESOURCE_DOES_NOT_EXIST');
      for (const id of [
        '7d8f7c6e-4c1b-4c1e-9a9e-0f6b1c2d3e4f',
        '../../outside',
        '',
      ]) {
        await expect(
          store.uploadPart(target, id, 1, Buffer.from('x')),
        ).rejects.toEqual(missing);
        await expect(
          store.completeMultipartUpload(target, id, [{ partNumber: 1 }]),
        ).rejects.toEqual(missing);
        await expect(store.abortMultipartUpload(target, id)).rejects.toEqual(
          missing,
        );
      }
      await expect(
        store.uploadPart('1/run/artifacts/other.bin', uploadId, 1, parts[0]),
      ).rejects.toEqual(missing);
      expect(await filesUnder(outside)).toEqual(['secret.txt']);
    });

    it('drops the parts of an aborted upload', async () => {
      const uploadId = await store.createMultipartUpload(target);
      await store.uploadPart(target, uploadId, 1, parts[0]);
      await store.abortMultipartUpload(target, uploadId);
      expect(await fs.readdir(path.join(root, '.uploads'))).toEqual([]);
      await expect(
        store.completeMultipartUpload(target, uploadId, [{ partNumber: 1 }]),
      ).rejects.toEqual(refused('RESOURCE_DOES_NOT_EXIST'));
      await expect(store.get(target)).rejects.toEqual(
        refused('RESOURCE_DOES_NOT_EXIST'),
      );
    });
  });
});
