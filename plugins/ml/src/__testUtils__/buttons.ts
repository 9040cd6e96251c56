import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

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

/** Clicks the button named `name` inside `container`, e.g. a dialog. */
export function clickButtonIn(container: HTMLElement, name: string) {
  return userEvent.click(within(container).getByRole('button', { name }));
}
