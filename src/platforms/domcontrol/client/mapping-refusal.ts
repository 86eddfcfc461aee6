/** What a mapping answers for a record the platform cannot carry; it becomes a record error. */
export class MappingRefusal {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}
