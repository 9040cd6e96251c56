import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ScaffolderApi } from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlApiRef } from '../../api';
import { createMockMlApi } from '../../__testUtils__';
import { churnProject, page, pythonRuntime } from '../../testing/fixtures';
import { mlFieldExtensions } from './fields';
import { scaffolderApiWithReviewNames, withReviewNames } from './reviewNames';

const r43 = { ...pythonRuntime, id: 'rt-2', kernel: 'R 4.3' };

/** A template's parameters as the scaffolder backend hands them over. */
const manifest = {
  title: 'Blank Python project',
  steps: [
    {
      title: 'Project',
      schema: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { title: 'Name', type: 'string' },
          workspace: {
            title: 'Workspace',
            type: 'string',
            'ui:field': 'MlWorkspacePicker',
          },
        },
      },
    },
    {
      title: 'Compute',
      schema: {
        type: 'object',
        required: ['runtimeId'],
        properties: {
          runtimeId: {
            title: 'Runtime',
            type: 'string',
            'ui:field': 'MlRuntimePicker',
          },
          projectId: {
            title: 'Project',
            type: 'string',
            'ui:field': 'MlProjectPicker',
          },
        },
      },
    },
  ],
};

function mlApiWithChoices() {
  const api = createMockMlApi();
  api.listRuntimes.mockResolvedValue(page([pythonRuntime, r43]));
  api.listProjects.mockResolvedValue(page([churnProject]));
  return api;
}

describe('withReviewNames', () => {
  it("lists the id pickers' ids with their names, and leaves other fields as they are", async () => {
    const named = await withReviewNames(manifest, mlApiWithChoices());
    expect(named.steps[1].schema.properties).toEqual({
      runtimeId: {
        ...manifest.steps[1].schema.properties.runtimeId,
        enum: ['rt-1', 'rt-2'],
        enumNames: [
          'Workbench Python 3.11 Standard 2026.01.2',
          'Workbench R 4.3 Standard 2026.01.2',
        ],
      },
      projectId: {
        ...manifest.steps[1].schema.properties.projectId,
        enum: [churnProject.id],
        enumNames: ['Churn model (churn)'],
      },
    });
    // Workspaces are picked by name already.
    expect(named.steps[0]).toEqual(manifest.steps[0]);
  });

  it('reads every page of the runtimes', async () => {
    const api = mlApiWithChoices();
    api.listRuntimes
      .mockResolvedValueOnce({ ...page([pythonRuntime]), next_page_token: '1' })
      .mockResolvedValueOnce(page([r43]));
    const named = await withReviewNames(manifest, api);
    expect(named.steps[1].schema.properties).toEqual(
      expect.objectContaining({
        runtimeId: expect.objectContaining({ enum: ['rt-1', 'rt-2'] }),
      }),
    );
    expect(api.listRuntimes).toHaveBeenLastCalledWith(
      expect.objectContaining({ enabled: true, pageToken: '1' }),
    );
  });

  it('keeps a field as it is when its names cannot be read or there are none', async () => {
    const api = mlApiWithChoices();
    api.listRuntimes.mockRejectedValue(new Error('503'));
    api.listProjects.mockResolvedValue(page([]));
    expect(await withReviewNames(manifest, api)).toEqual(manifest);
  });

  it('asks the ML API nothing for a template without ML id pickers', async () => {
    const api = mlApiWithChoices();
    const plain = { title: 'Plain', steps: [manifest.steps[0]] };
    expect(await withReviewNames(plain, api)).toBe(plain);
    expect(api.listRuntimes).not.toHaveBeenCalled();
  });
});

describe('scaffolderApiWithReviewNames', () => {
  it('names the ids in the parameter schemas and passes every other call on', async () => {
    /** A client whose methods read its own fields, as ScaffolderClient's do. */
    class FakeScaffolder {
      readonly tasks = [];
      getTemplateParameterSchema = jest.fn(async (_ref: string) => manifest);
      async listTasks() {
        return { tasks: this.tasks, totalTasks: this.tasks.length };
      }
    }
    const fake = new FakeScaffolder();
    const scaffolder = fake as unknown as ScaffolderApi;
    const api = scaffolderApiWithReviewNames(scaffolder, mlApiWithChoices());

    const schema = await api.getTemplateParameterSchema('template:default/x');
    expect(schema.steps[1].schema.properties).toEqual(
      expect.objectContaining({
        runtimeId: expect.objectContaining({ enum: ['rt-1', 'rt-2'] }),
      }),
    );
    expect(fake.getTemplateParameterSchema).toHaveBeenCalledWith(
      'template:default/x',
    );
    await expect(api.listTasks!({ filterByOwnership: 'all' })).resolves.toEqual(
      { tasks: [], totalTasks: 0 },
    );
  });
});

describe("the scaffolder's review step", () => {
  it('shows the picked runtime and project by name and submits their ids', async () => {
    const api = mlApiWithChoices();
    api.listWorkspaces.mockResolvedValue(
      page([{ name: 'demo', title: 'Demo' }] as any),
    );
    const onCreate = jest.fn();
    const named = await withReviewNames(manifest, api);
    await renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <Stepper
          manifest={named}
          extensions={[...mlFieldExtensions]}
          onCreate={onCreate}
        />
      </TestApiProvider>,
    );

    await userEvent.type(screen.getByRole('textbox', { name: /Name/ }), 'x');
    await userEvent.selectOptions(
      await screen.findByLabelText(/Workspace/),
      'demo',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    // The picker renders the field, not a select of the enum.
    await userEvent.selectOptions(
      await screen.findByLabelText(/Runtime/),
      await screen.findByRole('option', {
        name: 'Workbench R 4.3 Standard 2026.01.2',
      }),
    );
    await userEvent.selectOptions(
      await screen.findByLabelText(/Project/),
      await screen.findByRole('option', { name: 'Churn model (churn)' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));

    const review = await screen.findByRole('table');
    expect(
      within(review).getByText('Workbench R 4.3 Standard 2026.01.2'),
    ).toBeInTheDocument();
    expect(within(review).getByText('Churn model (churn)')).toBeInTheDocument();
    expect(within(review).queryByText('rt-2')).toBeNull();
    expect(within(review).queryByText(churnProject.id)).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({
        runtimeId: 'rt-2',
        projectId: churnProject.id,
        workspace: 'demo',
      }),
    );
  });
});
