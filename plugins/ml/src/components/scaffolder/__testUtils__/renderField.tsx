import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ComponentType } from 'react';
import { mlApiRef } from '../../../api';
import { createMockMlApi } from '../../../testing/mockMlApi';

/**
 * Renders a picker the way the scaffolder form does: with the field's
 * schema, its ui:options and the other fields' values in formContext.
 */
export async function renderField(
  Field: ComponentType<any>,
  options: {
    api: ReturnType<typeof createMockMlApi>;
    title: string;
    value?: string;
    formData?: Record<string, unknown>;
    uiOptions?: Record<string, unknown>;
  },
) {
  const onChange = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[mlApiRef, options.api]]}>
      <Field
        schema={{ type: 'string', title: options.title }}
        uiSchema={{ 'ui:options': options.uiOptions ?? {} }}
        idSchema={{ $id: `root_${options.title.toLowerCase()}` }}
        formData={options.value}
        formContext={{ formData: options.formData ?? {} }}
        onChange={onChange}
        required
        rawErrors={[]}
        disabled={false}
      />
    </TestApiProvider>,
  );
  return onChange;
}
