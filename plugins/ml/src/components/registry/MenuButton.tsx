import { ReactNode, useState } from 'react';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import { ActionRequirement, GatedButton } from '../GatedButton';

export interface MenuButtonItem {
  key: string;
  label: ReactNode;
  disabled?: boolean;
  onSelect: () => void;
}

export interface MenuButtonProps {
  /** The button's text. */
  label: string;
  /** The accessible name of the button and its menu; the label without. */
  name?: string;
  requires: ActionRequirement;
  disabled?: boolean;
  items: MenuButtonItem[];
}

/** A project action with a choice: a gated button that opens a menu. */
export function MenuButton(props: MenuButtonProps) {
  const { label, name = label, requires, disabled, items } = props;
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <GatedButton
        size="small"
        aria-haspopup="menu"
        aria-label={name}
        requires={requires}
        disabled={disabled}
        onClick={e => setAnchor(e.currentTarget)}
      >
        {label}
      </GatedButton>
      <Menu
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
        aria-label={name}
      >
        {items.map(item => (
          <MenuItem
            key={item.key}
            disabled={item.disabled}
            onClick={() => {
              setAnchor(null);
              item.onSelect();
            }}
          >
            {item.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
