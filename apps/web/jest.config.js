import preset from '../../jest.preset.js';

export default {
  ...preset,
  displayName: 'web',
  rootDir: import.meta.dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
