import type { RandomSource } from './random-source.js';

/**
 * Built-in Russian name lists for demo data: first names, patronymics derived from the father's name,
 * and surnames with their female forms.
 */

export type Gender = 'male' | 'female';

/** Male first names with the patronymics they give: [name, son's patronymic, daughter's patronymic]. */
export const MALE_NAMES: readonly (readonly [string, string, string])[] = [
  ['Александр', 'Александрович', 'Александровна'],
  ['Алексей', 'Алексеевич', 'Алексеевна'],
  ['Анатолий', 'Анатольевич', 'Анатольевна'],
  ['Андрей', 'Андреевич', 'Андреевна'],
  ['Антон', 'Антонович', 'Антоновна'],
  ['Артём', 'Артёмович', 'Артёмовна'],
  ['Борис', 'Борисович', 'Борисовна'],
  ['Вадим', 'Вадимович', 'Вадимовна'],
  ['Валентин', 'Валентинович', 'Валентиновна'],
  ['Валерий', 'Валерьевич', 'Валерьевна'],
  ['Василий', 'Васильевич', 'Васильевна'],
  ['Виктор', 'Викторович', 'Викторовна'],
  ['Виталий', 'Витальевич', 'Витальевна'],
  ['Владимир', 'Владимирович', 'Владимировна'],
  ['Владислав', 'Владиславович', 'Владиславовна'],
  ['Вячеслав', 'Вячеславович', 'Вячеславовна'],
  ['Геннадий', 'Геннадьевич', 'Геннадьевна'],
  ['Георгий', 'Георгиевич', 'Георгиевна'],
  ['Григорий', 'Григорьевич', 'Григорьевна'],
  ['Даниил', 'Даниилович', 'Данииловна'],
  ['Денис', 'Денисович', 'Денисовна'],
  ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
  ['Евгений', 'Евгеньевич', 'Евгеньевна'],
  ['Егор', 'Егорович', 'Егоровна'],
  ['Иван', 'Иванович', 'Ивановна'],
  ['Игорь', 'Игоревич', 'Игоревна'],
  ['Илья', 'Ильич', 'Ильинична'],
  ['Кирилл', 'Кириллович', 'Кирилловна'],
  ['Константин', 'Константинович', 'Константиновна'],
  ['Леонид', 'Леонидович', 'Леонидовна'],
  ['Максим', 'Максимович', 'Максимовна'],
  ['Михаил', 'Михайлович', 'Михайловна'],
  ['Никита', 'Никитич', 'Никитична'],
  ['Николай', 'Николаевич', 'Николаевна'],
  ['Олег', 'Олегович', 'Олеговна'],
  ['Павел', 'Павлович', 'Павловна'],
  ['Пётр', 'Петрович', 'Петровна'],
  ['Роман', 'Романович', 'Романовна'],
  ['Руслан', 'Русланович', 'Руслановна'],
  ['Сергей', 'Сергеевич', 'Сергеевна'],
  ['Станислав', 'Станиславович', 'Станиславовна'],
  ['Степан', 'Степанович', 'Степановна'],
  ['Тимур', 'Тимурович', 'Тимуровна'],
  ['Юрий', 'Юрьевич', 'Юрьевна'],
  ['Ярослав', 'Ярославович', 'Ярославовна'],
];

export const FEMALE_NAMES: readonly string[] = [
  'Александра',
  'Алёна',
  'Алина',
  'Алла',
  'Анастасия',
  'Анна',
  'Валентина',
  'Валерия',
  'Вера',
  'Виктория',
  'Галина',
  'Дарья',
  'Диана',
  'Евгения',
  'Екатерина',
  'Елена',
  'Елизавета',
  'Жанна',
  'Зинаида',
  'Зоя',
  'Ирина',
  'Карина',
  'Кристина',
  'Ксения',
  'Лариса',
  'Любовь',
  'Людмила',
  'Маргарита',
  'Марина',
  'Мария',
  'Надежда',
  'Наталья',
  'Нина',
  'Оксана',
  'Ольга',
  'Полина',
  'Светлана',
  'София',
  'Тамара',
  'Татьяна',
  'Юлия',
  'Яна',
];

/** Surnames in their male form; `surnameFor` gives the female form. */
export const SURNAMES: readonly string[] = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Максимов',
  'Поляков',
  'Сорокин',
  'Виноградов',
  'Ковалёв',
  'Белов',
  'Медведев',
  'Антонов',
  'Тарасов',
  'Жуков',
  'Баранов',
  'Филиппов',
  'Комаров',
  'Давыдов',
  'Беляев',
  'Мельников',
  'Сидоров',
  'Крылов',
  'Ахметов',
  'Галиев',
  'Хабибуллин',
  'Зарипов',
  'Островский',
  'Чайковский',
  'Жилинский',
  'Толстой',
  'Шевченко',
  'Бондаренко',
  'Коваленко',
  'Черных',
  'Долгих',
  'Ким',
];

/** The surname in the given gender: Иванов → Иванова, Островский → Островская, Толстой → Толстая. */
export function surnameFor(male: string, gender: Gender): string {
  if (gender === 'male') return male;
  if (/(ский|цкий)$/.test(male)) return `${male.slice(0, -2)}ая`;
  if (/[ои]й$/.test(male) || male.endsWith('ый')) return `${male.slice(0, -2)}ая`;
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  // Шевченко, Черных, Ким… do not change.
  return male;
}

export interface PersonName {
  gender: Gender;
  /** Male form of the family surname (shared by the household). */
  familySurname: string;
  surname: string;
  firstName: string;
  patronymic: string;
  /** Index into MALE_NAMES when male, so children can take the patronymic. */
  maleNameIndex: number;
}

/** "Иванов Иван Иванович" (surname first, as in Russian registries and receipts). */
export function fullName(p: PersonName): string {
  return `${p.surname} ${p.firstName} ${p.patronymic}`;
}

/** A random person of the given gender; the father's name (an index into MALE_NAMES) fixes the patronymic. */
export function randomPerson(
  rng: RandomSource,
  gender: Gender,
  familySurname: string = rng.pick(SURNAMES),
  fatherIndex: number = rng.int(0, MALE_NAMES.length - 1),
): PersonName {
  const father = MALE_NAMES[fatherIndex] ?? MALE_NAMES[0]!;
  if (gender === 'male') {
    const maleNameIndex = rng.int(0, MALE_NAMES.length - 1);
    return {
      gender,
      familySurname,
      surname: familySurname,
      firstName: MALE_NAMES[maleNameIndex]![0],
      patronymic: father[1],
      maleNameIndex,
    };
  }
  return {
    gender,
    familySurname,
    surname: surnameFor(familySurname, 'female'),
    firstName: rng.pick(FEMALE_NAMES),
    patronymic: father[2],
    maleNameIndex: -1,
  };
}

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Lower-case Latin transliteration (for e-mail local parts and slugs); drops anything else. */
export function translit(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const t = TRANSLIT[ch];
    if (t !== undefined) out += t;
    else if (/[a-z0-9]/.test(ch)) out += ch;
  }
  return out;
}
