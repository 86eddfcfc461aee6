import { MONTH_NAMES } from '../month-names.js';
import { periodToMMYYYY } from '../period.js';
import { categoryTitle } from './category-title.js';
import type { EpdDocument } from './epd-document.js';
import { checkEpdRequisites } from './epd-requisites.js';
import { buildGostQr, type GostQr, type GostQrField } from './gost-qr.js';
import { splitFullName } from './payer-name.js';

export interface EpdQrOptions {
  /** 1 = windows-1251 (the default most bank apps read), 2 = UTF-8. */
  charset?: 1 | 2;
  /** PersAcc: the billing's account number (default: what payments come back with) or the ЕЛС when the account has one. */
  persAcc?: 'account' | 'els';
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * The payment QR of an ЕПД (ГОСТ Р 56042-2014): the five mandatory requisites first, then PayeeINN,
 * KPP, PersAcc, the payer's name (full variant, a person only), PayerAddress, Purpose, PaymPeriod,
 * Sum in kopecks and TechCode 02 (housing and utilities). Requisites are checked first
 * (EpdRequisitesError names the field). Names the standard limits are shortened to its limits —
 * they are shown to the payer, while the digits that route the money are never altered. Sum is left
 * out when nothing is due (an advance): the payer types the amount.
 */
export function epdQr(doc: EpdDocument, opts: EpdQrOptions = {}): GostQr {
  const r = checkEpdRequisites(doc.recipient);
  const f: GostQrField[] = [
    ['Name', clip(r.name, 160)],
    ['PersonalAcc', r.account],
    ['BankName', clip(r.bankName, 45)],
    ['BIC', r.bik],
    ['CorrespAcc', r.corrAccount],
    ['PayeeINN', r.inn],
  ];
  if (r.kpp) f.push(['KPP', r.kpp]);
  f.push(['PersAcc', opts.persAcc === 'els' && doc.payer.els ? doc.payer.els : doc.accountNumber]);
  if (doc.payer.fullName && !doc.payer.isCompany) {
    const name = splitFullName(doc.payer.fullName);
    f.push(['LastName', name.lastName]);
    if (name.firstName) f.push(['FirstName', name.firstName]);
    if (name.middleName) f.push(['MiddleName', name.middleName]);
  }
  if (doc.payer.address) f.push(['PayerAddress', doc.payer.address]);
  f.push(['Purpose', clip(epdPurpose(doc), 210)]);
  f.push(['PaymPeriod', periodToMMYYYY(doc.period)]);
  if (doc.summary.toPay > 0) f.push(['Sum', String(doc.summary.toPay)]);
  f.push(['TechCode', '02']);
  return buildGostQr(f, opts.charset ? { charset: opts.charset } : {});
}

/** "Оплата: жилищно-коммунальные услуги за октябрь 2026, л/с 4200003151". */
export function epdPurpose(doc: Pick<EpdDocument, 'category' | 'period' | 'accountNumber'>): string {
  const month = MONTH_NAMES[Number(doc.period.slice(5, 7)) - 1];
  return `Оплата: ${categoryTitle(doc.category)} за ${month} ${doc.period.slice(0, 4)}, л/с ${doc.accountNumber}`;
}
