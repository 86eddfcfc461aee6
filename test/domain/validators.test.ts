import { describe, expect, it } from 'vitest';
import {
  explainBik,
  explainCorrespondentAccount,
  explainEls,
  explainInn,
  explainIzhku,
  explainKpp,
  explainOgrn,
  explainPaymentDocumentId,
  explainSettlementAccount,
  isValidBik,
  isValidCorrespondentAccount,
  isValidEls,
  isValidInn,
  isValidIzhku,
  isValidKpp,
  isValidOgrn,
  isValidPaymentDocumentId,
  isValidSettlementAccount,
} from '../../src/domain/validators/index.js';

// Check-digit vectors are public test data from domain.md in the shared reference, hard-coded on purpose.

describe('ИНН', () => {
  it.each([
    '7736050003',
    '7830002293',
    '1654019570',
    '6311095616',
    '7707083893',
    '1234567894',
    '781100086042',
    '500100732259',
    '500110474504',
    '123456789047',
  ])('%s is valid', (inn) => {
    expect(isValidInn(inn)).toBe(true);
    expect(explainInn(inn)).toBeNull();
  });

  it.each<[string, string]>([
    ['1234567895', 'check digit 5 does not match expected 4'],
    ['123456789037', 'check digit 11 (first of two) 3 does not match expected 4'],
    ['123456789048', 'check digit 12 (second of two) 8 does not match expected 7'],
    ['12345678904', 'ИНН must have 10 or 12 digits, got 11'],
    ['123456789', 'ИНН must have 10 or 12 digits, got 9'],
    ['', 'ИНН "" must contain digits only'],
    ['77070838 3', 'ИНН "77070838 3" must contain digits only'],
    ['770708389O', 'ИНН "770708389O" must contain digits only'],
  ])('%j is invalid: %s', (inn, reason) => {
    expect(isValidInn(inn)).toBe(false);
    expect(explainInn(inn)).toBe(reason);
  });

  // The seed's own example: 9717025407 — (9·2+7·4+1·10+7·3+0·5+2·9+5·4+4·6+0·8) = 139, 139 mod 11 = 7,
  // which equals the last digit, so it IS a valid ИНН-10.
  it('seed example tin 9717025407 is valid', () => {
    expect(isValidInn('9717025407')).toBe(true);
    expect(explainInn('9717025407')).toBeNull();
  });
});

describe('КПП', () => {
  it.each(['771401001', '7707AB001', '770701001', '7707Z9001'])('%s is valid', (kpp) => {
    expect(isValidKpp(kpp)).toBe(true);
    expect(explainKpp(kpp)).toBeNull();
  });

  it.each<[string, string]>([
    ['7707ab001', 'КПП "7707ab001" must be 4 digits, 2 digits or Latin capitals, then 3 digits'],
    ['77A401001', 'КПП "77A401001" must be 4 digits, 2 digits or Latin capitals, then 3 digits'],
    ['771401A01', 'КПП "771401A01" must be 4 digits, 2 digits or Latin capitals, then 3 digits'],
    ['7707АБ001', 'КПП "7707АБ001" must be 4 digits, 2 digits or Latin capitals, then 3 digits'],
    ['77140100', 'КПП must have 9 characters, got 8'],
    ['7714010011', 'КПП must have 9 characters, got 10'],
  ])('%j is invalid: %s', (kpp, reason) => {
    expect(isValidKpp(kpp)).toBe(false);
    expect(explainKpp(kpp)).toBe(reason);
  });
});

describe('БИК', () => {
  it.each(['044525225', '004525988', '044030827', '049805746', '012345678', '212345678'])(
    '%s is valid',
    (bik) => {
      expect(isValidBik(bik)).toBe(true);
      expect(explainBik(bik)).toBeNull();
    },
  );

  it.each<[string, string]>([
    ['344525225', 'БИК must start with 0, 1 or 2, got 3'],
    ['04452522', 'БИК must have 9 digits, got 8'],
    ['0445252250', 'БИК must have 9 digits, got 10'],
    ['04452522O', 'БИК "04452522O" must contain digits only'],
    ['', 'БИК "" must contain digits only'],
  ])('%j is invalid: %s', (bik, reason) => {
    expect(isValidBik(bik)).toBe(false);
    expect(explainBik(bik)).toBe(reason);
  });
});

describe('ОГРН / ОГРНИП', () => {
  it.each(['1027700132195', '1022500001325', '307760324100018', '304500116000061'])('%s is valid', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(true);
    expect(explainOgrn(ogrn)).toBeNull();
  });

  it.each<[string, string]>([
    ['1027700132194', 'check digit 4 does not match expected 5'],
    ['307760324100017', 'check digit 7 does not match expected 8'],
    ['10277001321950', 'ОГРН must have 13 digits (ОГРНИП 15), got 14'],
    ['102770013219', 'ОГРН must have 13 digits (ОГРНИП 15), got 12'],
    ['102770013219X', 'ОГРН "102770013219X" must contain digits only'],
  ])('%j is invalid: %s', (ogrn, reason) => {
    expect(isValidOgrn(ogrn)).toBe(false);
    expect(explainOgrn(ogrn)).toBe(reason);
  });
});

describe('ЕЛС and ИЖКУ', () => {
  it.each(['70БВ000584', '01АЯ999999', '99ЁЁ000000'])('ЕЛС %s is valid', (els) => {
    expect(isValidEls(els)).toBe(true);
    expect(explainEls(els)).toBeNull();
  });

  it.each<[string, string]>([
    [
      '70BB000584',
      'ЕЛС "70BB000584" has Latin letters where Cyrillic capitals are required (characters 3–4)',
    ],
    ['70бв000584', 'ЕЛС "70бв000584" must be 2 digits, 2 Cyrillic capitals, then 6 digits'],
    ['7БВ0000584', 'ЕЛС "7БВ0000584" must be 2 digits, 2 Cyrillic capitals, then 6 digits'],
    ['70БВ00058Б', 'ЕЛС "70БВ00058Б" must be 2 digits, 2 Cyrillic capitals, then 6 digits'],
    ['70БВ00058', 'ЕЛС must have 10 characters, got 9'],
    ['70БВ0005840', 'ЕЛС must have 10 characters, got 11'],
  ])('ЕЛС %j is invalid: %s', (els, reason) => {
    expect(isValidEls(els)).toBe(false);
    expect(explainEls(els)).toBe(reason);
  });

  it.each(['70БВ000584-01', '70БВ000584-99'])('ИЖКУ %s is valid', (izhku) => {
    expect(isValidIzhku(izhku)).toBe(true);
    expect(explainIzhku(izhku)).toBeNull();
  });

  it.each<[string, string]>([
    ['70БВ000584', 'ИЖКУ must have 13 characters, got 10'],
    ['70БВ000584-1', 'ИЖКУ must have 13 characters, got 12'],
    ['70БВ000584_01', 'ИЖКУ "70БВ000584_01" must be an ЕЛС followed by "-" and 2 digits'],
    ['70БВ000584-0A', 'ИЖКУ "70БВ000584-0A" must be an ЕЛС followed by "-" and 2 digits'],
    [
      '70BB000584-01',
      'ИЖКУ "70BB000584-01": ЕЛС "70BB000584" has Latin letters where Cyrillic capitals are required ' +
        '(characters 3–4)',
    ],
  ])('ИЖКУ %j is invalid: %s', (izhku, reason) => {
    expect(isValidIzhku(izhku)).toBe(false);
    expect(explainIzhku(izhku)).toBe(reason);
  });
});

describe('payment document id', () => {
  it.each(['70БВ000584-01-1234', '12АБ345678ABCDEF12', '000000000000000000'])('%s is valid', (id) => {
    expect(isValidPaymentDocumentId(id)).toBe(true);
    expect(explainPaymentDocumentId(id)).toBeNull();
  });

  it.each<[string, string]>([
    ['70БВ000584-01-123', 'payment document id must have 18 characters, got 17'],
    ['70БВ000584-01-12345', 'payment document id must have 18 characters, got 19'],
    [
      '70бв000584-01-1234',
      'payment document id "70бв000584-01-1234" may contain only digits, capital letters and "-"',
    ],
    [
      '70БВ000584 01 1234',
      'payment document id "70БВ000584 01 1234" may contain only digits, capital letters and "-"',
    ],
  ])('%j is invalid: %s', (id, reason) => {
    expect(isValidPaymentDocumentId(id)).toBe(false);
    expect(explainPaymentDocumentId(id)).toBe(reason);
  });
});

describe('расчётный счёт', () => {
  it.each<[string, string]>([
    // Credit institution: prefix = last 3 digits of the БИК.
    ['40702810900000002851', '044030827'],
    ['40647859100000003330', '040033685'],
    ['50300807000000002104', '044712578'],
    ['40702810801400016513', '044525593'],
    ['40602810700000000025', '049805746'],
    ['40702810138250123017', '044525225'],
    // Bank of Russia unit (БИК digits 7–8 "00"): prefix "0" + БИК digits 5–6 = "006".
    ['40701810000001002118', '044106001'],
    // Treasury single account 40102…: prefix "0" + БИК digits 5–6 = "059".
    ['40102810545370000003', '004525988'],
    // Treasury account starting 03: no key, any 20 digits.
    ['03100643000000018500', '004525988'],
    ['03234643000000000000', '004525988'],
  ])('%s at БИК %s is valid', (account, bik) => {
    expect(isValidSettlementAccount(account, bik)).toBe(true);
    expect(explainSettlementAccount(account, bik)).toBeNull();
  });

  it.each<[string, string, string]>([
    ['50300807000003002104', '044712576', 'key digit 0 does not match expected 1 (prefix 576)'],
    // A one-digit change anywhere in a valid account breaks the key.
    ['40702810138250123018', '044525225', 'key digit 1 does not match expected 4 (prefix 225)'],
    // The right account at the wrong bank.
    ['40702810138250123017', '044525593', 'key digit 1 does not match expected 7 (prefix 593)'],
    // The Bank of Russia prefix matters: with the last-3-digits prefix this account would fail.
    ['40701810000001002118', '044106101', 'key digit 0 does not match expected 6 (prefix 101)'],
    ['4070281013825012301', '044525225', 'account "4070281013825012301" must be exactly 20 digits'],
    ['0310064300000001850', '004525988', 'account "0310064300000001850" must be exactly 20 digits'],
    ['4070281013825012301A', '044525225', 'account "4070281013825012301A" must be exactly 20 digits'],
    ['40702810138250123017', '04452522', 'БИК "04452522" must be exactly 9 digits'],
  ])('%s at БИК %s is invalid: %s', (account, bik, reason) => {
    expect(isValidSettlementAccount(account, bik)).toBe(false);
    expect(explainSettlementAccount(account, bik)).toBe(reason);
  });

  // The "expected" digit in the reason must be the one that actually repairs the account.
  it.each<[string, string]>([
    ['50300807000003002104', '044712576'],
    ['40702810138250123018', '044525225'],
    ['40702810138250123017', '044525593'],
    ['40701810000001002118', '044106101'],
  ])('the suggested key for %s at БИК %s makes it valid', (account, bik) => {
    const expected = /expected (\d)/.exec(explainSettlementAccount(account, bik) ?? '')?.[1];
    expect(expected).toBeDefined();
    const repaired = `${account.slice(0, 8)}${expected}${account.slice(9)}`;
    expect(isValidSettlementAccount(repaired, bik)).toBe(true);
  });

  // The seed's own examples, computed with the rules above: both keys check out (prefix = last 3 digits of
  // the БИК, sums 90 and 100), so both pairs ARE valid.
  it.each<[string, string]>([
    ['40702810701100008293', '044525593'],
    ['40705810338000001351', '044525225'],
  ])('seed example %s at БИК %s is valid', (account, bik) => {
    expect(isValidSettlementAccount(account, bik)).toBe(true);
    expect(explainSettlementAccount(account, bik)).toBeNull();
  });
});

describe('корреспондентский счёт', () => {
  it.each<[string, string]>([
    ['30101810400000000225', '044525225'],
    ['30101810200000000827', '044030827'],
  ])('%s at БИК %s is valid', (account, bik) => {
    expect(isValidCorrespondentAccount(account, bik)).toBe(true);
    expect(explainCorrespondentAccount(account, bik)).toBeNull();
  });

  it.each<[string, string, string]>([
    ['30101810500000000225', '044525225', 'key digit 5 does not match expected 4 (prefix 025)'],
    ['30101810400000000225', '044525593', 'correspondent account ends 225 but the БИК ends 593'],
    ['40702810138250123017', '044525225', 'correspondent account "40702810138250123017" must start with 301'],
    ['3010181040000000022', '044525225', 'account "3010181040000000022" must be exactly 20 digits'],
    ['30101810400000000225', '44525225', 'БИК "44525225" must be exactly 9 digits'],
  ])('%s at БИК %s is invalid: %s', (account, bik, reason) => {
    expect(isValidCorrespondentAccount(account, bik)).toBe(false);
    expect(explainCorrespondentAccount(account, bik)).toBe(reason);
  });

  it('the suggested key repairs the invalid vector into the valid one', () => {
    const expected = /expected (\d)/.exec(
      explainCorrespondentAccount('30101810500000000225', '044525225') ?? '',
    );
    expect(expected?.[1]).toBe('4');
    expect(isValidCorrespondentAccount('30101810400000000225', '044525225')).toBe(true);
  });
});
