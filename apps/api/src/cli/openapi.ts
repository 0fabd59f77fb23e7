/* Writes the OpenAPI document of the API, without a database (Nest preview mode builds no providers).
 *   openapi.ts <out.json>   write it
 *   openapi.ts --check <file.json>   exit 1 when the file differs from the API */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from '../bootstrap';
import { loadConfig } from '../config/config';

export async function openApiJson(): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
    SPA_DIR: '',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  await app.close();
  return JSON.stringify(document, null, 2) + '\n';
}

async function main() {
  const args = process.argv.slice(2);
  const check = args[0] === '--check';
  const file = check ? args[1] : args[0];
  if (!file) throw new Error('usage: openapi.ts [--check] <file.json>');
  const json = await openApiJson();
  if (check) {
    const current = readFileSync(file, 'utf8');
    if (current !== json) {
      console.error(
        `${file} is out of date with the API: run \`npm run api:generate\` and commit the result.`,
      );
      process.exit(1);
    }
    console.log(`${file} matches the API`);
  } else {
    writeFileSync(file, json);
    console.log(`wrote ${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
