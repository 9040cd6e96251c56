import { ResponseError } from '@backstage/errors';
import { describeError, fieldErrors } from './errors';

describe('describeError', () => {
  it('prefers the message the server sent', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'InputError', message: 'name: must not be empty' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    expect(describeError(error)).toBe('name: must not be empty');
  });

  it('falls back to the error message', () => {
    expect(describeError(new Error('offline'))).toBe('offline');
    expect(describeError('weird')).toBe('weird');
  });
});

describe('fieldErrors', () => {
  it('files each problem of a validation error under its field', () => {
    const error = new Error(
      'Invalid request body: name: must not be empty; nodeGroups[0].maxNodes: maxNodes must be at least minNodes; something else (and 2 more)',
    );
    expect(fieldErrors(error)).toEqual({
      fields: {
        name: 'must not be empty',
        nodeGroups: '[0].maxNodes: maxNodes must be at least minNodes',
      },
      general: 'something else',
    });
  });

  it('keeps messages that name no field as general', () => {
    expect(
      fieldErrors(
        new Error("A job named 'train' already exists in this project"),
      ),
    ).toEqual({
      fields: {},
      general: "A job named 'train' already exists in this project",
    });
    expect(
      fieldErrors(
        new Error(
          "schedule: '* *' is not a valid cron expression: too few fields",
        ),
      ).fields,
    ).toEqual({
      schedule: "'* *' is not a valid cron expression: too few fields",
    });
  });
});
