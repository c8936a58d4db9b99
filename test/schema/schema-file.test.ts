import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printCrmSchema } from '../../schema/build-schema';

describe('schema/schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema:emit` after changing the API)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printCrmSchema());
  });
});
