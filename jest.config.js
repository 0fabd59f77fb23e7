// Unit tests of every project in one run (`npm run test:unit`).
const { existsSync } = require('node:fs');
const path = require('node:path');

module.exports = {
  projects: ['libs/domain', 'apps/api', 'apps/web', 'libs/api-client']
    .map((dir) => path.join(__dirname, dir, 'jest.config.js'))
    .filter((file) => existsSync(file)),
};
