import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: one server-side call appends an audit event to the chain. It takes the
 * chain's advisory lock, reads the newest hash and inserts the row with
 * hash = SHA-256(prev_hash ‖ "\n" ‖ canonical), the same formula as before (ADR 0007), so every
 * existing row still verifies. The canonical JSON of the row's content is computed by the API
 * (audit-chain.ts) and passed in; GET /api/audit/verify recomputes it from the stored row, so a
 * canonical text that did not match the row would show as a broken link.
 *
 * Why: the lock used to be held across three round trips from the API (lock, read head, insert)
 * plus COMMIT, so under load most pooled sessions queued behind it. Called on its own (autocommit),
 * the lock is now held for the server-side work alone; inside a transaction, until its COMMIT.
 * Each statement in a VOLATILE plpgsql function takes a fresh snapshot in READ COMMITTED, so
 * after the lock it sees the newest event. In a REPEATABLE READ or SERIALIZABLE transaction it
 * would not (the chain would fork), so the function refuses to run there.
 */
export class AuditAppend1795980818480 implements MigrationInterface {
  name = 'AuditAppend1795980818480';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION audit_append(
        p_id uuid, p_at timestamptz, p_actor_id uuid, p_action text, p_entity_type text,
        p_entity_id text, p_ip text, p_request_id text, p_details jsonb, p_canonical text
      ) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_prev text;
      BEGIN
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'audit_append must run in a READ COMMITTED transaction, not %',
            current_setting('transaction_isolation') USING ERRCODE = 'invalid_transaction_state';
        END IF;
        PERFORM pg_advisory_xact_lock(726002);
        SELECT hash INTO v_prev FROM audit_events ORDER BY seq DESC LIMIT 1;
        v_prev := coalesce(v_prev, repeat('0', 64));
        INSERT INTO audit_events (id, at, actor_id, action, entity_type, entity_id, ip, request_id, details, prev_hash, hash)
        VALUES (p_id, p_at, p_actor_id, p_action, p_entity_type, p_entity_id, p_ip, p_request_id, p_details, v_prev,
          encode(sha256(convert_to(v_prev || E'\\n' || p_canonical, 'UTF8')), 'hex'));
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION audit_append FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION audit_append TO beacon_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_append`);
  }
}
