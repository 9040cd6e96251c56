import {
  KeyboardEvent,
  PointerEvent,
  ReactNode,
  useRef,
  useState,
} from 'react';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', alignItems: 'stretch', width: '100%' },
  pane: { minWidth: 0, overflow: 'hidden' },
  handle: {
    flex: '0 0 8px',
    cursor: 'col-resize',
    margin: theme.spacing(0, 1),
    borderRadius: 4,
    backgroundColor: theme.palette.divider,
    touchAction: 'none',
    '&:hover, &:focus': {
      backgroundColor: theme.palette.primary.main,
      outline: 'none',
    },
  },
}));

/** @public */
export interface SplitPaneProps {
  left: ReactNode;
  right: ReactNode;
  /** The left pane's share of the width at first, in percent. */
  initialPercent?: number;
  /** What the separator is called for assistive technology. */
  label: string;
}

const MIN_PERCENT = 20;
const MAX_PERCENT = 80;
const KEY_STEP = 5;

function clamp(percent: number) {
  return Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, percent));
}

/**
 * Two panes side by side with a separator to drag (or move with the arrow
 * keys) between them, as CML's workbench splits editor and console.
 */
export function SplitPane(props: SplitPaneProps) {
  const { left, right, initialPercent = 50, label } = props;
  const classes = useStyles();
  const root = useRef<HTMLDivElement>(null);
  const [percent, setPercent] = useState(clamp(initialPercent));

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const box = root.current?.getBoundingClientRect();
    if (
      !box ||
      box.width === 0 ||
      !event.currentTarget.hasPointerCapture(event.pointerId)
    ) {
      return;
    }
    setPercent(clamp(((event.clientX - box.left) / box.width) * 100));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowLeft') setPercent(p => clamp(p - KEY_STEP));
    else if (event.key === 'ArrowRight') setPercent(p => clamp(p + KEY_STEP));
    else return;
    event.preventDefault();
  };

  return (
    <div ref={root} className={classes.root}>
      <Box className={classes.pane} flex={`0 0 ${percent}%`}>
        {left}
      </Box>
      {/* A focusable separator is the WAI-ARIA window splitter: an
          interactive widget, which the lint rules take for a static one. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        className={classes.handle}
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuemin={MIN_PERCENT}
        aria-valuemax={MAX_PERCENT}
        aria-valuenow={Math.round(percent)}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onPointerDown={e => e.currentTarget.setPointerCapture(e.pointerId)}
        onPointerMove={onPointerMove}
        onPointerUp={e => e.currentTarget.releasePointerCapture(e.pointerId)}
        onKeyDown={onKeyDown}
      />
      <Box className={classes.pane} flex={1}>
        {right}
      </Box>
    </div>
  );
}
