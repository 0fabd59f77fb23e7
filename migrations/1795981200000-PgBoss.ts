import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: pg-boss's schema (ADR 0013), created here by the schema owner so the app's
 * least-privileged role needs no DDL. The app starts pg-boss with `migrate: false`: it checks
 * the schema version and refuses to start on a mismatch. The SQL is pg-boss 10.4.2's
 * construction plan for schema version 24 (`PgBoss.getConstructionPlans('pgboss')`, without its
 * own BEGIN/COMMIT: this migration is one transaction); a unit test compares it with the
 * installed package. Upgrading pg-boss to a new schema version takes a new migration with
 * `PgBoss.getMigrationPlans`.
 *
 * Queues are made here too: creating one creates a partition table, which is DDL. A new job
 * needs a migration that creates its queue (the app refuses to start without it).
 */
const CREATE_PGBOSS_V24 = `
  CREATE SCHEMA IF NOT EXISTS pgboss
    ;

      CREATE TYPE pgboss.job_state AS ENUM (
        'created',
        'retry',
        'active',
        'completed',
        'cancelled',
        'failed'
      )
    ;

      CREATE TABLE pgboss.version (
        version int primary key,
        maintained_on timestamp with time zone,
        cron_on timestamp with time zone,
        monitored_on timestamp with time zone
      )
    ;

      CREATE TABLE pgboss.queue (
        name text,
        policy text,
        retry_limit int,
        retry_delay int,
        retry_backoff bool,
        expire_seconds int,
        retention_minutes int,
        dead_letter text REFERENCES pgboss.queue (name),
        partition_name text,
        created_on timestamp with time zone not null default now(),
        updated_on timestamp with time zone not null default now(),
        PRIMARY KEY (name)
      )
    ;

      CREATE TABLE pgboss.schedule (
        name text REFERENCES pgboss.queue ON DELETE CASCADE,
        cron text not null,
        timezone text,
        data jsonb,
        options jsonb,
        created_on timestamp with time zone not null default now(),
        updated_on timestamp with time zone not null default now(),
        PRIMARY KEY (name)
      )
    ;

      CREATE TABLE pgboss.subscription (
        event text not null,
        name text not null REFERENCES pgboss.queue ON DELETE CASCADE,
        created_on timestamp with time zone not null default now(),
        updated_on timestamp with time zone not null default now(),
        PRIMARY KEY(event, name)
      )
    ;

      CREATE TABLE pgboss.job (
        id uuid not null default gen_random_uuid(),
        name text not null,
        priority integer not null default(0),
        data jsonb,
        state pgboss.job_state not null default('created'),
        retry_limit integer not null default(2),
        retry_count integer not null default(0),
        retry_delay integer not null default(0),
        retry_backoff boolean not null default false,
        start_after timestamp with time zone not null default now(),
        started_on timestamp with time zone,
        singleton_key text,
        singleton_on timestamp without time zone,
        expire_in interval not null default interval '15 minutes',
        created_on timestamp with time zone not null default now(),
        completed_on timestamp with time zone,
        keep_until timestamp with time zone NOT NULL default now() + interval '14 days',
        output jsonb,
        dead_letter text,
        policy text
      ) PARTITION BY LIST (name)
    ;
  ALTER TABLE pgboss.job ADD PRIMARY KEY (name, id);
  CREATE TABLE pgboss.archive (LIKE pgboss.job);
  ALTER TABLE pgboss.archive ADD PRIMARY KEY (name, id);
  ALTER TABLE pgboss.archive ADD archived_on timestamptz NOT NULL DEFAULT now();
  CREATE INDEX archive_i1 ON pgboss.archive(archived_on);

      CREATE FUNCTION pgboss.create_queue(queue_name text, options json)
      RETURNS VOID AS
      $$
      DECLARE
        table_name varchar := 'j' || encode(sha224(queue_name::bytea), 'hex');
        queue_created_on timestamptz;
      BEGIN

        WITH q as (
        INSERT INTO pgboss.queue (
          name,
          policy,
          retry_limit,
          retry_delay,
          retry_backoff,
          expire_seconds,
          retention_minutes,
          dead_letter,
          partition_name
        )
        VALUES (
          queue_name,
          options->>'policy',
          (options->>'retryLimit')::int,
          (options->>'retryDelay')::int,
          (options->>'retryBackoff')::bool,
          (options->>'expireInSeconds')::int,
          (options->>'retentionMinutes')::int,
          options->>'deadLetter',
          table_name
        )
        ON CONFLICT DO NOTHING
        RETURNING created_on
        )
        SELECT created_on into queue_created_on from q;

        IF queue_created_on IS NULL THEN
          RETURN;
        END IF;

        EXECUTE format('CREATE TABLE pgboss.%I (LIKE pgboss.job INCLUDING DEFAULTS)', table_name);

        EXECUTE format('ALTER TABLE pgboss.%1$I ADD PRIMARY KEY (name, id)', table_name);
        EXECUTE format('ALTER TABLE pgboss.%1$I ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES pgboss.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
        EXECUTE format('ALTER TABLE pgboss.%1$I ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES pgboss.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
        EXECUTE format('CREATE UNIQUE INDEX %1$s_i1 ON pgboss.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''created'' AND policy = ''short''', table_name);
        EXECUTE format('CREATE UNIQUE INDEX %1$s_i2 ON pgboss.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''active'' AND policy = ''singleton''', table_name);
        EXECUTE format('CREATE UNIQUE INDEX %1$s_i3 ON pgboss.%1$I (name, state, COALESCE(singleton_key, '''')) WHERE state <= ''active'' AND policy = ''stately''', table_name);
        EXECUTE format('CREATE UNIQUE INDEX %1$s_i4 ON pgboss.%1$I (name, singleton_on, COALESCE(singleton_key, '''')) WHERE state <> ''cancelled'' AND singleton_on IS NOT NULL', table_name);
        EXECUTE format('CREATE INDEX %1$s_i5 ON pgboss.%1$I (name, start_after) INCLUDE (priority, created_on, id) WHERE state < ''active''', table_name);

        EXECUTE format('ALTER TABLE pgboss.%I ADD CONSTRAINT cjc CHECK (name=%L)', table_name, queue_name);
        EXECUTE format('ALTER TABLE pgboss.job ATTACH PARTITION pgboss.%I FOR VALUES IN (%L)', table_name, queue_name);
      END;
      $$
      LANGUAGE plpgsql;
    ;

      CREATE FUNCTION pgboss.delete_queue(queue_name text)
      RETURNS VOID AS
      $$
      DECLARE
        table_name varchar;
      BEGIN
        WITH deleted as (
          DELETE FROM pgboss.queue
          WHERE name = queue_name
          RETURNING partition_name
        )
        SELECT partition_name from deleted INTO table_name;

        EXECUTE format('DROP TABLE IF EXISTS pgboss.%I', table_name);
      END;
      $$
      LANGUAGE plpgsql;
    ;
  INSERT INTO pgboss.version(version) VALUES ('24');
`;

/** name → pg-boss queue options. `stately`: at most one job waiting and one running per queue. */
const QUEUES: Record<string, Record<string, unknown>> = {
  // pg-boss's own: the cron timekeeper hands due schedules to workers through it.
  '__pgboss__send-it': { policy: 'standard' },
  reminders: { policy: 'stately', retryLimit: 1, retryDelay: 60, expireInSeconds: 900 },
  'retention-review': { policy: 'stately', retryLimit: 1, retryDelay: 300, expireInSeconds: 900 },
  // Retrying a broken chain finds it broken again: one run, its failure shown to admins.
  'audit-verify': { policy: 'stately', retryLimit: 0, expireInSeconds: 3600 },
};

export class PgBoss1795981200000 implements MigrationInterface {
  name = 'PgBoss1795981200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_PGBOSS_V24);
    for (const [name, options] of Object.entries(QUEUES))
      await queryRunner.query(`SELECT pgboss.create_queue($1, $2::json)`, [name, JSON.stringify(options)]);
    // What the workers, the cron timekeeper and the maintenance need, and nothing else: no DDL
    // (so no creating or deleting queues), no changing queue settings.
    await queryRunner.query(`GRANT USAGE ON SCHEMA pgboss TO beacon_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON pgboss.job TO beacon_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON pgboss.archive TO beacon_app`);
    await queryRunner.query(`GRANT SELECT, UPDATE ON pgboss.version TO beacon_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON pgboss.schedule TO beacon_app`);
    await queryRunner.query(`GRANT SELECT ON pgboss.queue, pgboss.subscription TO beacon_app`);
    await queryRunner.query(
      `REVOKE EXECUTE ON FUNCTION pgboss.create_queue(text, json), pgboss.delete_queue(text) FROM PUBLIC`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
