import { Param, ParseUUIDPipe } from '@nestjs/common';
import { badRequest } from './app.exception';

/** `@IdParam() id: string`: the route's `:id`, which must be a UUID (400 naming the field otherwise). */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({ exceptionFactory: () => badRequest([{ field: name, message: 'must be a UUID' }]) }),
  );
