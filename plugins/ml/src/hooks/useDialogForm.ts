import { useCallback, useEffect, useRef, useState } from 'react';
import { FieldErrors, fieldErrors } from '../lib/errors';

/** Problems by field name; a falsy entry is no problem. */
export type FormProblems = Record<string, string | false | undefined>;

export interface DialogFormOptions<T, R> {
  open: boolean;
  /** The values the form starts from, computed again each time it opens. */
  initialValues: () => T;
  /** What is wrong with the values now; submit is refused while any is set. */
  validate?: (values: T) => FormProblems;
  /** Refuses submit for other reasons, e.g. a choice not loaded yet. */
  canSubmit?: (values: T) => boolean;
  /** Saves the values; a rejection keeps the dialog open on the error. */
  onSubmit: (values: T) => Promise<R>;
  /** After a save, e.g. to close the dialog with what was saved. */
  onSuccess?: (result: R) => void;
  /**
   * Splits a failure into problems under fields and a message above them;
   * by default as the API names fields (`name: must not be empty`).
   */
  describeFailure?: (error: unknown) => FieldErrors;
}

/** What a field component takes to edit one value of a form. */
export interface BoundField<V> {
  value: V;
  onChange: (value: V) => void;
  /** The problem to show under the field, if any. */
  problem?: string;
}

/**
 * Makes `fieldProps` for a form's values, for field groups that are handed
 * the values, a change handler and the problems rather than the whole form.
 */
export function fieldBinder<T>(
  values: T,
  onChange: (change: Partial<T>) => void,
  errorOf: (field: string) => string | undefined,
): DialogFormState<T>['fieldProps'] {
  return (field, problemField = field) => ({
    value: values[field],
    onChange: value => {
      const change: Partial<T> = {};
      change[field] = value;
      onChange(change);
    },
    problem: errorOf(problemField),
  });
}

export interface DialogFormState<T> {
  values: T;
  /** Merges a change (or one made from the latest values) into the values. */
  setValues: (change: Partial<T> | ((values: T) => Partial<T>)) => void;
  /** Whether submit was tried (or a field left): problems show from then. */
  touched: boolean;
  setTouched: (touched: boolean) => void;
  /** While the submit action runs. */
  busy: boolean;
  problems: FormProblems;
  /** The server's problems by field, from the last failed submit. */
  serverErrors: Record<string, string>;
  /** What the last failed submit said that names no field. */
  generalError?: string;
  /** The problem to show under a field: the server's, else a shown one. */
  errorOf: (field: string) => string | undefined;
  /**
   * Binds a field component to one value: its value, a change handler and
   * its problem, found under `problemField` where the API names it otherwise.
   */
  fieldProps: <K extends keyof T & string>(
    field: K,
    problemField?: string,
  ) => BoundField<T[K]>;
  /** Counts the openings; a `key` that remounts editors with their own state. */
  generation: number;
  submit: () => Promise<void>;
  /** For the `<form>`: submits instead of navigating. */
  handleSubmit: (event: { preventDefault: () => void }) => void;
}

/**
 * The state every form dialog keeps: the values, whether to show their
 * problems yet, the busy flag and what the server refused. It starts over
 * each time the dialog opens, and only then: the objects a dialog edits
 * change while it is open, as pages poll.
 */
export function useDialogForm<T, R = void>(
  options: DialogFormOptions<T, R>,
): DialogFormState<T> {
  const { open, validate, canSubmit } = options;
  const [values, setAllValues] = useState<T>(options.initialValues);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [generalError, setGeneralError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  // The latest options, so that the effect below runs on opening only.
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    if (open) {
      setAllValues(latest.current.initialValues());
      setGeneration(g => g + 1);
      setTouched(false);
      setServerErrors({});
      setGeneralError(undefined);
    }
  }, [open]);

  const setValues = useCallback(
    (change: Partial<T> | ((values: T) => Partial<T>)) =>
      setAllValues(v => ({
        ...v,
        ...(typeof change === 'function' ? change(v) : change),
      })),
    [],
  );

  const problems = validate?.(values) ?? {};
  const invalid =
    Object.values(problems).some(Boolean) ||
    (canSubmit ? !canSubmit(values) : false);
  const errorOf = (field: string) =>
    serverErrors[field] ?? (touched ? problems[field] || undefined : undefined);

  const submit = async () => {
    setTouched(true);
    if (invalid) {
      return;
    }
    setBusy(true);
    setServerErrors({});
    setGeneralError(undefined);
    try {
      const result = await options.onSubmit(values);
      options.onSuccess?.(result);
    } catch (e) {
      const parsed = (options.describeFailure ?? fieldErrors)(e);
      setServerErrors(parsed.fields);
      setGeneralError(parsed.general);
    } finally {
      setBusy(false);
    }
  };

  return {
    values,
    setValues,
    touched,
    setTouched,
    busy,
    problems,
    serverErrors,
    generalError,
    errorOf,
    fieldProps: fieldBinder(values, setValues, errorOf),
    generation,
    submit,
    handleSubmit: event => {
      event.preventDefault();
      submit();
    },
  };
}
