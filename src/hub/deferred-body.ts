/**
 * A large bulk body left unparsed by the content-type parser (a route with `bulkRecords`): the route
 * has it parsed and validated in a bulk-body thread (bulk-body-pool.ts), off the hub's event loop.
 */
export class DeferredBody {
  constructor(
    readonly bytes: Buffer,
    readonly ndjson: boolean,
  ) {}
}
