import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildFileTree } from '../../lib/files';
import { fileEntry } from '../../testing/fixtures';
import { FileTree } from './FileTree';

const nodes = buildFileTree([
  fileEntry('README.md'),
  fileEntry('src/train.py'),
  fileEntry('src/util/io.py'),
]);

describe('FileTree', () => {
  it('opens directories and reports the chosen file', async () => {
    const onSelect = jest.fn();
    render(<FileTree nodes={nodes} selected="" onSelect={onSelect} />);

    expect(screen.queryByText('train.py')).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('src'));
    await userEvent.click(await screen.findByText('train.py'));

    expect(onSelect).toHaveBeenLastCalledWith(
      expect.objectContaining({ path: 'src/train.py', type: 'file' }),
    );
  });

  it('expands the way to a selection made elsewhere', () => {
    render(
      <FileTree nodes={nodes} selected="src/util/io.py" onSelect={jest.fn()} />,
    );
    expect(screen.getByRole('treeitem', { name: 'io.py' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
