import fs from 'node:fs/promises';
import path from 'node:path';
import { copyFileInside, readFileInside } from '../../projects/confinedFs';
import { NestedGitignore } from './nestedGitignore';

/**
 * Copies a project's files into `target`, leaving out what its .gitignore
 * files ignore (and .git). A link to a file inside the project becomes a copy
 * of that file, so the snapshot never changes with the project; links to
 * folders and links that lead outside the project are left out, so a build
 * never carries files from elsewhere on the machine (or loops). Returns the
 * number of files copied.
 *
 * The project's workloads may change its files meanwhile (under their own
 * uid, while the backend copies as root): each file is checked where it
 * really is once open, and `target` stays 0700 until the driver hands it
 * to the project.
 */
export async function copyProjectSnapshot(
  source: string,
  target: string,
): Promise<number> {
  const realSource = await fs.realpath(source);
  const { uid, gid } = await fs.stat(realSource);
  const owner = { uid, gid };
  await fs.mkdir(target, { recursive: true });
  await fs.chmod(target, 0o700);
  const matcher = new NestedGitignore();
  let copied = 0;
  const walk = async (relative: string) => {
    const from = path.join(source, relative);
    const to = path.join(target, relative);
    await fs.mkdir(to, { recursive: true });
    const entries = await fs.readdir(from, { withFileTypes: true });
    const ignoreFile = entries.find(e => e.name === '.gitignore' && e.isFile());
    const ignored = ignoreFile
      ? await readFileInside(path.join(from, '.gitignore'), realSource, owner)
      : undefined;
    if (ignored !== undefined) {
      matcher.add(ignored, relative.split(path.sep).join('/'));
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      const childFrom = path.join(from, entry.name);
      if (matcher.ignores(childRelative, entry.isDirectory())) continue;
      if (entry.isSymbolicLink()) {
        const real = await fs.realpath(childFrom).catch(() => undefined);
        if (!real || !real.startsWith(realSource + path.sep)) continue;
        const dest = path.join(to, entry.name);
        if (await copyFileInside(real, dest, realSource, owner)) copied += 1;
      } else if (entry.isDirectory()) {
        await walk(childRelative);
      } else if (entry.isFile()) {
        const dest = path.join(to, entry.name);
        if (await copyFileInside(childFrom, dest, realSource, owner)) {
          copied += 1;
        }
      }
    }
  };
  await walk('');
  return copied;
}
