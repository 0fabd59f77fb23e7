/** Shared jest settings: ts-jest without type-checking (types are checked by `tsc` in the typecheck target). */
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.jest.json') }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@beacon/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@beacon/api-client$': path.join(__dirname, 'libs/api-client/src/index.ts'),
    '^@beacon/migrations$': path.join(__dirname, 'migrations/index.ts'),
  },
};
