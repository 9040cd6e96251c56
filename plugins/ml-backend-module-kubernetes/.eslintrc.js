module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    '@typescript-eslint/no-explicit-any': 'error',
  },
});
