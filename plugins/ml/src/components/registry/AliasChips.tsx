import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import CancelIcon from '@material-ui/icons/Cancel';

export interface AliasChipsProps {
  /** Each alias, with the version it points at when it is not implied. */
  aliases: { alias: string; version?: string }[];
  /** Offered on each chip when given: removes that alias. */
  onDelete?: (alias: string) => void;
  disabled?: boolean;
}

/** Aliases as MLflow's UI shows them: `@champion`. */
export function AliasChips(props: AliasChipsProps) {
  const { aliases, onDelete, disabled } = props;
  if (aliases.length === 0) {
    return <>—</>;
  }
  return (
    <Box display="flex" flexWrap="wrap" gridGap={4}>
      {aliases.map(({ alias, version }) => (
        <Chip
          key={alias}
          size="small"
          variant="outlined"
          label={version ? `@${alias} → v${version}` : `@${alias}`}
          disabled={disabled}
          onDelete={onDelete ? () => onDelete(alias) : undefined}
          deleteIcon={
            onDelete ? (
              <CancelIcon
                data-testid="alias-delete"
                aria-label={`Remove alias ${alias}`}
              />
            ) : undefined
          }
          aria-label={onDelete ? `Alias ${alias}` : undefined}
        />
      ))}
    </Box>
  );
}
