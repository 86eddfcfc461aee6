import { COLUMN_NAMES } from '../import/column-names.js';
import type { ExportKind } from './export-kinds.js';

export type ColumnType = 'text' | 'date' | 'instant' | 'money' | 'decimal' | 'period';

export interface ExportColumn {
  /** The row's field, or `sources` / `sourceIds` for where the row came from. */
  field: string;
  header: string;
  type: ColumnType;
}

/** The import's first name for a target, so an export and an import speak of a field alike. */
const importName = (kind: 'reading' | 'payment', target: string): string => {
  const name = COLUMN_NAMES[kind]?.[target]?.[0];
  if (name === undefined) throw new Error(`no import column name for ${kind}.${target}`);
  return name;
};

const col = (field: string, header: string, type: ColumnType = 'text'): ExportColumn => ({
  field,
  header,
  type,
});

const SOURCES = col('sources', 'Платформа');
const SOURCE_IDS = col('sourceIds', 'Код в источнике');

/**
 * The CSV columns of each kind, in order (README "Exports for 1С" lists them). Where the import
 * knows the field (readings, payments), the header is the import's own first name for it, so a file
 * written here is read back by `zhkh-bridge import` as the same fields.
 */
export const EXPORT_COLUMNS: Readonly<Record<ExportKind, readonly ExportColumn[]>> = {
  readings: [
    col('date', importName('reading', 'date'), 'date'),
    col('accountNumber', importName('reading', '@accountNumber')),
    col('meterNumber', importName('reading', '@meterNumber')),
    col('meterId', importName('reading', 'meterId')),
    col('value1', importName('reading', 'value1'), 'decimal'),
    col('value2', importName('reading', 'value2'), 'decimal'),
    col('value3', importName('reading', 'value3'), 'decimal'),
    col('value4', importName('reading', 'value4'), 'decimal'),
    col('occurredAt', 'Дата передачи', 'instant'),
    SOURCES,
    SOURCE_IDS,
  ],
  payments: [
    col('paymentId', importName('payment', 'id')),
    col('accountNumber', importName('payment', 'accountNumber')),
    col('paidAt', importName('payment', 'paidAt'), 'instant'),
    col('amount', importName('payment', 'amount'), 'money'),
    col('period', importName('payment', 'period'), 'period'),
    SOURCES,
    SOURCE_IDS,
  ],
  tickets: [
    col('number', 'Номер заявки'),
    col('createdAt', 'Дата', 'instant'),
    col('accountNumber', 'Лицевой счет'),
    col('status', 'Статус'),
    col('title', 'Тема'),
    col('text', 'Текст'),
    SOURCES,
    SOURCE_IDS,
  ],
  registrations: [
    col('requestId', 'Номер заявки'),
    col('createdAt', 'Дата', 'instant'),
    col('accountNumber', 'Лицевой счет'),
    col('fullName', 'ФИО'),
    col('phone', 'Телефон'),
    col('email', 'E-mail'),
    col('address', 'Адрес'),
    SOURCES,
    SOURCE_IDS,
  ],
};
