import type { Snapshot } from './entity-store.js';
import type { UzhkhWorld } from './uzhkh-world.js';
import { wireTime } from './wire-time.js';

/**
 * Objects staff or residents create on the platform itself, which the billing does not know yet:
 * each gets a temporary `--` id (seed 001 §"Особый случай") and its snapshot is queued. Records
 * made afterwards point at that id until the billing (or the hub) gives the object its own.
 */

/** A resident who signs up in the app. */
export function signUp(
  world: UzhkhWorld,
  input: { surname: string; name: string; patronymic?: string; phone?: string; email?: string },
) {
  const resident: Snapshot = {
    Surname: input.surname,
    Name: input.name,
    Patronymic: input.patronymic ?? '',
    Email: input.email ?? null,
    Phone: input.phone ?? null,
    Id: world.tempId(),
    IsEmployer: null,
    IsOwner: null,
    ParentResidentId: null,
  };
  return { guid: world.change('Resident', resident), id: String(resident.Id) };
}

/** A flat (or another premise) staff add in a house. */
export function createObject(
  world: UzhkhWorld,
  input: { houseId: string; street: string; houseNumber: string; flatNumber: string; type?: string },
) {
  const type = input.type ?? 'Квартира';
  const obj: Snapshot = {
    TypeObject: type,
    Address: `${input.street}, д. ${input.houseNumber}, кв. ${input.flatNumber}`,
    Street: input.street,
    HouseNumber: input.houseNumber,
    FlatNumber: input.flatNumber,
    Id: world.tempId(),
    HouseId: input.houseId,
  };
  return { guid: world.change('Obj', obj), id: String(obj.Id) };
}

/** An account staff open on a flat, with its owner (and other residents) as persons. */
export function createAccount(
  world: UzhkhWorld,
  now: Date,
  input: { flatId: string; accountNumber: string; residentIds: string[] },
) {
  const flat = world.entities.get('Obj', input.flatId);
  if (!flat) throw new Error(`no Obj with id ${input.flatId}`);
  const persons = input.residentIds.map((id, i) => {
    const resident = world.entities.get('Resident', id);
    if (!resident) throw new Error(`no Resident with id ${id}`);
    return { ...resident, IsEmployer: i > 0, IsOwner: i === 0, ParentResidentId: null };
  });
  const account: Snapshot = {
    Id: world.tempId(),
    AccountNumber: input.accountNumber,
    IsActive: true,
    ApartmentID: flat.Id,
    TypeObject: flat.TypeObject,
    DateTimeOpen: wireTime(now),
    DateTimeClose: null,
    Balance: 0,
    Persons: persons,
  };
  return { guid: world.change('Account', account), id: String(account.Id) };
}
