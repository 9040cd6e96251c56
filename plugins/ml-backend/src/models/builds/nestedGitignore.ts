import ignore, { Ignore } from 'ignore';

/**
 * What `git add` would leave out of a project, for build snapshots: the rules
 * of every `.gitignore` met while walking the project top-down, each scoped
 * to its own folder. The pattern matching is the `ignore` package's (the one
 * eslint and prettier use), which keeps to gitignore's rules and whose
 * matching stays fast on any pattern a project may hold: a line such as
 * `*a*a*a*a*b` or `[z-a]` is one more rule, not a stalled event loop or a
 * failed build. Paths are relative, with `/` separators.
 */
export class NestedGitignore {
  /** Outer folders first: deeper files come later and win. */
  private readonly files: Array<{ base: string; rules: Ignore }> = [];

  /** Adds the rules of the .gitignore found in folder `base` ('' = root). */
  add(content: string, base = ''): this {
    this.files.push({ base, rules: ignore().add(content) });
    return this;
  }

  /**
   * Whether a path is ignored by its own name. Callers walk top-down and skip
   * ignored folders, so (as in git) nothing inside an ignored folder can be
   * included again.
   */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    const name = relativePath.split('/').pop();
    // Never part of a build: git's own folder, and Python's bytecode caches
    // (the runtime writes its own; a stale one from the project misleads).
    if (name === '.git' || (isDirectory && name === '__pycache__')) {
      return true;
    }
    let ignored = false;
    for (const { base, rules } of this.files) {
      if (base && !relativePath.startsWith(`${base}/`)) continue;
      const inFolder = base
        ? relativePath.slice(base.length + 1)
        : relativePath;
      // A trailing slash tells `ignore` it is a folder (for `name/` rules).
      const result = rules.test(isDirectory ? `${inFolder}/` : inFolder);
      // The last rule that matches decides, across files as within one.
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}
