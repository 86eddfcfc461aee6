import { describe, expect, it } from 'vitest';
import { type EntityKind, type EntityKindName, entityKinds } from '../../../src/domain/entity-kinds.js';
import { COLUMN_NAMES, IGNORED_COLUMN_NAMES } from '../../../src/domain/import/column-names.js';
import { DEBT_SIGNED_FIELDS } from '../../../src/domain/import/debt-signed-fields.js';
import { DERIVATIONS } from '../../../src/domain/import/derivations.js';
import { ENUM_VALUE_NAMES } from '../../../src/domain/import/enum-value-names.js';
import { fieldAt } from '../../../src/domain/import/field-type-at.js';
import { normalizeName } from '../../../src/domain/import/normalize-name.js';
import { resolveTarget } from '../../../src/domain/import/resolve-target.js';

const kindOf = (name: string) => entityKinds[name as EntityKindName] as EntityKind;
const tables = Object.entries(COLUMN_NAMES) as [EntityKindName, Record<string, readonly string[]>][];

/** The target a header means for a kind, through the table as planColumns reads it. */
function targetOf(kind: EntityKindName, header: string): string | undefined {
  const n = normalizeName(header);
  return Object.entries(COLUMN_NAMES[kind] ?? {}).find(([, names]) =>
    names.some((x) => normalizeName(x) === n),
  )?.[0];
}

describe('the table of 1С column names', () => {
  it.each(tables)(
    'every %s target is a field of the model (or of its line, house, premise or an input)',
    (kind, table) => {
      for (const target of Object.keys(table)) {
        expect(resolveTarget(kindOf(kind), target), `${kind}: ${target}`).toBeDefined();
      }
    },
  );

  it.each(tables)('no %s column name means two fields, and none is a row-number column', (kind, table) => {
    const seen = new Map<string, string>();
    const ignored = new Set(IGNORED_COLUMN_NAMES.map(normalizeName));
    for (const [target, names] of Object.entries(table)) {
      for (const name of names) {
        const n = normalizeName(name);
        const other = seen.get(n);
        expect(other === undefined || other === target, `${kind}: «${name}» is ${other} and ${target}`).toBe(
          true,
        );
        expect(ignored.has(n), `${kind}: «${name}» is also ignored`).toBe(false);
        seen.set(n, target);
      }
    }
  });

  it('knows the columns billing engineers write, case- and spacing-insensitively', () => {
    const expected: [EntityKindName, string, string][] = [
      ['account', 'Лицевой счет', 'number'],
      ['account', 'ЛИЦЕВОЙ  СЧЁТ:', 'number'],
      ['account', 'л / с', 'number'],
      ['account', 'ФИО', 'ownerName'],
      ['account', 'Адрес', 'house.address'],
      ['account', 'Кв.', 'premise.number'],
      ['account', 'Площадь', 'premise.area'],
      ['receipt', 'Л/с', 'accountNumber'],
      ['receipt', 'Услуга', 'lines.name'],
      ['receipt', 'Тариф', 'lines.tariff'],
      ['receipt', 'Объём', 'lines.volume'],
      ['receipt', 'Начислено', 'lines.charge'],
      ['receipt', 'Перерасчёт', 'lines.recalculation'],
      ['receipt', 'Льгота', 'lines.privilege'],
      ['receipt', 'К оплате', 'lines.toPay'],
      ['receipt', 'Итого к оплате', 'toPay'],
      ['receipt', 'Долг', 'balance'],
      ['receipt', 'Пени', 'penalty'],
      ['receipt', 'Период', 'period'],
      ['payment', 'Дата', 'paidAt'],
      ['payment', 'Сумма', 'amount'],
      ['reading', 'Номер ПУ', '@meterNumber'],
      ['reading', 'Показание', 'value1'],
      ['reading', 'Дата', 'date'],
      ['meter', 'Номер ПУ', 'number'],
      ['balance', 'Долг', 'amount'],
    ];
    for (const [kind, header, target] of expected)
      expect(targetOf(kind, header), `${kind}: ${header}`).toBe(target);
  });

  it('derives only fields the model has, from targets the table or the model knows', () => {
    for (const [kind, fields] of Object.entries(DERIVATIONS)) {
      for (const [field, alternatives] of Object.entries(fields)) {
        expect(resolveTarget(kindOf(kind), field), `${kind}.${field}`).toBeDefined();
        for (const target of alternatives.flat()) {
          expect(resolveTarget(kindOf(kind), target), `${kind}.${field} ← ${target}`).toBeDefined();
        }
      }
    }
  });

  it('turns the sign of money fields only', () => {
    for (const [kind, fields] of Object.entries(DEBT_SIGNED_FIELDS)) {
      for (const field of fields)
        expect(fieldAt(kindOf(kind).schema, [field])?.fieldType).toEqual({ type: 'money' });
    }
  });

  it('names the values of enums the model has, every value of each', () => {
    const enums: string[] = [];
    const visit = (schema: EntityKind['schema'], prefix: (string | number)[]) => {
      const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      for (const name of Object.keys(shape)) {
        const info = fieldAt(schema, [...prefix, name]);
        if (info?.fieldType.type === 'enum') enums.push([...info.fieldType.values].sort().join('|'));
      }
    };
    for (const kind of Object.values(entityKinds) as EntityKind[]) visit(kind.schema, []);
    for (const [name, table] of Object.entries(ENUM_VALUE_NAMES)) {
      expect(enums, name).toContain(Object.keys(table).sort().join('|'));
    }
  });
});
