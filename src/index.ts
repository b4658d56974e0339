// The action's entry point (action.yml runs dist/index.js, bundled from here).
import { run } from './action/main.js';
import { tuneV8 } from './v8-tuning.js';

tuneV8();
await run();
