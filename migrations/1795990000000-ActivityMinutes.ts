import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: minutes recorded on case notes, summed by Europe/London day and kind, for the
 * reports' time per activity (docs/reports.md). Summing a year of notes took 125 ms of a year's
 * report at 1,000,000 notes; the day sums are a few thousand rows.
 *
 * Triggers on case_notes append signed rows (never update one), so writers never wait on each
 * other; activity_minutes_compact() folds a day's rows into one and runs before each report is
 * computed. Every committed note is in the sums at every moment, in any snapshot. Notes are never
 * deleted and their kind, minutes and time never change, but the triggers count those too.
 */
export class ActivityMinutes1795990000000 implements MigrationInterface {
  name = 'ActivityMinutes1795990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No note may be written between the backfill and the triggers.
    await queryRunner.query(`LOCK TABLE case_notes IN SHARE MODE`);
    await queryRunner.query(`CREATE TABLE activity_minutes (
      day date NOT NULL,
      kind text NOT NULL,
      entries integer NOT NULL,
      minutes bigint NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX activity_minutes_day_idx ON activity_minutes (day, kind)`);
    await queryRunner.query(
      `COMMENT ON TABLE activity_minutes IS 'Case-note minutes by Europe/London day and kind: signed rows whose sums are exact (triggers on case_notes); activity_minutes_compact() folds them'`,
    );
    await queryRunner.query(`CREATE FUNCTION activity_minutes_track() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO activity_minutes (day, kind, entries, minutes)
          SELECT (created_at AT TIME ZONE 'Europe/London')::date, kind, count(*), sum(minutes_spent)
            FROM new_notes WHERE minutes_spent IS NOT NULL
           GROUP BY 1, 2;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO activity_minutes (day, kind, entries, minutes)
          SELECT (created_at AT TIME ZONE 'Europe/London')::date, kind, -count(*), -sum(minutes_spent)
            FROM old_notes WHERE minutes_spent IS NOT NULL
           GROUP BY 1, 2;
        ELSE
          -- Only what changed: a note's edit bumps its version and nets to nothing here.
          INSERT INTO activity_minutes (day, kind, entries, minutes)
          SELECT day, kind, sum(entries), sum(minutes)
            FROM (SELECT (created_at AT TIME ZONE 'Europe/London')::date AS day, kind, -1 AS entries, -minutes_spent AS minutes
                    FROM old_notes WHERE minutes_spent IS NOT NULL
                  UNION ALL
                  SELECT (created_at AT TIME ZONE 'Europe/London')::date, kind, 1, minutes_spent
                    FROM new_notes WHERE minutes_spent IS NOT NULL) changed
           GROUP BY day, kind
          HAVING sum(entries) <> 0 OR sum(minutes) <> 0;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER case_notes_minutes_insert AFTER INSERT ON case_notes REFERENCING NEW TABLE AS new_notes FOR EACH STATEMENT EXECUTE FUNCTION activity_minutes_track()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_notes_minutes_update AFTER UPDATE ON case_notes REFERENCING OLD TABLE AS old_notes NEW TABLE AS new_notes FOR EACH STATEMENT EXECUTE FUNCTION activity_minutes_track()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_notes_minutes_delete AFTER DELETE ON case_notes REFERENCING OLD TABLE AS old_notes FOR EACH STATEMENT EXECUTE FUNCTION activity_minutes_track()`,
    );
    // Folds each day and kind that has more than one row into one (dropping those that net to
    // nothing); answers how many rows it folded. Rows written meanwhile are not in its snapshot
    // and stay as they are; two at once wait for each other's row locks and fold nothing twice.
    await queryRunner.query(`CREATE FUNCTION activity_minutes_compact() RETURNS integer LANGUAGE sql AS $$
      WITH folded AS (
        DELETE FROM activity_minutes a
         USING (SELECT day, kind FROM activity_minutes GROUP BY day, kind HAVING count(*) > 1) many
         WHERE a.day = many.day AND a.kind = many.kind
        RETURNING a.day, a.kind, a.entries, a.minutes
      ), kept AS (
        INSERT INTO activity_minutes (day, kind, entries, minutes)
        SELECT day, kind, sum(entries), sum(minutes) FROM folded
         GROUP BY day, kind
        HAVING sum(entries) <> 0 OR sum(minutes) <> 0
        RETURNING 1
      )
      SELECT count(*)::int FROM folded
    $$`);
    await queryRunner.query(`INSERT INTO activity_minutes (day, kind, entries, minutes)
      SELECT (created_at AT TIME ZONE 'Europe/London')::date, kind, count(*), sum(minutes_spent)
        FROM case_notes WHERE minutes_spent IS NOT NULL
       GROUP BY 1, 2`);
    // The app reads the sums, appends through the triggers (as the writer of the note) and folds.
    await queryRunner.query(`REVOKE UPDATE, TRUNCATE ON activity_minutes FROM beacon_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION activity_minutes_compact()`);
    await queryRunner.query(`DROP TRIGGER case_notes_minutes_delete ON case_notes`);
    await queryRunner.query(`DROP TRIGGER case_notes_minutes_update ON case_notes`);
    await queryRunner.query(`DROP TRIGGER case_notes_minutes_insert ON case_notes`);
    await queryRunner.query(`DROP FUNCTION activity_minutes_track()`);
    await queryRunner.query(`DROP TABLE activity_minutes`);
  }
}
