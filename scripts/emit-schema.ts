// Writes schema/schema.graphql from the code-first schema. Run with `npm run schema:emit`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printCrmSchema } from '../schema/build-schema';

writeFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), printCrmSchema());
console.log('schema/schema.graphql written');
