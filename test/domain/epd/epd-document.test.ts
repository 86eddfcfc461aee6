import { describe, expect, it } from 'vitest';
import { subtractDecimal } from '../../../src/domain/decimal.js';
import { epdDocumentOf } from '../../../src/domain/epd/epd-document-of.js';
import { epdQr } from '../../../src/domain/epd/epd-qr.js';
import { EpdRequisitesError } from '../../../src/domain/epd/epd-requisites.js';
import { parseGostQr } from '../../../src/domain/epd/parse-gost-qr.js';
import { paymentDueDate } from '../../../src/domain/epd/payment-due-date.js';
import { publicEpd } from '../../../src/domain/epd/public-epd.js';
import { premiseAddress } from '../../../src/domain/premise-address.js';
import { epdSources } from '../../support/epd-fixture.js';

describe('ЕПД document and its payment QR', () => {
  it('assembles what the receipt, account, premise, house, organisation and meters say', () => {
    const doc = epdDocumentOf(epdSources());
    expect(doc.payer).toEqual({
      fullName: 'Иванов Евгений Борисович',
      isCompany: false,
      address: 'г Москва, ул Маломосковская, д 14, кв. 706',
      els: '70БВ000584',
      area: '54.3',
      residentsCount: 3,
    });
    // Bank name and correspondent account come from the organisation's matching bank account.
    expect(doc.recipient).toMatchObject({
      name: 'ООО «УК uk-epd»',
      bankName: 'ПАО Сбербанк',
      corrAccount: '30101810400000000225',
    });
    expect(doc.summary).toMatchObject({
      charge: 671841,
      privilege: 5000,
      recalculation: -770,
      penalty: 1234,
    });
    expect(doc.dueDate).toBe('2026-11-15');
    // The reading of 2026-11-20 is after the period: the two before it are shown.
    expect(doc.meters[0]).toMatchObject({
      previous: { date: '2026-09-20' },
      current: { date: '2026-10-20', values: ['124.340'] },
    });
    expect(doc.meters[1]?.current?.values).toEqual(['8970', '3065']);
  });

  it('puts the mandatory requisites first and the sum to the kopeck; the public variant has no ФИО', () => {
    const doc = epdDocumentOf(epdSources());
    const qr = epdQr(doc);
    const fields = parseGostQr(qr.bytes).fields;
    expect(fields.slice(0, 5)).toEqual([
      ['Name', 'ООО «УК uk-epd»'],
      ['PersonalAcc', '40702810138250123017'],
      ['BankName', 'ПАО Сбербанк'],
      ['BIC', '044525225'],
      ['CorrespAcc', '30101810400000000225'],
    ]);
    const f = Object.fromEntries(fields);
    expect(f).toMatchObject({
      PayeeINN: '7736050003',
      KPP: '773601001',
      PersAcc: '4200003151',
      LastName: 'Иванов',
      FirstName: 'Евгений',
      MiddleName: 'Борисович',
      PaymPeriod: '102026',
      Sum: String(doc.summary.toPay),
      TechCode: '02',
    });
    expect(Number(f.Sum)).toBe(671841 - 5000 - 770 + 1234);
    expect(Object.fromEntries(parseGostQr(epdQr(doc, { persAcc: 'els' }).bytes).fields).PersAcc).toBe(
      '70БВ000584',
    );

    const pub = publicEpd(doc);
    expect(pub.payer.fullName).toBeUndefined();
    const pf = Object.fromEntries(parseGostQr(epdQr(pub).bytes).fields);
    expect(Object.keys(pf)).not.toContain('LastName');
    expect(JSON.stringify(pf)).not.toMatch(/Иванов|Евгений|Борисович/);
    expect(pf.PayerAddress).toBe(doc.payer.address);
  });

  it('leaves the sum out when nothing is due (an advance)', () => {
    const doc = epdDocumentOf(epdSources(undefined, { toPay: '-15.00' }));
    expect(Object.keys(Object.fromEntries(parseGostQr(epdQr(doc).bytes).fields))).not.toContain('Sum');
  });

  it('makes no QR with a requisite that fails its check, and names the field', () => {
    const base = epdDocumentOf(epdSources());
    const failure = (recipient: Record<string, unknown>) => {
      try {
        epdQr({ ...base, recipient: { ...base.recipient, ...recipient } });
      } catch (err) {
        expect(err).toBeInstanceOf(EpdRequisitesError);
        return (err as EpdRequisitesError).field;
      }
      return 'none';
    };
    expect(failure({ corrAccount: '30101810500000000225' })).toBe('recipient.corrAccount');
    expect(failure({ account: '40702810138250123018' })).toBe('recipient.account');
    expect(failure({ bik: '44525225' })).toBe('recipient.bik');
    expect(failure({ inn: '7736050004' })).toBe('recipient.inn');
    expect(failure({ kpp: '77360100' })).toBe('recipient.kpp');
    expect(failure({ bankName: undefined })).toBe('recipient.bankName');
    expect(failure({ corrAccount: undefined })).toBe('recipient.corrAccount');
    expect(failure({ name: ' ' })).toBe('recipient.name');
    expect(failure({})).toBe('none');
  });

  it('due dates, unit addresses and reading differences', () => {
    expect(paymentDueDate('2026-01')).toBe('2026-02-10');
    expect(paymentDueDate('2026-02')).toBe('2026-03-15');
    expect(paymentDueDate('2026-12')).toBe('2027-01-15');
    expect(premiseAddress({ address: 'ул Заречная, д 13' }, { type: 'parking', number: '151' })).toBe(
      'ул Заречная, д 13, м/м 151',
    );
    expect(subtractDecimal('124.340', '120.125')).toBe('4.215');
    expect(subtractDecimal('8970', '8811')).toBe('159');
    expect(subtractDecimal('1.5', '2.25')).toBe('-0.75');
    expect(subtractDecimal('0.05', '0')).toBe('0.05');
  });
});
