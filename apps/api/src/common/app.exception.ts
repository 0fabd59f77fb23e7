import { HttpException } from '@nestjs/common';
import { FieldError, defaultProblem, problemType } from './problem';

/**
 * An error with a stable machine-readable code, mapped to problem details by the one
 * exception filter. Features throw these (or their own subclasses) rather than
 * building HTTP answers themselves.
 */
export class AppException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly fieldErrors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail, status);
  }

  get problemType(): string {
    return this.code ? problemType(this.code) : defaultProblem(this.getStatus()).type;
  }
}

export const notFound = (what = 'record') => new AppException(404, 'not-found', `No such ${what}.`);
export const staleVersion = () =>
  new AppException(
    409,
    'stale-version',
    'Someone else changed this record after you loaded it. Reload it and try again.',
  );
export const badRequest = (errors: FieldError[], detail = 'Some fields are not valid.') =>
  new AppException(400, 'validation', detail, errors);
