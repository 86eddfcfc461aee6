import type { EntityKindName } from '../entity-kinds.js';

/**
 * The column names 1С and the common billing programs write, per kind: target → names. Compared
 * case-, «ё»- and spacing-insensitively (normalizeName); the canonical field paths themselves
 * (`accountNumber`, `recipient.inn`, `lines.0.toPay`) are always accepted as well.
 *
 * A target is what the column fills (the same notation a mapping file uses):
 * - `field` or `nested.field` — a field of the kind's record;
 * - `lines.field` — receipts: a field of this row's service line (a flat export, one row per line);
 * - `house.field`, `premise.field` — accounts and premises: the house and premise made from the row
 *   (a flat export with the address on every account);
 * - `@name` — a value a key is derived from but which the record does not keep (a reading names
 *   its meter by account and meter number: `@accountNumber`, `@meterNumber`; `@serviceName`).
 *
 * The first name of each target is the one `import --template` writes.
 */
export type ColumnNames = Readonly<Record<string, readonly string[]>>;

const ACCOUNT_NUMBER = [
  'Лицевой счет',
  'Л/с',
  'Л/сч',
  'ЛС',
  'Лиц. счет',
  'Лиц.счет',
  'Номер ЛС',
  'Номер л/с',
  'Номер лицевого счета',
  'Лицевой',
];
const ADDRESS = ['Адрес', 'Адрес дома', 'Адрес объекта', 'Адрес помещения'];
const FIAS = ['ФИАС', 'Код ФИАС', 'ГУИД ФИАС', 'GUID ФИАС', 'ФИАС GUID', 'Код ГАР', 'ГАР', 'ФИАС дома'];
const FLAT = [
  'Кв.',
  'Кв',
  'Квартира',
  '№ кв.',
  '№ кв',
  'Номер квартиры',
  'Помещение',
  'Номер помещения',
  '№ помещения',
];
const PREMISE_AREA = ['Площадь', 'Общая площадь', 'Площадь помещения', 'Площадь общая'];
const SERVICE_NAME = ['Услуга', 'Наименование услуги', 'Вид услуги'];
const MEASURE = ['Ед. изм.', 'Ед.изм', 'Ед изм', 'Единица измерения', 'Ед.'];
const METER_NUMBER = [
  'Номер ПУ',
  '№ ПУ',
  'Номер счетчика',
  'Заводской номер',
  'Зав. номер',
  'Заводской номер ПУ',
  'Счетчик',
];

export const COLUMN_NAMES: Readonly<Partial<Record<EntityKindName, ColumnNames>>> = {
  house: {
    id: ['Код дома', 'ID дома', 'Идентификатор дома'],
    address: ADDRESS,
    fiasGuid: FIAS,
    region: ['Регион', 'Субъект РФ', 'Код региона'],
    city: ['Город', 'Населенный пункт'],
    street: ['Улица'],
    buildingNumber: ['Дом', 'Номер дома', '№ дома'],
    cadastral: ['Кадастровый номер', 'Кадастровый номер дома'],
  },
  premise: {
    id: ['Код помещения', 'ID помещения'],
    houseId: ['Код дома'],
    type: ['Тип помещения', 'Вид помещения'],
    number: FLAT,
    area: PREMISE_AREA,
    cadastral: ['Кадастровый номер', 'Кадастровый номер помещения'],
    floor: ['Этаж'],
    'house.address': ADDRESS,
    'house.fiasGuid': FIAS,
  },
  account: {
    number: ACCOUNT_NUMBER,
    els: ['ЕЛС', 'Единый лицевой счет', 'ЕЛС ГИС ЖКХ'],
    premiseId: ['Код помещения'],
    ownerName: [
      'ФИО',
      'Владелец',
      'Собственник',
      'ФИО собственника',
      'Абонент',
      'Плательщик',
      'ФИО плательщика',
    ],
    ownerType: ['Тип владельца', 'Вид лица'],
    state: ['Состояние', 'Статус', 'Статус ЛС'],
    openedOn: ['Дата открытия', 'Открыт'],
    closedOn: ['Дата закрытия', 'Закрыт'],
    area: ['Площадь ЛС', 'Площадь для начислений', 'Площадь для расчета', 'Отапливаемая площадь'],
    residentsCount: [
      'Количество проживающих',
      'Кол-во проживающих',
      'Проживает',
      'Прописано',
      'Кол-во прописанных',
      'Зарегистрировано',
    ],
    phones: ['Телефон', 'Телефоны', 'Моб. телефон', 'Мобильный телефон'],
    emails: ['E-mail', 'Email', 'Эл. почта', 'Электронная почта'],
    'house.id': ['Код дома'],
    'house.address': ADDRESS,
    'house.fiasGuid': FIAS,
    'premise.number': FLAT,
    'premise.type': ['Тип помещения', 'Вид помещения'],
    'premise.area': PREMISE_AREA,
    'premise.floor': ['Этаж'],
    'premise.cadastral': ['Кадастровый номер', 'Кадастровый номер помещения'],
  },
  service: {
    id: ['Код услуги', 'Код', 'ID услуги'],
    name: ['Услуга', 'Наименование', 'Наименование услуги', 'Вид услуги'],
    shortName: ['Краткое наименование', 'Сокращение'],
    measure: MEASURE,
    provider: ['Поставщик', 'Исполнитель', 'Поставщик услуги'],
  },
  tariff: {
    id: ['Код тарифа', 'Код'],
    name: ['Тариф', 'Наименование', 'Наименование тарифа'],
    serviceId: ['Код услуги'],
    '@serviceName': SERVICE_NAME,
    rate: ['Ставка', 'Значение', 'Цена', 'Размер тарифа', 'Стоимость единицы'],
    measure: MEASURE,
    cost: ['Стоимость', 'Абонентская плата'],
    validFrom: ['Действует с', 'Дата начала', 'Начало действия', 'Дата'],
    validTo: ['Действует по', 'Дата окончания', 'Окончание действия'],
  },
  receipt: {
    accountNumber: ACCOUNT_NUMBER,
    period: ['Период', 'Расчетный период', 'Месяц', 'Период начисления'],
    category: ['Категория', 'Вид квитанции', 'Вид начислений'],
    'recipient.name': ['Получатель', 'Наименование получателя'],
    'recipient.inn': ['ИНН получателя', 'ИНН'],
    'recipient.kpp': ['КПП получателя', 'КПП'],
    'recipient.bik': ['БИК', 'БИК банка'],
    'recipient.account': ['Расчетный счет', 'Р/с', 'Р/сч', 'Счет получателя'],
    'recipient.corrAccount': ['Корр. счет', 'К/с', 'Корсчет', 'Кор. счет'],
    'recipient.bankName': ['Банк', 'Наименование банка'],
    toPay: ['Итого к оплате', 'Всего к оплате', 'Сумма к оплате', 'Итого'],
    balance: [
      'Долг',
      'Задолженность',
      'Долг на начало',
      'Сальдо на начало',
      'Входящее сальдо',
      'Сальдо начальное',
    ],
    paid: ['Оплачено', 'Оплата', 'Поступило'],
    penalty: ['Пени'],
    charge: ['Начислено всего', 'Итого начислено'],
    privilege: ['Льгота всего', 'Льготы всего'],
    recalculation: ['Перерасчет всего', 'Перерасчеты всего'],
    'lines.serviceId': ['Код услуги'],
    'lines.name': SERVICE_NAME,
    'lines.charge': ['Начислено', 'Начисление', 'Сумма начисления'],
    'lines.privilege': ['Льгота', 'Льготы'],
    'lines.recalculation': ['Перерасчет', 'Перерасчеты', 'Корректировка'],
    'lines.toPay': ['К оплате', 'Сумма', 'Итого по услуге'],
    'lines.volume': ['Объем', 'Количество', 'Потребление', 'Расход'],
    'lines.tariff': ['Тариф', 'Цена'],
    'lines.measure': MEASURE,
  },
  meter: {
    id: ['Код ПУ', 'Код счетчика', 'ID ПУ'],
    accountNumber: ACCOUNT_NUMBER,
    serviceId: ['Код услуги'],
    '@serviceName': SERVICE_NAME,
    resource: ['Ресурс', 'Вид ресурса', 'Тип ПУ', 'Вид счетчика', 'Тип счетчика'],
    number: METER_NUMBER,
    tariffCount: ['Тарифность', 'Количество тарифов', 'Число тарифов'],
    place: ['Место установки', 'Расположение'],
    installationDate: ['Дата установки'],
    verificationDate: ['Дата поверки', 'Дата последней поверки'],
    nextVerificationDate: ['Дата следующей поверки', 'Следующая поверка', 'Поверка до'],
    commissioningDate: ['Дата ввода в эксплуатацию', 'Дата ввода'],
    sealingDate: ['Дата опломбировки', 'Дата пломбировки'],
    controlReadingsDate: ['Дата контрольных показаний'],
    archiveDate: ['Дата снятия', 'Дата вывода из эксплуатации', 'Дата вывода'],
  },
  reading: {
    meterId: ['Код ПУ', 'Код счетчика', 'ID ПУ'],
    '@accountNumber': ACCOUNT_NUMBER,
    '@meterNumber': METER_NUMBER,
    date: ['Дата', 'Дата показания', 'Дата показаний', 'Дата снятия показаний'],
    value1: ['Показание', 'Показания', 'Текущее показание', 'Показание Т1', 'Т1', 'День', 'Показание день'],
    value2: ['Показание Т2', 'Т2', 'Ночь', 'Показание ночь'],
    value3: ['Показание Т3', 'Т3', 'Пик'],
    value4: ['Показание Т4', 'Т4'],
    source: ['Источник', 'Источник показаний'],
  },
  payment: {
    id: ['Номер платежа', 'Код платежа', 'ID платежа', 'Идентификатор платежа', 'УИП'],
    accountNumber: ACCOUNT_NUMBER,
    paidAt: ['Дата', 'Дата оплаты', 'Дата платежа', 'Дата и время оплаты'],
    amount: ['Сумма', 'Сумма платежа', 'Сумма оплаты', 'Оплачено'],
    fee: ['Комиссия', 'Комиссия банка'],
    period: ['Период', 'За период', 'Период оплаты'],
    category: ['Категория', 'Вид квитанции'],
    channel: ['Способ оплаты', 'Канал оплаты', 'Источник оплаты'],
    document: ['Платежное поручение', 'Номер п/п', 'Реестр', 'Документ'],
  },
  balance: {
    accountNumber: ACCOUNT_NUMBER,
    serviceId: ['Код услуги'],
    '@serviceName': SERVICE_NAME,
    date: ['Дата', 'На дату', 'Дата сальдо'],
    amount: ['Сальдо', 'Долг', 'Задолженность', 'Сумма', 'Сальдо на дату'],
  },
  transaction: {
    id: ['Номер документа', 'Код операции', 'Номер операции', 'Код', 'Номер'],
    accountNumber: ACCOUNT_NUMBER,
    serviceId: ['Код услуги'],
    '@serviceName': SERVICE_NAME,
    date: ['Дата', 'Дата документа', 'Дата операции'],
    kind: ['Вид операции', 'Тип операции', 'Операция', 'Вид'],
    amount: ['Сумма'],
    comment: ['Комментарий', 'Примечание', 'Основание'],
  },
  contract: {
    id: ['Код договора', 'ID договора'],
    accountNumber: ACCOUNT_NUMBER,
    number: ['Номер договора', 'Договор', '№ договора'],
    state: ['Состояние', 'Статус', 'Состояние договора'],
  },
};

/** Row numbers and the like: columns every export may carry that fill nothing. */
export const IGNORED_COLUMN_NAMES: readonly string[] = ['№', '№ п/п', 'N п/п', 'Номер строки', 'П/п', 'N'];
