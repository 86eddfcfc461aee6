import { type EntityKind, entityKinds } from '../../domain/entity-kinds.js';
import { CliError } from '../cli-error.js';

/** `--kind account` or `--kind accounts`: people type either. */
export function parseKindOption(name: string): EntityKind {
  const lower = name.trim().toLowerCase();
  const kind = (Object.values(entityKinds) as EntityKind[]).find(
    (k) => k.name === lower || k.plural === lower,
  );
  if (!kind) {
    throw new CliError(`unknown kind "${name}"; one of: ${Object.keys(entityKinds).join(', ')}`);
  }
  return kind;
}
