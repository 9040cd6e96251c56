import { Children, ReactNode } from 'react';
import Box from '@material-ui/core/Box';

/** @public */
export interface FormRowProps {
  /** How much of the row each field takes, in order; 1 each by default. */
  widths?: number[];
  children: ReactNode;
}

/** Fields side by side on one line of a form, a small gap between them. */
export function FormRow(props: FormRowProps) {
  const cells = Children.toArray(props.children);
  return (
    <Box display="flex">
      {cells.map((cell, i) => (
        <Box
          key={i}
          flex={props.widths?.[i] ?? 1}
          marginRight={i < cells.length - 1 ? 1 : 0}
        >
          {cell}
        </Box>
      ))}
    </Box>
  );
}
