import type { z as zod } from 'zod/v3';

/**
 * Input fields several actions share, as the zod callbacks that
 * `createTemplateAction` takes (it passes its own zod instance in).
 */
export type Z = typeof zod;

/** A string that must not be empty. */
export const nonEmptyString = (description: string) => (z: Z) =>
  z.string().min(1).describe(description);

/** A string that may be left out. */
export const optionalString = (description: string) => (z: Z) =>
  z.string().optional().describe(description);

/** The id of something in the ML platform. */
export const uuidString = (description: string) => (z: Z) =>
  z.string().uuid().describe(description);

/** A yes/no input that may be left out (the handler applies its default). */
export const optionalFlag = (description: string) => (z: Z) =>
  z.boolean().optional().describe(description);

/** An output string (outputs need no checks, only a description). */
export const outputString = (description: string) => (z: Z) =>
  z.string().describe(description);

/**
 * The `state` output of an action that may wait (`stateWhenStepEnds`):
 * where `what` (e.g. "the build") stood when the step ended.
 */
export const stepEndStateOutput = (what: string) =>
  outputString(`State of ${what} when the step ended`);

export const projectIdField = uuidString(
  'Id of the ML project, e.g. the `projectId` output of ml:project:create',
);

export const runtimeIdField = uuidString(
  'Id of the runtime to run in (the MlRuntimePicker field gives one)',
);

export const profileField = nonEmptyString(
  'Name of a resource profile of the project\'s workspace, e.g. "small"',
);

export const envField = (z: Z) =>
  z
    .record(z.string())
    .optional()
    .describe('Environment variables, name to value');

export const timeoutField = (z: Z, what: string, seconds: number) =>
  z
    .number()
    .int()
    .positive()
    .max(24 * 3600)
    .optional()
    .describe(`How long to wait for ${what}, in seconds (default ${seconds})`);

/*
 * The scaffolder checks inputs against the JSON schema made from these but
 * does not fill in defaults, so fields with a default are optional here and
 * the handlers apply the default.
 */

/** Removes undefined values, so the ML API applies its own defaults. */
export function defined<T extends Record<string, unknown>>(
  value: T,
): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
