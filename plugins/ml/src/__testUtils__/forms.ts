import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Types each value into the field labelled by its key, in the order given,
 * then clicks the button named `submit`.
 */
export async function fillAndSubmit(
  fields: Record<string, string>,
  submit: string,
  container: HTMLElement = document.body,
) {
  for (const [label, text] of Object.entries(fields)) {
    await userEvent.type(within(container).getByLabelText(label), text);
  }
  await userEvent.click(
    within(container).getByRole('button', { name: submit }),
  );
}

/**
 * Types each value into the textbox named by its key within `container`, in
 * the order given.
 */
export async function typeIntoTextboxes(
  container: HTMLElement,
  fields: Record<string, string>,
) {
  for (const [name, text] of Object.entries(fields)) {
    await userEvent.type(
      within(container).getByRole('textbox', { name }),
      text,
    );
  }
}
