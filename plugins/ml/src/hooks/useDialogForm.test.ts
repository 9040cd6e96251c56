import { act, renderHook } from '@testing-library/react';
import { DialogFormOptions, useDialogForm } from './useDialogForm';

interface Values {
  name: string;
}

type Props = Partial<DialogFormOptions<Values, string>>;

function setup(initialProps: Props = {}) {
  const onSubmit = jest.fn(async (values: Values) => `saved ${values.name}`);
  const onSuccess = jest.fn();
  const hook = renderHook(
    (props: Props) =>
      useDialogForm<Values, string>({
        open: true,
        initialValues: () => ({ name: '' }),
        validate: values => ({
          name: !values.name.trim() && 'A name is required',
        }),
        onSubmit,
        onSuccess,
        ...props,
      }),
    { initialProps },
  );
  return { ...hook, onSubmit, onSuccess };
}

describe('useDialogForm', () => {
  it('shows problems only once submit was tried, and refuses to submit', async () => {
    const { result, onSubmit } = setup();
    expect(result.current.errorOf('name')).toBeUndefined();

    await act(() => result.current.submit());

    expect(result.current.touched).toBe(true);
    expect(result.current.errorOf('name')).toBe('A name is required');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits valid values and hands on the result', async () => {
    const { result, onSubmit, onSuccess } = setup();
    act(() => result.current.setValues({ name: 'churn' }));

    await act(() => result.current.submit());

    expect(onSubmit).toHaveBeenCalledWith({ name: 'churn' });
    expect(onSuccess).toHaveBeenCalledWith('saved churn');
    expect(result.current.busy).toBe(false);
  });

  it('refuses to submit while canSubmit says no', async () => {
    const { result, onSubmit } = setup({ canSubmit: () => false });
    act(() => result.current.setValues({ name: 'churn' }));

    await act(() => result.current.submit());

    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('splits a refusal into problems by field and a general message', async () => {
    const { result, onSuccess } = setup({
      onSubmit: () =>
        Promise.reject(new Error('name: already taken; quota exceeded')),
    });
    act(() => result.current.setValues({ name: 'churn' }));

    await act(() => result.current.submit());

    expect(result.current.errorOf('name')).toBe('already taken');
    expect(result.current.serverErrors).toEqual({ name: 'already taken' });
    expect(result.current.generalError).toBe('quota exceeded');
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('describes a refusal as told', async () => {
    const { result } = setup({
      onSubmit: () => Promise.reject(new Error('name: already taken')),
      describeFailure: () => ({ fields: {}, general: 'whole message' }),
    });
    act(() => result.current.setValues({ name: 'churn' }));

    await act(() => result.current.submit());

    expect(result.current.errorOf('name')).toBeUndefined();
    expect(result.current.generalError).toBe('whole message');
  });

  it('starts over from fresh initial values each time it opens, and only then', async () => {
    let initial = 'first';
    const initialValues = () => ({ name: initial });
    const { result, rerender } = setup({ initialValues });
    expect(result.current.values.name).toBe('first');
    const firstGeneration = result.current.generation;

    act(() => result.current.setValues({ name: '' }));
    await act(() => result.current.submit());
    initial = 'second';
    rerender({ initialValues });
    // Still open: what was typed and the problems stay.
    expect(result.current.values.name).toBe('');
    expect(result.current.touched).toBe(true);

    rerender({ initialValues, open: false });
    rerender({ initialValues, open: true });

    expect(result.current.values.name).toBe('second');
    expect(result.current.touched).toBe(false);
    expect(result.current.generation).toBe(firstGeneration + 1);
  });

  it('merges changes made from the latest values', () => {
    const { result } = setup();
    act(() => {
      result.current.setValues(v => ({ name: `${v.name}a` }));
      result.current.setValues(v => ({ name: `${v.name}b` }));
    });
    expect(result.current.values.name).toBe('ab');
  });
});
