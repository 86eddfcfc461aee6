/**
 * A Keystone list of the platform (condo is a Keystone 5 fork) as our SDL generator needs it: its
 * fields in order, each with the kind that decides its filters, sort values and create/update type.
 * The platform's `*WhereInput`, `Sort*By`, `*CreateInput`, `*UpdateInput` and `*RelateTo*Input`
 * types follow from these by Keystone's rules (keystone-inputs.ts).
 *
 * A field is written `name:kind`:
 * - `text` (Text: 18 string operators), `int` (Integer), `ord` (dates, decimals, calendar days:
 *   strings with the ordering operators), `bool` (Checkbox), `id`, `pwd` (Password: `_is_set` only);
 * - `json` (Json), `json=Type` (a Json field with a typed input, e.g. `json=SenderFieldInput`);
 * - `enum` (Select with an enum named `<List><Field>Type`), `enum=Name` (another enum name);
 * - `sel` (a Select stored as a string: equality operators, sortable), `uuid` (equality operators,
 *   not sortable: `newId`), `file` (a File: equality operators, `FileMeta` on create);
 * - `>List` (a relation to one), `*List` (a relation to many).
 * `@tracked` stands for the fields every versioned, tracked, soft-deleted list with `dv`/`sender` has.
 */
export type FieldKind =
  | 'text'
  | 'int'
  | 'ord'
  | 'bool'
  | 'id'
  | 'pwd'
  | 'json'
  | 'sel'
  | 'uuid'
  | 'file'
  | 'jsonOf'
  | 'enum'
  | 'one'
  | 'many';

export interface ListField {
  name: string;
  kind: FieldKind;
  /** The enum's name (`enum`), the input type (`jsonOf`) or the related list (`one`, `many`). */
  ref?: string;
}

export interface ListModel {
  name: string;
  /** `Sort<plural>By`; Keystone's plural of the list name. */
  plural: string;
  fields: ListField[];
}

const TRACKED =
  'id:id v:int createdAt:ord updatedAt:ord createdBy:>User updatedBy:>User deletedAt:ord newId:uuid dv:int sender:json=SenderFieldInput';

const SIMPLE = new Set(['text', 'int', 'ord', 'bool', 'id', 'pwd', 'json', 'sel', 'uuid', 'file']);

function parseField(list: string, token: string): ListField {
  const at = token.indexOf(':');
  const name = token.slice(0, at);
  const kind = token.slice(at + 1);
  if (at < 1 || !kind) throw new Error(`${list}: bad field "${token}"`);
  if (kind.startsWith('>')) return { name, kind: 'one', ref: kind.slice(1) };
  if (kind.startsWith('*')) return { name, kind: 'many', ref: kind.slice(1) };
  if (kind === 'enum')
    return { name, kind: 'enum', ref: `${list}${name[0]?.toUpperCase()}${name.slice(1)}Type` };
  if (kind.startsWith('enum=')) return { name, kind: 'enum', ref: kind.slice(5) };
  if (kind.startsWith('json=')) return { name, kind: 'jsonOf', ref: kind.slice(5) };
  if (SIMPLE.has(kind)) return { name, kind: kind as FieldKind };
  throw new Error(`${list}: unknown kind in "${token}"`);
}

/** Keystone's plural: "Property" → "Properties", "Meter" → "Meters". */
function pluralOf(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  return /(s|x|ch|sh)$/.test(name) ? `${name}es` : `${name}s`;
}

/** A list from its field notation (see the file comment). */
export function list(name: string, spec: string): ListModel {
  const tokens = spec.replace('@tracked', TRACKED).trim().split(/\s+/);
  return { name, plural: pluralOf(name), fields: tokens.map((t) => parseField(name, t)) };
}
