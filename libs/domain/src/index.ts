export * from './lib/roles';
export * from './lib/policy';
export * from './lib/password';
