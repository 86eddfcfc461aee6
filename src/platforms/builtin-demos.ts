import { domaDemo } from './doma/doma-demo.js';
import type { PlatformDemo } from './platform-demo.js';

/** The platforms `npm run demo` shows, in order. */
export const builtinDemos: readonly PlatformDemo[] = [domaDemo];
