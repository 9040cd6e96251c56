import '@testing-library/jest-dom';

// The component tests type into MUI forms and tables with userEvent, which
// can take several seconds per test on a busy machine (tens of seconds with
// other builds running); 5 s made them flaky.
jest.setTimeout(60_000);
