/**
 * Reads a replica's `POST /predict` answer (model_server.py) without
 * re-serializing the model's response: the gateway splices the response's
 * JSON text into its own answer as the replica sent it.
 */

/** What a replica answered, with the model's response kept as JSON text. */
export interface ReplicaAnswer {
  success: boolean;
  /** The model's response as JSON text (when `success`). */
  responseJson?: string;
  error?: { name: string; message: string };
  modelMs?: number;
  metrics?: Record<string, unknown>;
}

/**
 * model_server.py answers `json.dumps({"success": True, "response": ...,
 * "modelMs": ..., "metrics": {...}})`: keys in that order, Python's default
 * separators, ASCII only. Inside a JSON string every `"` is escaped, so the
 * last `, "modelMs": ` not in a string is the top-level key (or one in
 * `metrics`, which leaves a tail that does not parse as one object); then
 * what lies between the head and that key is the response's JSON text.
 */
const HEAD = '{"success": true, "response": ';
const TAIL_KEY = ', "modelMs": ';

function spliced(text: string): ReplicaAnswer | undefined {
  if (!text.startsWith(HEAD)) return undefined;
  const at = text.lastIndexOf(TAIL_KEY);
  if (at <= HEAD.length) return undefined;
  let tail: { modelMs?: unknown; metrics?: unknown };
  try {
    // `{"modelMs": 0.01, "metrics": {...}}`: small, whatever the response's size.
    tail = JSON.parse(`{${text.slice(at + 2)}`);
  } catch {
    return undefined;
  }
  const keys = Object.keys(tail);
  if (
    keys.length !== 2 ||
    typeof tail.modelMs !== 'number' ||
    !tail.metrics ||
    typeof tail.metrics !== 'object'
  ) {
    return undefined;
  }
  return {
    success: true,
    responseJson: text.slice(HEAD.length, at),
    modelMs: tail.modelMs,
    metrics: tail.metrics as Record<string, unknown>,
  };
}

/** Throws when the text is not a replica answer. */
export function parseReplicaAnswer(text: string): ReplicaAnswer {
  const fast = spliced(text);
  if (fast) return fast;
  const answer = JSON.parse(text);
  if (typeof answer?.success !== 'boolean') {
    throw new Error('no "success" field');
  }
  return {
    success: answer.success,
    responseJson: answer.success
      ? JSON.stringify(answer.response ?? null)
      : undefined,
    error: answer.error,
    modelMs: typeof answer.modelMs === 'number' ? answer.modelMs : undefined,
    metrics: answer.metrics,
  };
}
