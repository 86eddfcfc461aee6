/**
 * Built-in Russian cities and streets for demo data, and the address format residents see on a ЕПД:
 * "г. Челябинск, ул. Ленина, д. 12, корп. 2".
 */

export interface City {
  name: string;
  /** Two-digit code of the subject of the Russian Federation (ИНН, кадастровый номер, ГИБДД). */
  region: string;
  /** UTC offset of local time, for payment instants. */
  utcOffset: string;
  /** Long-distance telephone code (3 or 4 digits after +7). */
  phoneCode: string;
  /** Cadastral district ("74:36" → "36"). */
  cadastralDistrict: string;
}

export const CITIES: readonly City[] = [
  { name: 'Челябинск', region: '74', utcOffset: '+05:00', phoneCode: '351', cadastralDistrict: '36' },
  { name: 'Магнитогорск', region: '74', utcOffset: '+05:00', phoneCode: '3519', cadastralDistrict: '33' },
  { name: 'Москва', region: '77', utcOffset: '+03:00', phoneCode: '495', cadastralDistrict: '01' },
  { name: 'Санкт-Петербург', region: '78', utcOffset: '+03:00', phoneCode: '812', cadastralDistrict: '11' },
  { name: 'Казань', region: '16', utcOffset: '+03:00', phoneCode: '843', cadastralDistrict: '50' },
  { name: 'Екатеринбург', region: '66', utcOffset: '+05:00', phoneCode: '343', cadastralDistrict: '41' },
  { name: 'Новосибирск', region: '54', utcOffset: '+07:00', phoneCode: '383', cadastralDistrict: '35' },
  { name: 'Нижний Новгород', region: '52', utcOffset: '+03:00', phoneCode: '831', cadastralDistrict: '18' },
  { name: 'Самара', region: '63', utcOffset: '+04:00', phoneCode: '846', cadastralDistrict: '01' },
  { name: 'Омск', region: '55', utcOffset: '+06:00', phoneCode: '3812', cadastralDistrict: '36' },
  { name: 'Ростов-на-Дону', region: '61', utcOffset: '+03:00', phoneCode: '863', cadastralDistrict: '44' },
  { name: 'Уфа', region: '02', utcOffset: '+05:00', phoneCode: '347', cadastralDistrict: '55' },
  { name: 'Красноярск', region: '24', utcOffset: '+07:00', phoneCode: '391', cadastralDistrict: '50' },
  { name: 'Пермь', region: '59', utcOffset: '+05:00', phoneCode: '342', cadastralDistrict: '01' },
  { name: 'Воронеж', region: '36', utcOffset: '+03:00', phoneCode: '473', cadastralDistrict: '34' },
  { name: 'Волгоград', region: '34', utcOffset: '+03:00', phoneCode: '8442', cadastralDistrict: '34' },
  { name: 'Краснодар', region: '23', utcOffset: '+03:00', phoneCode: '861', cadastralDistrict: '43' },
  { name: 'Саратов', region: '64', utcOffset: '+04:00', phoneCode: '8452', cadastralDistrict: '48' },
  { name: 'Тюмень', region: '72', utcOffset: '+05:00', phoneCode: '3452', cadastralDistrict: '23' },
  { name: 'Ижевск', region: '18', utcOffset: '+04:00', phoneCode: '3412', cadastralDistrict: '26' },
  { name: 'Барнаул', region: '22', utcOffset: '+07:00', phoneCode: '3852', cadastralDistrict: '63' },
  { name: 'Иркутск', region: '38', utcOffset: '+08:00', phoneCode: '3952', cadastralDistrict: '36' },
  { name: 'Ульяновск', region: '73', utcOffset: '+04:00', phoneCode: '8422', cadastralDistrict: '24' },
  { name: 'Хабаровск', region: '27', utcOffset: '+10:00', phoneCode: '4212', cadastralDistrict: '23' },
  { name: 'Ярославль', region: '76', utcOffset: '+03:00', phoneCode: '4852', cadastralDistrict: '23' },
  { name: 'Владивосток', region: '25', utcOffset: '+10:00', phoneCode: '423', cadastralDistrict: '28' },
  { name: 'Томск', region: '70', utcOffset: '+07:00', phoneCode: '3822', cadastralDistrict: '21' },
  { name: 'Оренбург', region: '56', utcOffset: '+05:00', phoneCode: '3532', cadastralDistrict: '44' },
  { name: 'Кемерово', region: '42', utcOffset: '+07:00', phoneCode: '3842', cadastralDistrict: '24' },
  { name: 'Рязань', region: '62', utcOffset: '+03:00', phoneCode: '4912', cadastralDistrict: '29' },
  { name: 'Курган', region: '45', utcOffset: '+05:00', phoneCode: '3522', cadastralDistrict: '25' },
  { name: 'Тула', region: '71', utcOffset: '+03:00', phoneCode: '4872', cadastralDistrict: '30' },
];

export type StreetType = 'ул.' | 'пр-кт' | 'пер.' | 'б-р' | 'ш.' | 'наб.';

export interface Street {
  type: StreetType;
  name: string;
}

const ul = (name: string): Street => ({ type: 'ул.', name });

export const STREETS: readonly Street[] = [
  ul('Ленина'),
  ul('Кирова'),
  ul('Советская'),
  ul('Мира'),
  ul('Гагарина'),
  ul('Пушкина'),
  ul('Садовая'),
  ul('Молодёжная'),
  ul('Школьная'),
  ul('Лесная'),
  ul('Центральная'),
  ul('Октябрьская'),
  ul('Комсомольская'),
  ul('Труда'),
  ul('Свердлова'),
  ul('Чкалова'),
  ul('Энгельса'),
  ul('Карла Маркса'),
  ul('Дзержинского'),
  ul('Калинина'),
  ul('Куйбышева'),
  ul('Горького'),
  ul('Чапаева'),
  ul('Лермонтова'),
  ul('Чехова'),
  ul('Тургенева'),
  ul('Маршала Жукова'),
  ul('Суворова'),
  ul('Академика Королёва'),
  ul('Строителей'),
  ul('Заводская'),
  ul('Железнодорожная'),
  ul('Северная'),
  ul('Полевая'),
  ul('Зелёная'),
  ul('Солнечная'),
  ul('Весенняя'),
  ul('Первомайская'),
  ul('Спортивная'),
  ul('Братьев Кашириных'),
  ul('40-летия Победы'),
  ul('Салютная'),
  ul('Елькина'),
  ul('Воровского'),
  { type: 'пр-кт', name: 'Ленина' },
  { type: 'пр-кт', name: 'Победы' },
  { type: 'пр-кт', name: 'Комсомольский' },
  { type: 'пр-кт', name: 'Мира' },
  { type: 'пр-кт', name: 'Космонавтов' },
  { type: 'пр-кт', name: 'Металлургов' },
  { type: 'пр-кт', name: 'Октября' },
  { type: 'пер.', name: 'Кооперативный' },
  { type: 'пер.', name: 'Почтовый' },
  { type: 'пер.', name: 'Школьный' },
  { type: 'пер.', name: 'Озёрный' },
  { type: 'пер.', name: 'Береговой' },
  { type: 'б-р', name: 'Строителей' },
  { type: 'б-р', name: 'Молодёжный' },
  { type: 'б-р', name: 'Цветной' },
  { type: 'ш.', name: 'Металлургов' },
  { type: 'наб.', name: 'Речная' },
];

/** "ул. Ленина", "пр-кт Победы". */
export function streetLabel(street: Street): string {
  return `${street.type} ${street.name}`;
}

/** "12" or "12, корп. 2". */
export function buildingLabel(houseNumber: number, building?: number): string {
  return building === undefined ? String(houseNumber) : `${houseNumber}, корп. ${building}`;
}

/** "г. Челябинск, ул. Ленина, д. 12, корп. 2". */
export function houseAddress(city: City, street: Street, houseNumber: number, building?: number): string {
  return `г. ${city.name}, ${streetLabel(street)}, д. ${buildingLabel(houseNumber, building)}`;
}

/** "+7 351 234-56-78" or "+7 3519 23-45-67" — a landline in the city. */
export function cityPhone(city: City, digits: string): string {
  const local = digits.slice(0, 10 - city.phoneCode.length);
  return local.length === 7
    ? `+7 ${city.phoneCode} ${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5, 7)}`
    : `+7 ${city.phoneCode} ${local.slice(0, 2)}-${local.slice(2, 4)}-${local.slice(4, 6)}`;
}

/** "+7 912 345-67-89" — a mobile number from ten random digits' worth of input (uses 9 of them). */
export function mobilePhone(digits: string): string {
  return `+7 9${digits.slice(0, 2)} ${digits.slice(2, 5)}-${digits.slice(5, 7)}-${digits.slice(7, 9)}`;
}
