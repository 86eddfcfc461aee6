import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type EntityKind, entityKinds } from '../../domain/entity-kinds.js';
import { ImportMapping } from '../../domain/import/import-mapping.js';
import { compileDateFormat } from '../../domain/import/parse-1c-date.js';
import { resolveTarget } from '../../domain/import/resolve-target.js';
import { ValueError } from '../../domain/value-error.js';
import { CliError } from '../cli-error.js';
import { parseKindOption } from './parse-kind-option.js';

/**
 * A `--mapping` file, JSON or YAML (YAML reads JSON too, so the extension only picks the error
 * messages), checked before any file is read: every target must be a field some kind has (a
 * per-kind one, a field of that kind), the kinds must exist and the dateFormat must compile.
 */
export function readMappingFile(path: string): ImportMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read the mapping ${path}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = path.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new CliError(
      `the mapping ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`,
    );
  }
  const parsed = ImportMapping.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`the mapping ${path}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const mapping = parsed.data;
  const all = Object.values(entityKinds) as EntityKind[];
  const check = (targets: string[], kinds: EntityKind[], where: string) => {
    for (const t of targets) {
      if (t.trim() === '' || kinds.some((k) => resolveTarget(k, t) !== undefined)) continue;
      const whose = kinds.length === 1 ? `a ${kinds[0]!.name} has` : 'no kind has';
      throw new CliError(
        `the mapping ${path}: ${where} → "${t}": ${kinds.length === 1 ? `${whose} no such field` : `${whose} such a field`}`,
      );
    }
  };
  check(Object.values(mapping.columns), all, 'columns');
  check(Object.keys(mapping.constants), all, 'constants');
  const kinds: ImportMapping['kinds'] = {};
  for (const [name, perKind] of Object.entries(mapping.kinds)) {
    let kind: EntityKind;
    try {
      kind = parseKindOption(name);
    } catch (err) {
      throw new CliError(`the mapping ${path}: kinds.${name}: ${(err as Error).message}`);
    }
    check(Object.values(perKind.columns), [kind], `kinds.${name}.columns`);
    check(Object.keys(perKind.constants), [kind], `kinds.${name}.constants`);
    // `receipts`, `Receipt` and `receipt` all mean the receipt kind.
    kinds[kind.name] = perKind;
  }
  mapping.kinds = kinds;
  if (mapping.dateFormat !== undefined) {
    try {
      compileDateFormat(mapping.dateFormat);
    } catch (err) {
      if (err instanceof ValueError) throw new CliError(`the mapping ${path}: ${err.message}`);
      throw err;
    }
  }
  return mapping;
}
