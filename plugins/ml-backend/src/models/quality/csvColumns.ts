/**
 * The columns of a CSV text (RFC 4180: quoted fields, doubled quotes,
 * CRLF or LF) whose header names one of `names`, as strings per column.
 */
export function csvColumns(
  text: string,
  names: string[],
): Record<string, string[]> {
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const wanted = new Map<number, string>();
  header.forEach((name, i) => {
    const trimmed = name.trim();
    if (names.includes(trimmed) && ![...wanted.values()].includes(trimmed))
      wanted.set(i, trimmed);
  });
  const out: Record<string, string[]> = {};
  for (const name of wanted.values()) out[name] = [];
  for (const row of rows.slice(1)) {
    if (row.length === 1 && row[0] === '') continue;
    for (const [i, name] of wanted) {
      if (i < row.length) out[name].push(row[i]);
    }
  }
  return out;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
