// Every migration, in order. `npm run migration:generate -- Name` adds to this list.
import { Foundation1795599026994 } from './1795599026994-Foundation';
export const MIGRATIONS = [Foundation1795599026994];
