import { domcontrolDemo } from './domcontrol/domcontrol-demo.js';
import type { PlatformDemo } from './platform-demo.js';
import { uzhkhDemo } from './uzhkh/uzhkh-demo.js';

/** The platforms `npm run demo` shows, in order. */
export const builtinDemos: readonly PlatformDemo[] = [uzhkhDemo, domcontrolDemo];
