/**
 * A `.gitignore` matcher for build snapshots: what `git add` would leave out
 * is left out of a build. Supports comments, `!` negation, trailing `/` for
 * folders only, `*`, `?`, `[...]`, `**` and patterns anchored by a `/`.
 * Paths are relative, with `/` separators.
 */

interface Rule {
  /** The folder of the .gitignore that holds the rule ('' for the root). */
  base: string;
  regex: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Translates a glob (without leading/trailing slashes) to a regex source. */
function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) {
            // "x/**": everything inside x.
            out += '.*';
          } else {
            // "**/x" or "a/**/b": zero or more folders.
            out += '(?:.*/)?';
            i += 1; // the slash after ** is part of the group
          }
          i += 1;
          continue;
        }
      }
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
      } else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[i + 1]);
      i += 1;
    } else {
      out += escapeRegex(ch);
    }
  }
  return out;
}

/** Parses one line of a .gitignore; undefined for blanks and comments. */
export function parseGitignoreLine(line: string, base = ''): Rule | undefined {
  // Trailing spaces are ignored unless escaped.
  let text = line.replace(/(?<!\\)\s+$/, '');
  if (!text || text.startsWith('#')) return undefined;
  let negate = false;
  if (text.startsWith('!')) {
    negate = true;
    text = text.slice(1);
  } else if (text.startsWith('\\!') || text.startsWith('\\#')) {
    text = text.slice(1);
  }
  let dirOnly = false;
  if (text.endsWith('/') && !text.endsWith('\\/')) {
    dirOnly = true;
    text = text.replace(/\/+$/, '');
  }
  if (!text) return undefined;
  // A slash at the start or in the middle anchors the pattern to its .gitignore's folder.
  const anchored = text.includes('/');
  text = text.replace(/^\/+/, '');
  const body = globToRegex(text);
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  return { base, regex, negate, dirOnly };
}

/** The rules of every .gitignore met so far; deeper files come later and win. */
export class GitignoreMatcher {
  private readonly rules: Rule[] = [];

  /** Adds the rules of a .gitignore found in folder `base` ('' = root). */
  add(content: string, base = ''): this {
    for (const line of content.split(/\r?\n/)) {
      const rule = parseGitignoreLine(line, base);
      if (rule) this.rules.push(rule);
    }
    return this;
  }

  /**
   * Whether a path is ignored by its own name. Callers walk top-down and skip
   * ignored folders, so (as in git) nothing inside an ignored folder can be
   * included again.
   */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    const name = relativePath.split('/').pop();
    if (name === '.git') return true;
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.dirOnly && !isDirectory) continue;
      let candidate = relativePath;
      if (rule.base) {
        if (!relativePath.startsWith(`${rule.base}/`)) continue;
        candidate = relativePath.slice(rule.base.length + 1);
      }
      if (rule.regex.test(candidate)) ignored = !rule.negate;
    }
    return ignored;
  }
}
