import { Knex } from 'knex';
import { SessionCell } from '@ml-platform/plugin-ml-common';

interface CellRow {
  id: number | string;
  session_id: string;
  code: string;
  output: string;
  error: string | null;
  failure: string | null;
  truncated: boolean | number;
  started_at: string;
  ended_at: string | null;
}

function toCell(row: CellRow): SessionCell {
  return {
    id: Number(row.id),
    code: row.code,
    output: JSON.parse(row.output),
    ...(row.error ? { error: JSON.parse(row.error) } : {}),
    ...(row.failure ? { failure: row.failure } : {}),
    truncated: Boolean(row.truncated),
    startedAt: row.started_at,
    ...(row.ended_at ? { endedAt: row.ended_at } : {}),
  };
}

/** The cells run in each session's console, oldest first. */
export class SessionTranscriptStore {
  constructor(private readonly db: Knex) {}

  /** Records a cell as it starts; its id, for `finish`. */
  async start(sessionId: string, code: string, at: string): Promise<number> {
    const [row] = await this.db('session_cells')
      .insert({ session_id: sessionId, code, started_at: at })
      .returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  }

  async finish(
    id: number,
    cell: Pick<SessionCell, 'output' | 'error' | 'failure' | 'truncated'> & {
      endedAt: string;
    },
  ): Promise<void> {
    await this.db('session_cells')
      .where({ id })
      .update({
        output: JSON.stringify(cell.output),
        error: cell.error ? JSON.stringify(cell.error) : null,
        failure: cell.failure ?? null,
        truncated: cell.truncated,
        ended_at: cell.endedAt,
      });
  }

  /** The session's last `limit` cells, oldest first. */
  async list(sessionId: string, limit: number): Promise<SessionCell[]> {
    const rows: CellRow[] = await this.db('session_cells')
      .where({ session_id: sessionId })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.reverse().map(toCell);
  }
}
