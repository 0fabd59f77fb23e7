import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest } from './app.exception';
import { FieldError } from './problem';

/** Flattens class-validator's tree into one entry per field, named by its path (`client.lastName`, `items[0].id`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field =
      /^\d+$/.test(error.property) && parent
        ? `${parent}[${error.property}]`
        : parent
          ? `${parent}.${error.property}`
          : error.property;
    const message = firstMessage(error);
    if (message) out.push({ field, message });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

// When a value breaks several rules, name the most basic one (a missing field is "required", not "too long").
const PRIORITY = [
  'whitelistValidation',
  'isDefined',
  'isNotEmpty',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
];

function firstMessage(error: ValidationError): string | null {
  const constraints = error.constraints ?? {};
  const keys = Object.keys(constraints);
  if (!keys.length) return null;
  const key = PRIORITY.find((k) => k in constraints) ?? keys[keys.length - 1];
  if (key === 'whitelistValidation') return 'is not an accepted field';
  // class-validator prefixes its default messages with the property name; the field is named separately.
  const message = constraints[key];
  return message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badRequest(flattenValidationErrors(errors)),
  });
}
