import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorView } from '@uiw/react-codemirror';
import {
  TestProjectRole,
  clickButtonIn,
  createMockMlApi,
  fillAndSubmit,
  renderAsRole,
  renderWithMlApi,
} from '../../__testUtils__';
import { churnProject, fileEntry } from '../../testing/fixtures';
import { ProjectFilesTab } from './ProjectFilesTab';

const listing = [
  fileEntry('README.md'),
  fileEntry('src', 'directory'),
  fileEntry('src/train.py'),
];

const renderTab = (
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) => renderAsRole(<ProjectFilesTab project={churnProject} />, api, role);

const changingButtons = [
  'New file',
  'New folder',
  'Upload',
  'Rename',
  'Delete',
];

/** Types into CodeMirror the way its own input handling would. */
function replaceEditorContent(path: string, text: string) {
  const content = screen.getByRole('textbox', { name: `Contents of ${path}` });
  const view = EditorView.findFromDOM(content)!;
  act(() => {
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
    });
  });
}

describe('ProjectFilesTab', () => {
  it('loads the tree, opens a file and saves the edit', async () => {
    const api = createMockMlApi({
      listFiles: listing,
      readFile: 'print("hello")\n',
      writeFile: fileEntry('src/train.py'),
    });
    await renderTab(api);

    expect(api.listFiles).toHaveBeenCalledWith(churnProject.id, {
      recursive: true,
    });
    expect(await screen.findByText('README.md')).toBeInTheDocument();
    await userEvent.click(screen.getByText('src'));
    await userEvent.click(await screen.findByText('train.py'));

    const editor = await screen.findByRole('textbox', {
      name: 'Contents of src/train.py',
    });
    expect(editor).toHaveTextContent('print("hello")');
    expect(api.readFile).toHaveBeenCalledWith(churnProject.id, 'src/train.py');
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();

    replaceEditorContent('src/train.py', 'print("bye")\n');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await userEvent.click(save);

    await waitFor(() =>
      expect(api.writeFile).toHaveBeenCalledWith(
        churnProject.id,
        'src/train.py',
        'print("bye")\n',
      ),
    );
    expect(await screen.findByText('Saved src/train.py')).toBeInTheDocument();
    expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
  });

  it('shows why a save failed and keeps the edit', async () => {
    const api = createMockMlApi({ listFiles: listing, readFile: '# Churn\n' });
    api.writeFile.mockRejectedValue(new Error('project quota exceeded'));
    await renderTab(api);

    await userEvent.click(await screen.findByText('README.md'));
    await screen.findByRole('textbox', { name: 'Contents of README.md' });
    replaceEditorContent('README.md', '# Churn model\n');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'project quota exceeded',
    );
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('uploads into the selected folder', async () => {
    const api = createMockMlApi({
      listFiles: listing,
      writeFile: fileEntry('src/data.csv'),
    });
    await renderTab(api);

    await userEvent.click(await screen.findByText('src'));
    const file = new File(['a,b\n'], 'data.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('Upload files'), file);

    await waitFor(() =>
      expect(api.writeFile).toHaveBeenCalledWith(
        churnProject.id,
        'src/data.csv',
        file,
      ),
    );
    await waitFor(() => expect(api.listFiles).toHaveBeenCalledTimes(2));
  });

  it('creates a folder', async () => {
    const api = createMockMlApi({ listFiles: listing });
    api.createDirectory.mockResolvedValue();
    await renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New folder' }),
    );
    await fillAndSubmit({ Path: 'notebooks' }, 'Create');

    await waitFor(() =>
      expect(api.createDirectory).toHaveBeenCalledWith(
        churnProject.id,
        'notebooks',
      ),
    );
  });

  it('deletes the selected file after confirmation', async () => {
    const api = createMockMlApi({ listFiles: listing, readFile: '# Churn\n' });
    api.deleteFile.mockResolvedValue();
    await renderTab(api);

    await userEvent.click(await screen.findByText('README.md'));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Delete README.md?');
    await clickButtonIn(dialog, 'Delete');

    await waitFor(() =>
      expect(api.deleteFile).toHaveBeenCalledWith(churnProject.id, 'README.md'),
    );
    expect(
      await screen.findByText('Choose a file to view or edit it.'),
    ).toBeInTheDocument();
  });

  it('shows a reader the files read-only, with no way to change them', async () => {
    const api = createMockMlApi({ listFiles: listing, readFile: '# Churn\n' });
    await renderTab(api, 'operator');

    await userEvent.click(await screen.findByText('README.md'));
    const editor = await screen.findByRole('textbox', {
      name: 'Contents of README.md',
    });
    expect(editor).toHaveTextContent('# Churn');
    expect(editor).toHaveAttribute('aria-readonly', 'true');
    expect(EditorView.findFromDOM(editor)!.state.readOnly).toBe(true);

    const notice = screen.getByText(/Read-only/);
    expect(notice).toHaveTextContent(
      'Read-only: changing files needs the contributor role on this project.',
    );
    for (const name of changingButtons) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
    expect(
      screen.getAllByTitle(
        'You need the contributor role on this project to do this',
      ),
    ).toHaveLength(changingButtons.length);
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
    expect(screen.getByLabelText('Upload files')).toBeDisabled();
    // Reading stays: the archive and a refresh.
    expect(
      screen.getByRole('button', { name: 'Download archive' }),
    ).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Refresh files' })).toBeEnabled();
    expect(api.writeFile).not.toHaveBeenCalled();
  });

  it('keeps the changing buttons off until the permissions are known', async () => {
    const api = createMockMlApi({ listFiles: listing });
    await renderWithMlApi(<ProjectFilesTab project={churnProject} />, {
      api,
      pending: true,
    });
    await screen.findByText('README.md');
    for (const name of changingButtons) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
    expect(
      screen.getAllByTitle('Checking your access to this project…'),
    ).toHaveLength(changingButtons.length);
    // Not read-only either: that is not known yet.
    expect(screen.queryByText(/Read-only/)).not.toBeInTheDocument();
  });
});
