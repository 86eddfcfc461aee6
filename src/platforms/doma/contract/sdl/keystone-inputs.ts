import type { ListField, ListModel } from './list-model.js';

/** Keystone 5's filter suffixes per field kind (the `_in` / `_not_in` ones take lists). */
const TEXT_OPS = ['', '_not', '_contains', '_not_contains', '_starts_with', '_not_starts_with', '_ends_with']
  .concat(['_not_ends_with', '_i', '_not_i', '_contains_i', '_not_contains_i', '_starts_with_i'])
  .concat(['_not_starts_with_i', '_ends_with_i', '_not_ends_with_i']);
const ORDER_OPS = ['', '_not', '_lt', '_lte', '_gt', '_gte'];
const EQUALITY_OPS = ['', '_not'];

/** The GraphQL type a field's value has in filters and on create/update. */
function valueType(f: ListField): string {
  switch (f.kind) {
    case 'int':
      return 'Int';
    case 'bool':
      return 'Boolean';
    case 'id':
      return 'ID';
    case 'json':
      return 'JSON';
    case 'enum':
    case 'jsonOf':
      return f.ref as string;
    default:
      return 'String';
  }
}

/** `[name, type]` pairs a field adds to its list's `*WhereInput`. */
function whereFields(f: ListField): Array<[string, string]> {
  const scalar = (ops: string[]): Array<[string, string]> => {
    const t = valueType(f);
    const lists: Array<[string, string]> = [
      [`${f.name}_in`, `[${t}]`],
      [`${f.name}_not_in`, `[${t}]`],
    ];
    return [...ops.map((op): [string, string] => [f.name + op, t]), ...lists];
  };
  switch (f.kind) {
    case 'text':
      return scalar(TEXT_OPS);
    case 'int':
    case 'ord':
      return scalar(ORDER_OPS);
    case 'bool':
      return EQUALITY_OPS.map((op) => [f.name + op, 'Boolean']);
    case 'pwd':
      return [[`${f.name}_is_set`, 'Boolean']];
    case 'one':
      return [
        [f.name, `${f.ref}WhereInput`],
        [`${f.name}_is_null`, 'Boolean'],
      ];
    case 'many':
      return ['_every', '_some', '_none'].map((op) => [f.name + op, `${f.ref}WhereInput`]);
    default:
      return scalar(EQUALITY_OPS);
  }
}

/** Json, File, Password and `newId` cannot be sorted by. */
const UNSORTABLE = new Set(['json', 'jsonOf', 'uuid', 'file', 'pwd']);

/** A field's type on create and update. */
function writeType(f: ListField): string {
  if (f.kind === 'one') return `${f.ref}RelateToOneInput`;
  if (f.kind === 'many') return `${f.ref}RelateToManyInput`;
  if (f.kind === 'file') return 'FileMeta';
  return valueType(f);
}

const input = (name: string, fields: Array<[string, string]>) =>
  `input ${name} {\n${fields.map(([n, t]) => `  ${n}: ${t}`).join('\n')}\n}`;

/** The SDL of one type Keystone derives from a list, by the type's name; undefined when not one. */
export function keystoneType(l: ListModel, typeName: string): string | undefined {
  const L = l.name;
  // Keystone assigns `id` itself; other ID-typed fields (an invite code) are written like any other.
  const writable = () => l.fields.filter((f) => f.name !== 'id');
  switch (typeName) {
    case `${L}WhereInput`:
      return input(typeName, [
        ['AND', `[${typeName}]`],
        ['OR', `[${typeName}]`],
        ...l.fields.flatMap(whereFields),
      ]);
    case `${L}WhereUniqueInput`:
      return input(typeName, [['id', 'ID!']]);
    case `Sort${l.plural}By`: {
      const sortable = l.fields.filter((f) => !UNSORTABLE.has(f.kind));
      return `enum ${typeName} {\n${sortable.map((f) => `  ${f.name}_ASC\n  ${f.name}_DESC`).join('\n')}\n}`;
    }
    case `${L}CreateInput`:
    case `${L}UpdateInput`:
      return input(
        typeName,
        writable().map((f) => [f.name, writeType(f)]),
      );
    case `${L}RelateToOneInput`:
    case `${L}RelateToManyInput`: {
      const many = typeName.endsWith('ManyInput');
      const of = (t: string) => (many ? `[${t}]` : t);
      return input(typeName, [
        ['create', of(`${L}CreateInput`)],
        ['connect', of(`${L}WhereUniqueInput`)],
        ['disconnect', of(`${L}WhereUniqueInput`)],
        ['disconnectAll', 'Boolean'],
      ]);
    }
    default:
      return undefined;
  }
}

/** The list a Keystone-derived type name belongs to, if any. */
export function listOfType(lists: ReadonlyMap<string, ListModel>, typeName: string): ListModel | undefined {
  const sort = /^Sort(\w+)By$/.exec(typeName);
  if (sort) return [...lists.values()].find((l) => l.plural === sort[1]);
  const m =
    /^(\w+?)(WhereUniqueInput|WhereInput|CreateInput|UpdateInput|RelateToOneInput|RelateToManyInput)$/.exec(
      typeName,
    );
  return m ? lists.get(m[1] as string) : undefined;
}
