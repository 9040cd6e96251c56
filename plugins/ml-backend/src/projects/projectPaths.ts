import { InputError, NotAllowedError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';

const MAX_PATH_LENGTH = 1024;
/** What file systems allow for one name (NAME_MAX); longer ones fail as ENAMETOOLONG. */
const MAX_NAME_BYTES = 255;

/**
 * Turns a path from a request into an absolute path inside `root`, or throws.
 * Refuses NUL bytes, backslashes, absolute paths and any `..` segment outright
 * rather than normalising them away, so a request never means something other
 * than what it says.
 */
export function resolveProjectPath(
  root: string,
  requested: string,
  options: { allowRoot?: boolean } = {},
): { absolute: string; relative: string } {
  if (requested.includes('\0')) {
    throw new InputError('path: must not contain NUL bytes');
  }
  if (requested.length > MAX_PATH_LENGTH) {
    throw new InputError(`path: must be at most ${MAX_PATH_LENGTH} characters`);
  }
  if (requested.includes('\\')) {
    throw new InputError('path: use "/" as the separator, not "\\"');
  }
  if (requested.startsWith('/') || path.isAbsolute(requested)) {
    throw new InputError(
      `path: '${requested}' is absolute; give a path relative to the project root`,
    );
  }
  const segments = requested.split('/').filter(s => s !== '' && s !== '.');
  if (segments.includes('..')) {
    throw new InputError(`path: '${requested}' must not contain '..'`);
  }
  const long = segments.find(
    s => Buffer.byteLength(s, 'utf8') > MAX_NAME_BYTES,
  );
  if (long) {
    throw new InputError(
      `path: the name '${long.slice(
        0,
        40,
      )}…' is longer than ${MAX_NAME_BYTES} bytes, the most a file or folder name may have`,
    );
  }
  if (segments.length === 0 && !options.allowRoot) {
    throw new InputError('path: must name a file or folder inside the project');
  }
  const relative = segments.join('/');
  return { absolute: path.join(root, ...segments), relative };
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

/**
 * Checks that following symlinks from `absolute` stays inside the project.
 * The deepest part of the path that exists is resolved with realpath; what
 * does not exist yet cannot be a link.
 */
export async function assertNoEscape(
  root: string,
  absolute: string,
): Promise<void> {
  const realRoot = await fs.realpath(root);
  let existing = absolute;
  for (;;) {
    try {
      const real = await fs.realpath(existing);
      if (!isInside(realRoot, real)) {
        throw new NotAllowedError(
          'path: leads outside the project through a symbolic link',
        );
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw error;
      }
      // A dangling link also lands here: check where it points.
      const link = await fs.readlink(existing).catch(() => undefined);
      if (link !== undefined) {
        const target = path.resolve(path.dirname(existing), link);
        if (!isInside(realRoot, target) && !isInside(root, target)) {
          throw new NotAllowedError(
            'path: leads outside the project through a symbolic link',
          );
        }
      }
      const parent = path.dirname(existing);
      if (parent === existing || !isInside(root, parent)) {
        return;
      }
      existing = parent;
    }
  }
}
