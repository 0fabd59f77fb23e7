import { HttpStatus } from '@nestjs/common';

/** RFC 9457 problem details, the body of every error answer. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, [string, string]> = {
  400: ['validation', 'Bad request'],
  401: ['unauthenticated', 'Not signed in'],
  403: ['forbidden', 'Not allowed'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  413: ['payload-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'Refused by a rule'],
  428: ['precondition-required', 'Precondition required'],
  429: ['too-many-requests', 'Too many requests'],
  500: ['internal', 'Something went wrong'],
  503: ['unavailable', 'Service unavailable'],
};

export function problemType(slug: string): string {
  return `urn:beacon:problem:${slug}`;
}

export function defaultProblem(status: number): Pick<ProblemDetails, 'type' | 'title'> {
  const [slug, title] = TITLES[status] ?? [String(status), HttpStatus[status] ?? 'Error'];
  return { type: problemType(slug), title };
}
