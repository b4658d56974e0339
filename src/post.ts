// The action's post step (action.yml runs.post runs dist/post.js, bundled from here).
import { runPost } from './action/post.js';

await runPost();
