import { render, screen } from '@testing-library/react';
import { FileEditor, languageOf } from './FileEditor';

describe('FileEditor', () => {
  it('picks a syntax mode from the extension', () => {
    expect(languageOf('src/train.py')).toBe('python');
    expect(languageOf('run.sh')).toBe('shell');
    expect(languageOf('conf/model.YAML')).toBe('yaml');
    expect(languageOf('README.md')).toBeUndefined();
  });

  it('shows the file content in an editor labelled with the path', () => {
    render(
      <FileEditor
        path="src/train.py"
        value={'import pandas as pd\nprint(pd.__version__)\n'}
        onChange={jest.fn()}
      />,
    );
    const editor = screen.getByRole('textbox', {
      name: 'Contents of src/train.py',
    });
    expect(editor).toHaveTextContent('import pandas as pd');
    expect(editor).toHaveTextContent('print(pd.__version__)');
  });

  it('shows the content read-only when asked', () => {
    render(
      <FileEditor
        path="README.md"
        value="# Churn"
        onChange={jest.fn()}
        readOnly
      />,
    );
    const editor = screen.getByRole('textbox', {
      name: 'Contents of README.md',
    });
    expect(editor).toHaveTextContent('# Churn');
    expect(editor).toHaveAttribute('aria-readonly', 'true');
  });
});
