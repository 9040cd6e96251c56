import { parseReplicaAnswer } from './replicaAnswer';

/** What model_server.py sends: Python's json.dumps layout. */
const python = (response: string, metrics = '{}', modelMs = '0.012') =>
  `{"success": true, "response": ${response}, "modelMs": ${modelMs}, "metrics": ${metrics}}`;

describe('parseReplicaAnswer', () => {
  it("keeps the model's response as the JSON text the replica sent", () => {
    const response =
      '{"sum": 3, "list": [1, 2.5, "x"], "nested": {"modelMs": 1, "a": null}}';
    const answer = parseReplicaAnswer(python(response, '{"input_a": 1}'));
    expect(answer).toEqual({
      success: true,
      responseJson: response,
      modelMs: 0.012,
      metrics: { input_a: 1 },
    });
    expect(JSON.parse(answer.responseJson!)).toEqual(JSON.parse(response));
  });

  it('is not fooled by the key inside strings or a metric named modelMs', () => {
    const tricky = '"text with , \\"modelMs\\": 5 inside\\\\"';
    expect(JSON.parse(parseReplicaAnswer(python(tricky)).responseJson!)).toBe(
      'text with , "modelMs": 5 inside\\',
    );
    const withMetric = parseReplicaAnswer(
      python('[1]', '{"x": "a\\\\", "modelMs": 5}'),
    );
    expect(withMetric).toEqual({
      success: true,
      responseJson: '[1]',
      modelMs: 0.012,
      metrics: { x: 'a\\', modelMs: 5 },
    });
  });

  it('parses other layouts and failures in full', () => {
    expect(
      parseReplicaAnswer(
        '{"success":true,"response":{"a":1},"modelMs":2,"metrics":{}}',
      ),
    ).toEqual({
      success: true,
      responseJson: '{"a":1}',
      modelMs: 2,
      metrics: {},
      error: undefined,
    });
    expect(
      parseReplicaAnswer(
        '{"success": false, "error": {"name": "ValueError", "message": "no"}, "modelMs": 1, "metrics": {}}',
      ),
    ).toMatchObject({
      success: false,
      error: { name: 'ValueError', message: 'no' },
      responseJson: undefined,
    });
    expect(
      parseReplicaAnswer(
        '{"success": true, "response": null, "modelMs": 1, "metrics": {}}',
      ).responseJson,
    ).toBe('null');
  });

  it('refuses what is not a replica answer', () => {
    expect(() => parseReplicaAnswer('{"ok": 1}')).toThrow(/success/);
    expect(() =>
      parseReplicaAnswer('{"success": true, "response": [1'),
    ).toThrow();
  });
});
