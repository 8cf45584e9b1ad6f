import { packageConfig } from '../../tsup.base.js';

// Named entries: `src/client/index.ts` builds to `dist/client.js`, as package.json's exports say.
export default packageConfig({
  index: 'src/index.ts',
  discovery: 'src/discovery/index.ts',
  search: 'src/search/index.ts',
  client: 'src/client/index.ts',
  server: 'src/server/index.ts',
  node: 'src/node/index.ts',
});
