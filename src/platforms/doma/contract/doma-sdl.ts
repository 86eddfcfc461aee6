import { fieldInputsSdl } from './sdl/field-inputs-sdl.js';
import { keystoneSdl } from './sdl/keystone-sdl.js';
import { appLists } from './sdl/lists/apps-lists.js';
import { billingLists } from './sdl/lists/billing-lists.js';
import { meterLists } from './sdl/lists/meters-lists.js';
import { organizationLists } from './sdl/lists/organizations-lists.js';
import { paymentLists } from './sdl/lists/payments-lists.js';
import { ticketLists } from './sdl/lists/tickets-lists.js';
import { objectTypesSdl } from './sdl/object-types-sdl.js';
import { operationsSdl } from './sdl/operations-sdl.js';
import { selectEnums } from './sdl/select-enums.js';

/** Every Keystone list whose derived inputs our operations reach. */
export const domaLists = [
  ...meterLists,
  ...billingLists,
  ...paymentLists,
  ...organizationLists,
  ...appLists,
  ...ticketLists,
];

const handWritten = [operationsSdl, objectTypesSdl, fieldInputsSdl].join('\n');

/** Every type name the hand-written part refers to: the roots of the generated part. */
const roots = [...handWritten.matchAll(/: \[*(\w+)/g)].map((m) => m[1] as string);

/**
 * Our SDL of the Doma.ai (condo) API we use. Operations, output types and custom inputs are written
 * by hand; every `*WhereInput`, `Sort*By`, create/update and relation input and select enum they
 * reach is generated from our model of the platform's lists by Keystone's rules. A contract test
 * checks that each input and enum type reachable from our operations equals the platform's. The
 * sandbox serves exactly this schema, so what the platform accepts, the sandbox accepts.
 */
export const domaSdl = [handWritten, keystoneSdl(domaLists, selectEnums, roots)].join('\n\n');
