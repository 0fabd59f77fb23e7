// Types generated from the API's OpenAPI document (`npm run api:generate`), and the typed client.
export type { paths, components, operations } from './schema';
import type { components } from './schema';

export type Schemas = components['schemas'];
export * from './client';
