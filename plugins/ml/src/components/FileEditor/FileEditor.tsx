import { useMemo } from 'react';
import { StreamLanguage } from '@codemirror/language';
import { python } from '@codemirror/legacy-modes/mode/python';
import { r } from '@codemirror/legacy-modes/mode/r';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import { useTheme } from '@material-ui/core/styles';
import CodeMirror, { EditorView, Extension } from '@uiw/react-codemirror';

const MODES = {
  python: () => StreamLanguage.define(python),
  r: () => StreamLanguage.define(r),
  shell: () => StreamLanguage.define(shell),
  yaml: () => StreamLanguage.define(yaml),
};

/** The syntax mode for a file, or undefined for plain text. */
export function languageOf(path: string): keyof typeof MODES | undefined {
  const extension = path.toLowerCase().split('.').pop();
  switch (extension) {
    case 'py':
      return 'python';
    case 'r':
      return 'r';
    case 'sh':
    case 'bash':
      return 'shell';
    case 'yaml':
    case 'yml':
      return 'yaml';
    default:
      return undefined;
  }
}

/** @public */
export interface FileEditorProps {
  path: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  /** Called with the selected text whenever the selection changes ('' for none). */
  onSelectionChange?: (selected: string) => void;
}

/**
 * A code editor for one project file, highlighted by its extension; read-only
 * shows the content with no way to change it.
 */
export function FileEditor(props: FileEditorProps) {
  const { path, value, onChange, readOnly, onSelectionChange } = props;
  const theme = useTheme();
  const extensions = useMemo(() => {
    const language = languageOf(path);
    const result: Extension[] = [
      EditorView.contentAttributes.of({
        'aria-label': `Contents of ${path}`,
        ...(readOnly ? { 'aria-readonly': 'true' } : {}),
      }),
      EditorView.lineWrapping,
    ];
    if (language) {
      result.push(MODES[language]());
    }
    return result;
  }, [path, readOnly]);

  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      onUpdate={update => {
        if (onSelectionChange && update.selectionSet) {
          const { from, to } = update.state.selection.main;
          onSelectionChange(update.state.sliceDoc(from, to));
        }
      }}
      extensions={extensions}
      readOnly={readOnly}
      height="60vh"
      theme={theme.palette.type === 'dark' ? 'dark' : 'light'}
      data-testid="ml-file-editor"
    />
  );
}
