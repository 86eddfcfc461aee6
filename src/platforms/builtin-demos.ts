import { domaDemo } from './doma/doma-demo.js';
import { domcontrolDemo } from './domcontrol/domcontrol-demo.js';
import { is74Demo } from './is74/is74-demo.js';
import type { PlatformDemo } from './platform-demo.js';
import { uzhkhDemo } from './uzhkh/uzhkh-demo.js';

/** The platforms `npm run demo` shows, in order. */
export const builtinDemos: readonly PlatformDemo[] = [domaDemo, uzhkhDemo, domcontrolDemo, is74Demo];
