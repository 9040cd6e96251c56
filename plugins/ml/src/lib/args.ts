/**
 * Job arguments are a list, but people type them as a command line; these
 * convert with shell-like quoting (no expansion of any kind).
 */

export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) {
        quote = undefined;
      } else if (c === '\\' && quote === '"' && i + 1 < text.length) {
        current += text[++i];
      } else {
        current += c;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
      inArg = true;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inArg = true;
    } else if (/\s/.test(c)) {
      if (inArg) {
        args.push(current);
        current = '';
        inArg = false;
      }
    } else {
      current += c;
      inArg = true;
    }
  }
  if (inArg) {
    args.push(current);
  }
  return args;
}

export function joinArgs(args: string[]): string {
  return args
    .map(arg =>
      arg === '' || /[\s"'\\]/.test(arg)
        ? `'${arg.replace(/'/g, `'"'"'`)}'`
        : arg,
    )
    .join(' ');
}
