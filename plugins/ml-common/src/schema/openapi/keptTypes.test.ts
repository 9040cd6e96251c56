import { EnvValue, EnvVarInput } from '../../env';
import {
  Page,
  Project,
  Quota,
  ResourceProfile,
  Runtime,
  Workspace,
} from '../../types';
import type { MlApiComponents } from '.';
import { agree } from '../../__testUtils__/agree';

/**
 * The few API types this package still writes by hand, because they are
 * generic (`Page<T>`) or name a part of a schema (one environment variable),
 * checked against openapi.yaml at compile time (`yarn tsc`): `agree` only
 * takes no argument when both types are assignable to each other and have
 * the same properties.
 */

type Schemas = MlApiComponents['schemas'];

type ValueOf<T> = T[keyof T];

const agreements: Record<string, true> = {
  'Page<Workspace>': agree<Page<Workspace>, Schemas['WorkspacePage']>(),
  'Page<ResourceProfile>': agree<
    Page<ResourceProfile>,
    Schemas['ResourceProfilePage']
  >(),
  'Page<Quota>': agree<Page<Quota>, Schemas['QuotaPage']>(),
  'Page<Runtime>': agree<Page<Runtime>, Schemas['RuntimePage']>(),
  'Page<Project>': agree<Page<Project>, Schemas['ProjectPage']>(),
  EnvValue: agree<EnvValue, ValueOf<Schemas['EnvVarsRead']>>(),
  EnvVarInput: agree<EnvVarInput, ValueOf<Schemas['EnvVars']>>(),
};

describe('hand-written API types agree with openapi.yaml', () => {
  it.each(Object.entries(agreements))('%s', (_name, agrees) => {
    expect(agrees).toBe(true);
  });
});
