/** The platform's routes (seed 001), shared by the sandbox that serves them and the client. */
export const uzhkhPaths = {
  /** seed 001 §"Отправка данных": the change queue. */
  requests: '/To1c/Requests',
  /** seed 001 §"Действия после получения запроса": `?guid=&objectId=`. */
  delete: '/To1c/Delete',
  /** seed 001 §"Получение информации об удалённых объектах". */
  deletedItems: '/To1c/DeletedItems',
  /** seed 001 §"Получение всех данных": followed by the list name (`Accounts`, `Flats`, …), `?page=`. */
  download: '/Synchronization/Download',
  /** seed 001 §"Дополнительный метод…лицевого счёта". */
  handleRegister: '/Synchronization/HandleRequestToRegister',
  /** seed 001 §"Дополнительный метод…объекта недвижимости". */
  handleObjectAdding: '/Synchronization/HandleRequestToObjectAdding',
  /** seed 001 §"Присвоение Id". */
  setId: '/SetId',
} as const;

/** seed 001 §"Особый случай": temporary ids of objects created on the platform start with this. */
export const TEMP_ID_PREFIX = '--';

export function isTemporaryId(id: string): boolean {
  return id.startsWith(TEMP_ID_PREFIX);
}
