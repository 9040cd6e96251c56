import {
  forwardRef,
  KeyboardEvent,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SessionCell } from '@ml-platform/plugin-ml-common';
import { MlExecuteError, mlApiRef } from '../../api';
import { useProjectAccess } from '../../hooks/useProjectAccess';
import { describeError } from '../../lib/errors';
import { RunButton } from '../GatedButton';

const useStyles = makeStyles(theme => ({
  output: {
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1, 1.5),
    minHeight: 160,
    maxHeight: 480,
    overflowY: 'auto',
    marginBottom: theme.spacing(2),
  },
  pre: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    fontFamily: 'inherit',
  },
  input: { color: theme.palette.text.secondary },
  prompt: { color: theme.palette.primary.main, userSelect: 'none' },
  stderr: { color: theme.palette.error.main },
  error: { color: theme.palette.error.main },
  entry: { marginBottom: theme.spacing(1.5) },
  inputField: { fontFamily: 'monospace' },
}));

interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

interface ConsoleEntry {
  id: number;
  code: string;
  output: OutputChunk[];
  /** The exception the code raised. */
  error?: MlExecuteError;
  /** The request itself failed: the session stopped, the network went away. */
  failure?: string;
  done: boolean;
}

/** @public */
export interface SessionConsoleProps {
  projectId: string;
  sessionId: string;
  /** Code runs only in a running session; the input is disabled otherwise. */
  running: boolean;
}

/** What a page beside the console may do with it (the workbench's Run file). */
export interface SessionConsoleHandle {
  /** Runs code as if typed in; ignored while the console is not usable. */
  run(code: string): void;
}

/**
 * Python's traceback ends with the "Name: message" line shown above it
 * already; leave that line out.
 */
function tracebackBody(error: MlExecuteError): string {
  const header = `${error.name}: ${error.message}`;
  const lines = error.traceback.replace(/\n+$/, '').split('\n');
  return lines[lines.length - 1] === header
    ? lines.slice(0, -1).join('\n')
    : error.traceback;
}

function emptyText(running: boolean, mayRun: boolean): string {
  if (!mayRun) {
    return 'Running code in the session needs the contributor role on this project.';
  }
  return running
    ? 'Output of the code you run appears here.'
    : 'The console works while the session is running.';
}

function placeholderText(running: boolean, mayRun: boolean): string {
  if (!mayRun) {
    return 'Needs the contributor role';
  }
  return running ? 'print("hello")' : 'Session not running';
}

/** A cell of the kept transcript as the console shows it; negative ids keep them apart from this page's. */
function restoredEntry(cell: SessionCell): ConsoleEntry {
  let failure = cell.failure;
  if (cell.truncated) {
    failure = [failure, 'Later output was not kept'].filter(Boolean).join('. ');
  }
  if (!cell.endedAt) {
    failure = 'Still running when this console opened: its output so far';
  }
  return {
    id: -cell.id,
    code: cell.code,
    output: cell.output,
    error: cell.error,
    failure,
    done: true,
  };
}

function append(output: OutputChunk[], chunk: OutputChunk): OutputChunk[] {
  const last = output[output.length - 1];
  // Consecutive text of one stream reads as one block.
  if (last && last.stream === chunk.stream) {
    return [
      ...output.slice(0, -1),
      { stream: last.stream, text: last.text + chunk.text },
    ];
  }
  return [...output, chunk];
}

/**
 * The session's console, like CML's workbench: code typed below runs in the
 * session's kernel, and its output streams into the transcript above while it
 * runs. The backend keeps the transcript, so it is there again on return.
 * Running code needs the contributor role.
 */
export const SessionConsole = forwardRef<
  SessionConsoleHandle,
  SessionConsoleProps
>(function SessionConsoleWithRef(props, ref) {
  const { projectId, sessionId, running } = props;
  const api = useApi(mlApiRef);
  const classes = useStyles();
  const access = useProjectAccess(projectId);
  // While the role is still checked, say nothing about it.
  const mayRun = access.loading || access.canWrite;
  const usable = running && access.canWrite;
  const [restored, setRestored] = useState<ConsoleEntry[]>([]);
  const [entries, setEntries] = useState<ConsoleEntry[]>([]);
  const [code, setCode] = useState('');
  // Position while browsing earlier inputs with the arrow keys.
  const [recall, setRecall] = useState<number>();
  const nextId = useRef(1);
  const controllers = useRef(new Set<AbortController>());
  const outputRef = useRef<HTMLDivElement>(null);

  // What was run here before, kept by the backend, comes back above.
  useEffect(() => {
    let cancelled = false;
    api
      .getSessionTranscript(projectId, sessionId)
      .then(cells => !cancelled && setRestored(cells.map(restoredEntry)))
      // Without its history the console still works: nothing to show.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [api, projectId, sessionId]);

  useEffect(() => {
    const active = controllers.current;
    return () => active.forEach(c => c.abort());
  }, []);

  useEffect(() => {
    const element = outputRef.current;
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
  }, [entries, restored]);

  const update = (id: number, change: (e: ConsoleEntry) => ConsoleEntry) =>
    setEntries(prev => prev.map(e => (e.id === id ? change(e) : e)));

  const run = async (source: string) => {
    const id = nextId.current++;
    setEntries(prev => [
      ...prev,
      { id, code: source, output: [], done: false },
    ]);
    const controller = new AbortController();
    controllers.current.add(controller);
    try {
      // The kernel runs one cell at a time, so cells sent while another runs
      // simply wait their turn there.
      for await (const event of api.executeSession(
        projectId,
        sessionId,
        source,
        {
          signal: controller.signal,
        },
      )) {
        if ('done' in event) {
          update(id, e => ({
            ...e,
            done: true,
            error: event.error ?? undefined,
          }));
        } else {
          update(id, e => ({ ...e, output: append(e.output, event) }));
        }
      }
      update(id, e =>
        e.done
          ? e
          : {
              ...e,
              done: true,
              failure: 'The output stopped before the code finished',
            },
      );
    } catch (error) {
      if (!controller.signal.aborted) {
        update(id, e => ({ ...e, done: true, failure: describeError(error) }));
      }
    } finally {
      controllers.current.delete(controller);
    }
  };

  useImperativeHandle(ref, () => ({
    run: source => {
      if (usable && source.trim()) run(source);
    },
  }));

  const submit = () => {
    if (!usable || !code.trim()) {
      return;
    }
    run(code);
    setCode('');
    setRecall(undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (
      event.key === 'Enter' &&
      !event.shiftKey &&
      !event.nativeEvent.isComposing
    ) {
      event.preventDefault();
      submit();
      return;
    }
    // Arrow keys recall earlier inputs, but only while the input is one line
    // so they still move the caret in multi-line code.
    const inputs = [...restored, ...entries].map(e => e.code);
    if (code.includes('\n') || inputs.length === 0) {
      return;
    }
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      const index =
        recall === undefined ? inputs.length - 1 : Math.max(0, recall - 1);
      setRecall(index);
      setCode(inputs[index]);
    } else if (event.key === 'ArrowDown' && recall !== undefined) {
      event.preventDefault();
      const index = recall + 1;
      setRecall(index < inputs.length ? index : undefined);
      setCode(index < inputs.length ? inputs[index] : '');
    }
  };

  return (
    <InfoCard
      title="Console"
      subheader="Enter runs the code, Shift+Enter starts a new line"
    >
      <div
        ref={outputRef}
        className={classes.output}
        role="log"
        aria-label="Console output"
        aria-live="polite"
      >
        {restored.length + entries.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            {emptyText(running, mayRun)}
          </Typography>
        )}
        {[...restored, ...entries].map((entry, index) => (
          <div key={entry.id} className={classes.entry}>
            <pre className={`${classes.pre} ${classes.input}`}>
              <span className={classes.prompt}>{`In [${index + 1}]: `}</span>
              {entry.code}
            </pre>
            {entry.output.map((chunk, i) => (
              <pre
                key={i}
                className={`${classes.pre} ${
                  chunk.stream === 'stderr' ? classes.stderr : ''
                }`}
                data-stream={chunk.stream}
              >
                {chunk.text}
              </pre>
            ))}
            {entry.error && (
              <div className={classes.error} role="alert">
                <pre className={classes.pre}>
                  <strong>{`${entry.error.name}: ${entry.error.message}`}</strong>
                </pre>
                {entry.error.traceback && (
                  <pre className={classes.pre}>
                    {tracebackBody(entry.error)}
                  </pre>
                )}
              </div>
            )}
            {entry.failure && (
              <pre className={`${classes.pre} ${classes.error}`} role="alert">
                {entry.failure}
              </pre>
            )}
            {!entry.done && (
              <Typography variant="caption" color="textSecondary">
                Running…
              </Typography>
            )}
          </div>
        ))}
      </div>
      <Box display="flex" alignItems="flex-start">
        <Box flex={1} marginRight={1}>
          <TextField
            id={`ml-console-input-${sessionId}`}
            value={code}
            onChange={e => {
              setCode(e.target.value);
              setRecall(undefined);
            }}
            onKeyDown={onKeyDown}
            disabled={!usable}
            placeholder={placeholderText(running, mayRun)}
            multiline
            minRows={2}
            maxRows={12}
            variant="outlined"
            fullWidth
            inputProps={{
              'aria-label': 'Console input',
              className: classes.inputField,
            }}
          />
        </Box>
        <RunButton
          requires={{ access, role: 'contributor' }}
          onClick={submit}
          disabled={!running || !code.trim()}
        >
          Run
        </RunButton>
      </Box>
    </InfoCard>
  );
});
