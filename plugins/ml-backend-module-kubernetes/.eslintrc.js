module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    '@typescript-eslint/no-explicit-any': 'error',
    // waitFor (src/__testUtils__) fails the test when its condition never
    // holds: for the tests that wait for the cluster, it is the assertion.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'waitFor'] },
    ],
  },
});
