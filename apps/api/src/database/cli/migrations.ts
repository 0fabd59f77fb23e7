/* Migration tools (run through tools/with-db.mjs, so DATABASE_URL is always set):
 *   run                  apply pending migrations
 *   revert               undo the last migration
 *   check                fail when the entities and the migrations disagree
 *   generate <Name>      write migrations/<timestamp>-<Name>.ts from the difference
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, pendingSchemaChanges, runMigrations } from '../data-source';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../../../../migrations');

function quote(sql: string) {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

async function main() {
  const [command, name] = process.argv.slice(2);
  // Migrations change the schema, so they run as its owner, not as the app's least-privileged login.
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (run through tools/with-db.mjs)');
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  try {
    if (command === 'run') {
      const applied = await runMigrations(dataSource);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'check' || command === 'generate') {
      await runMigrations(dataSource);
      const { up, down } = await pendingSchemaChanges(dataSource);
      if (command === 'check') {
        if (up.length === 0) {
          console.log('migration check: entities and migrations agree');
          return;
        }
        console.error(
          'migration check FAILED: the entities differ from the migrations. Missing SQL:\n' +
            up.join(';\n') +
            ';',
        );
        console.error('Run `npm run migration:generate -- DescribeTheChange` and review the file.');
        process.exitCode = 1;
        return;
      }
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
        throw new Error('usage: migration:generate -- PascalCaseName');
      if (up.length === 0) {
        console.log('nothing to generate: entities and migrations agree');
        return;
      }
      const timestamp = Date.now();
      const className = `${name}${timestamp}`;
      const file = path.join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
      const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down
  .reverse()
  .map((q) => `    await queryRunner.query(${quote(q)});`)
  .join('\n')}
  }
}
`;
      writeFileSync(file, body);
      const indexFile = path.join(MIGRATIONS_DIR, 'index.ts');
      const index = readFileSync(indexFile, 'utf8');
      const importLine = `import { ${className} } from './${timestamp}-${name}';\n`;
      const updated = index
        .replace(/(\/\/[^\n]*\n)/, `$1${importLine}`)
        .replace(/export const MIGRATIONS = \[([^\]]*)\];/, (_m, list: string) => {
          const items = list
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          return `export const MIGRATIONS = [${[...items, className].join(', ')}];`;
        });
      writeFileSync(indexFile, updated);
      execFileSync('npx', ['prettier', '--write', file, indexFile], { stdio: 'ignore' });
      console.log(`wrote ${path.relative(process.cwd(), file)}; review it, then commit`);
    } else {
      throw new Error('usage: migrations.ts run | revert | check | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
