import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppException } from './app.exception';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, defaultProblem } from './problem';

/** Every error, including Nest's own (404 routes, body parsing), answers as RFC 9457 problem details. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = toProblem(exception);
    problem.instance = request.originalUrl?.split('?')[0];
    problem.requestId = request.id;
    if (problem.status >= 500) {
      this.logger.error({
        msg: 'unhandled error',
        requestId: request.id,
        error:
          exception instanceof Error
            ? { name: exception.name, message: exception.message, stack: exception.stack }
            : String(exception),
      });
    }
    if (exception instanceof AppException && exception.headers) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    if (response.headersSent) return;
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof AppException) {
    const status = exception.getStatus();
    return {
      type: exception.problemType,
      title: defaultProblem(status).title,
      status,
      detail: exception.message,
      ...(exception.fieldErrors ? { errors: exception.fieldErrors } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const cause = exception.cause as BodyParserError | undefined;
    let detail = typeof body === 'string' ? body : exception.message;
    // Body-parser errors arrive re-wrapped by Nest; their raw text ("Unexpected token…") is no help to a client.
    if (status === 400 && (cause?.type === 'entity.parse.failed' || /JSON/.test(detail)))
      detail = 'The request body is not valid JSON.';
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(detail))
      detail = 'There is nothing at this address.';
    if (status === 413) detail = 'The request body is larger than this API accepts.';
    return { ...defaultProblem(status), status, detail };
  }
  const parserError = exception as BodyParserError | null;
  const parserStatus = parserError?.status ?? parserError?.statusCode;
  if (
    parserError &&
    typeof parserError.type === 'string' &&
    parserStatus &&
    parserStatus >= 400 &&
    parserStatus < 500
  ) {
    const detail =
      parserError.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : parserError.type === 'entity.too.large'
          ? 'The request body is larger than this API accepts.'
          : parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported'
            ? 'The request body encoding is not supported.'
            : 'The request body could not be read.';
    return { ...defaultProblem(parserStatus), status: parserStatus, detail };
  }
  return { ...defaultProblem(500), status: 500, detail: 'An unexpected error occurred. It has been logged.' };
}
