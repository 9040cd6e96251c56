import { ResponseError } from '@backstage/errors';
import { describeError } from './errors';

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
