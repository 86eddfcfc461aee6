import type { CounterType } from '../contract/object-types.js';
import type { Snapshot } from './entity-store.js';
import type { UzhkhWorld } from './uzhkh-world.js';
import { wireTime } from './wire-time.js';

const SURNAMES = ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Лебедев', 'Козлов'];
const NAMES = ['Иван', 'Пётр', 'Сергей', 'Андрей', 'Алексей', 'Дмитрий', 'Михаил', 'Николай'];
const PATRONYMICS = ['Иванович', 'Петрович', 'Сергеевич', 'Андреевич', 'Алексеевич'];
const STREETS = ['ул. Ткачей', 'ул. Ленина', 'пр. Мира', 'ул. Садовая', 'ул. Гагарина'];
const METERS: CounterType[] = ['WaterColdM3', 'WaterHotM3', 'ElectricityTotalKwh'];

export interface SeededHouses {
  flats: string[];
  accounts: string[];
  residents: string[];
  counters: string[];
}

/**
 * Houses the billing already knows (ids are the billing's: `O…`, `A…`, `R…`, `C…`), stored on the
 * platform without queueing — what the first full download brings. Per flat: an account with one
 * or two persons, three meters, one past payment; a заявка every ten flats; two documents.
 */
export function seedHouses(
  world: UzhkhWorld,
  opts: { houses: number; flatsPerHouse: number; random: () => number; now?: Date },
): SeededHouses {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(opts.random() * list.length)]!;
  const at = wireTime(opts.now ?? new Date());
  const out: SeededHouses = { flats: [], accounts: [], residents: [], counters: [] };
  let n = 0;
  for (let h = 1; h <= opts.houses; h++) {
    const street = pick(STREETS);
    for (let f = 1; f <= opts.flatsPerHouse; f++) {
      n++;
      const flatId = `O${n}`;
      const flat: Snapshot = {
        TypeObject: 'Квартира',
        Address: `${street}, д. ${h}, кв. ${f}`,
        Locality: 'г. Тверь',
        Street: street,
        HouseNumber: String(h),
        FlatNumber: String(f),
        SquareAll: 30 + (n % 60) + 0.5,
        SquareLiving: 20 + (n % 40),
        CountRooms: String(1 + (n % 3)),
        EtazhNumber: 1 + Math.floor((f - 1) / 4),
        PodyezdNumber: '1',
        Id: flatId,
        HouseId: `H${h}`,
        YearOfHouse: 1970 + h,
      };
      world.put('Obj', flat);
      const persons: Snapshot[] = [];
      for (let p = 0; p < 1 + (n % 2); p++) {
        const resident: Snapshot = {
          Surname: pick(SURNAMES),
          Name: pick(NAMES),
          Patronymic: pick(PATRONYMICS),
          Email: `r${n}-${p}@example.ru`,
          Phone: `+7900${String(n * 10 + p).padStart(7, '0')}`,
          Id: `R${n}-${p}`,
          IsEmployer: null,
          IsOwner: null,
        };
        world.put('Resident', resident);
        out.residents.push(String(resident.Id));
        persons.push({ ...resident, IsEmployer: p > 0, IsOwner: p === 0, ParentResidentId: null });
      }
      const accountId = `A${n}`;
      world.put('Account', {
        Id: accountId,
        AccountNumber: String(1_000_000_000 + n),
        IsActive: true,
        ApartmentID: flatId,
        TypeObject: 'Квартира',
        DateTimeOpen: '2020-01-01T00:00:00',
        DateTimeClose: null,
        RegisteredPerson: persons.length,
        LivingPerson: persons.length,
        Balance: ((n * 731) % 500000) / 100,
        Persons: persons,
      });
      for (const [i, type] of METERS.entries()) {
        const counterId = `C${n}-${i}`;
        world.put('Counter', {
          Id: counterId,
          SerialNumber: `SN${n}${i}`,
          Value1: 100 + n,
          Value2: type === 'ElectricityTotalKwh' ? 50 + n : null,
          Value3: null,
          DateTimeForValue: at,
          CounterTypeIdentifier: type,
          IsPublish: true,
          FlatId: flatId,
          TypeObject: 'Квартира',
          CheckDate: '2030-01-01T00:00:00',
          CommissioningDate: '2020-01-01T00:00:00',
        });
        out.counters.push(counterId);
      }
      world.put('Payment', {
        Sum: 1000 + (n % 5000) + 0.5,
        Commission: 0,
        AccountNumber: String(1_000_000_000 + n),
        AccountId: accountId,
        DateTime: at,
        Id: `P${n}`,
        IsRequest: false,
        FromWeb: true,
        FromMobile: false,
        IsInsurance: false,
        IsAutopay: false,
      });
      if (n % 10 === 0) seedTicket(world, n, accountId, flatId, String(persons[0]!.Id), at);
      out.flats.push(flatId);
      out.accounts.push(accountId);
    }
  }
  for (const [i, typeName] of (['article', 'news'] as const).entries()) {
    world.put('Doc', {
      Id: String(i + 1),
      TypeName: typeName,
      Title: typeName === 'news' ? 'Отключение воды' : 'Как передать показания',
      Text: '<p>…</p>',
      IsPublish: true,
      Date: at,
      IsForExecutors: false,
      IsForResponsibles: false,
      IsForContractors: false,
      IsForDisp: false,
      IsForParking: false,
      IsForNoParking: false,
    });
  }
  return out;
}

function seedTicket(
  world: UzhkhWorld,
  n: number,
  accountId: string,
  flatId: string,
  residentId: string,
  at: string,
) {
  const id = world.nextInt();
  world.put('Request', {
    Id: id,
    Number: String(id),
    Title: 'Течёт кран на кухне',
    CreationDate: at,
    AccountNumber: String(1_000_000_000 + n),
    AccountId: accountId,
    Status: 'Выполнена',
    IsCrash: false,
    IsImportant: false,
    IsPayable: false,
    IsGuarantee: false,
    IsComplaint: false,
    IsReasonable: true,
    IsRepeated: false,
    ResidentId: residentId,
    FlatId: flatId,
    TypeObject: 'Квартира',
    IsPayment: false,
    PaymentSum: 0,
    Files: [],
    FilesFromExecutor: [],
  });
}
