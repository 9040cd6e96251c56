module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // Supertest's `.expect(status)` is an assertion: a test that only checks
    // the answers' statuses (through `request(...)` or a helper returning a
    // supertest request, such as `predict(...)`) asserts something.
    'jest/expect-expect': [
      'warn',
      {
        assertFunctionNames: [
          'expect',
          'request.**.expect',
          'predict.**.expect',
        ],
      },
    ],
  },
});
