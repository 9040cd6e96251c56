import fs from 'node:fs/promises';
import path from 'node:path';
import { NestedGitignore } from './nestedGitignore';

/**
 * Copies a project's files into `target`, leaving out what its .gitignore
 * files ignore (and .git). A link to a file inside the project becomes a copy
 * of that file, so the snapshot never changes with the project; links to
 * folders and links that lead outside the project are left out, so a build
 * never carries files from elsewhere on the machine (or loops). Returns the
 * number of files copied.
 */
export async function copyProjectSnapshot(
  source: string,
  target: string,
): Promise<number> {
  const realSource = await fs.realpath(source);
  const matcher = new NestedGitignore();
  let copied = 0;
  const walk = async (relative: string) => {
    const from = path.join(source, relative);
    const to = path.join(target, relative);
    await fs.mkdir(to, { recursive: true });
    const entries = await fs.readdir(from, { withFileTypes: true });
    const ignoreFile = entries.find(e => e.name === '.gitignore' && e.isFile());
    if (ignoreFile) {
      matcher.add(
        await fs.readFile(path.join(from, '.gitignore'), 'utf8'),
        relative.split(path.sep).join('/'),
      );
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      const childFrom = path.join(from, entry.name);
      if (matcher.ignores(childRelative, entry.isDirectory())) continue;
      if (entry.isSymbolicLink()) {
        const real = await fs.realpath(childFrom).catch(() => undefined);
        if (!real || !real.startsWith(realSource + path.sep)) continue;
        if (!(await fs.stat(real)).isFile()) continue;
        await fs.copyFile(real, path.join(to, entry.name));
        copied += 1;
      } else if (entry.isDirectory()) {
        await walk(childRelative);
      } else if (entry.isFile()) {
        await fs.copyFile(childFrom, path.join(to, entry.name));
        copied += 1;
      }
    }
  };
  await walk('');
  return copied;
}
