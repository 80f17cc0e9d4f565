// The ESM entries define <safetrade-meetup> on import (guarded: see element/register.ts). The
// script tag's element file defines it one task after its code ran (src/script/element.ts).
import { define } from './element/register.js';

export { define, TAG, VERSION } from './element/register.js';

define();
