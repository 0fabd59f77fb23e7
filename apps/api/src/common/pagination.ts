import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE } from '../database/sql';
import { badRequest } from './app.exception';

export { DEFAULT_PAGE_SIZE } from '../database/sql';

/** `limit` and `cursor` of every list (API.md): keyset pagination, never OFFSET. */
export class PageQuery {
  @ApiProperty({ required: false, minimum: 1, maximum: 200, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiProperty({ required: false, description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor into its keyset values; a tampered or foreign cursor is a 400 naming the field. */
export function decodeCursor<T extends unknown[]>(
  cursor: string | undefined,
  check: (values: unknown[]) => values is T,
): T | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && check(values)) return values;
  } catch {
    // fall through
  }
  throw badRequest([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
}

/** Takes `limit + 1` rows and answers the page plus the cursor of its last row when more remain. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
  keyOf: (row: Row) => unknown[],
) {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: more ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
  };
}
