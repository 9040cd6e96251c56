import '@testing-library/jest-dom';

// The component tests type into MUI forms and tables with userEvent, which
// can take several seconds per test on a busy machine (tens of seconds with
// other builds running); 5 s made them flaky.
jest.setTimeout(60_000);

// No React warning may come from the plugin's own components: a warning
// whose component stack starts in this plugin's source fails the test.
// Warnings that libraries (MUI v4, material-table, React Router) raise about
// themselves start in their own code and pass.
const mlWarnings: string[] = [];
// eslint-disable-next-line no-console -- the guard wraps the console itself
const consoleError = console.error;
beforeEach(() => {
  mlWarnings.length = 0;
});
// eslint-disable-next-line no-console -- the guard wraps the console itself
console.error = (...args: unknown[]) => {
  const [format] = args;
  if (typeof format === 'string' && format.startsWith('Warning:')) {
    const text = args.map(String).join(' ');
    const firstFrame = /\n\s+at [^\n]*/.exec(text)?.[0] ?? '';
    if (/plugins\/ml\/src\//.test(firstFrame)) mlWarnings.push(text);
  }
  consoleError(...args);
};
afterEach(() => {
  if (mlWarnings.length > 0) {
    const found = mlWarnings.splice(0).map(w => w.slice(0, 400));
    throw new Error(`React warned about ML components:\n${found.join('\n')}`);
  }
});
