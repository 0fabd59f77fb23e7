export * from './lib/roles';
export * from './lib/policy';
export * from './lib/password';
export * from './lib/enums';
export * from './lib/dates';
export * from './lib/eligibility';
export * from './lib/scope';
export * from './lib/referral-state';
