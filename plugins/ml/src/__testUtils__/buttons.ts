import { screen } from '@testing-library/react';

/** Expects each named button to be on the page, enabled or disabled as listed. */
export function expectButtons(state: {
  enabled?: string[];
  disabled?: string[];
}) {
  for (const name of state.enabled ?? []) {
    expect(screen.getByRole('button', { name })).toBeEnabled();
  }
  for (const name of state.disabled ?? []) {
    expect(screen.getByRole('button', { name })).toBeDisabled();
  }
}
