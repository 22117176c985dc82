-- Ids and instants in one text form (Infrastructure/Data/SqliteText.cs), SQLite only: PostgreSQL and SQL Server store
-- them as uuid and timestamptz/datetimeoffset.
-- Until now Microsoft.Data.Sqlite chose the form of every value Dapper bound: a Guid as upper-case text
-- ('0197A0B1-C2D3-7E4F-...'), a DateTimeOffset as 'yyyy-MM-dd HH:mm:ss.FFFFFFF+00:00'. From now on every path writes
-- ids as lower-case text ('0197a0b1-c2d3-7e4f-...') and instants in UTC as 'yyyy-MM-ddTHH:mm:ss.fffffffZ' (fixed width,
-- so text order is time order). This brings the rows written before into the same form: every id and reference
-- column lower-cased, every instant rewritten (to UTC where it carried another offset; the fraction padded to seven
-- digits). Values already in the new form are left as they are, so the statements are safe to run on any database.
-- Primary keys and the references to them change in the same transaction (the runner's); with the foreign-key
-- checks deferred to its commit, the order of the statements does not matter, and the commit fails if any reference
-- no longer resolved. principal and created_by hold 'user:<id>' / 'key:<id>', which were lower-case already.
-- An instant in the old form 'yyyy-MM-dd HH:mm:ss[.fffffff]+hh:mm' (the fraction without trailing zeros): strftime turns
-- its whole seconds and offset into UTC, its fraction (from character 21 to the offset) is padded to seven digits.
PRAGMA defer_foreign_keys = ON;

UPDATE users SET
    id = lower(id),
    locked_until = CASE WHEN locked_until GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(locked_until, 1, 19) || substr(locked_until, -6))
            || '.'
            || substr(CASE WHEN substr(locked_until, 20, 1) = '.'
                           THEN substr(locked_until, 21, length(locked_until) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE locked_until END,
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE api_keys SET
    id = lower(id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    last_used_at = CASE WHEN last_used_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(last_used_at, 1, 19) || substr(last_used_at, -6))
            || '.'
            || substr(CASE WHEN substr(last_used_at, 20, 1) = '.'
                           THEN substr(last_used_at, 21, length(last_used_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE last_used_at END,
    revoked_at = CASE WHEN revoked_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(revoked_at, 1, 19) || substr(revoked_at, -6))
            || '.'
            || substr(CASE WHEN substr(revoked_at, 20, 1) = '.'
                           THEN substr(revoked_at, 21, length(revoked_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE revoked_at END;

UPDATE spaces SET
    id = lower(id),
    parent_id = lower(parent_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE space_predecessors SET
    space_id = lower(space_id),
    predecessor_id = lower(predecessor_id);

UPDATE actor_types SET
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE actors SET
    id = lower(id),
    parent_id = lower(parent_id),
    archived_at = CASE WHEN archived_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(archived_at, 1, 19) || substr(archived_at, -6))
            || '.'
            || substr(CASE WHEN substr(archived_at, 20, 1) = '.'
                           THEN substr(archived_at, 21, length(archived_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE archived_at END,
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE actor_spaces SET
    actor_id = lower(actor_id),
    space_id = lower(space_id);

UPDATE actor_tags SET
    actor_id = lower(actor_id);

UPDATE actor_relations SET
    id = lower(id),
    source_actor_id = lower(source_actor_id),
    target_actor_id = lower(target_actor_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE idempotency_records SET
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END;

UPDATE data_protection_keys SET
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END;

UPDATE networks SET
    id = lower(id),
    coordinator_actor_id = lower(coordinator_actor_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE network_functions SET
    network_id = lower(network_id);

UPDATE network_goals SET
    network_id = lower(network_id);

UPDATE network_spaces SET
    network_id = lower(network_id),
    space_id = lower(space_id);

UPDATE network_links SET
    id = lower(id),
    source_network_id = lower(source_network_id),
    target_network_id = lower(target_network_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END;

UPDATE network_members SET
    id = lower(id),
    network_id = lower(network_id),
    actor_id = lower(actor_id),
    delegated_from_network_id = lower(delegated_from_network_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE network_calendar_tokens SET
    network_id = lower(network_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END;

UPDATE meetings SET
    id = lower(id),
    network_id = lower(network_id),
    starts_at = CASE WHEN starts_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(starts_at, 1, 19) || substr(starts_at, -6))
            || '.'
            || substr(CASE WHEN substr(starts_at, 20, 1) = '.'
                           THEN substr(starts_at, 21, length(starts_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE starts_at END,
    ends_at = CASE WHEN ends_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(ends_at, 1, 19) || substr(ends_at, -6))
            || '.'
            || substr(CASE WHEN substr(ends_at, 20, 1) = '.'
                           THEN substr(ends_at, 21, length(ends_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE ends_at END,
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE meeting_decisions SET
    meeting_id = lower(meeting_id);

UPDATE meeting_attendance SET
    meeting_id = lower(meeting_id),
    member_id = lower(member_id);

UPDATE tasks SET
    id = lower(id),
    network_id = lower(network_id),
    meeting_id = lower(meeting_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE task_responsibles SET
    task_id = lower(task_id),
    actor_id = lower(actor_id);

UPDATE indicators SET
    id = lower(id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE indicator_sets SET
    id = lower(id),
    network_id = lower(network_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE indicator_set_items SET
    set_id = lower(set_id),
    indicator_id = lower(indicator_id);

UPDATE indicator_baselines SET
    set_id = lower(set_id),
    indicator_id = lower(indicator_id),
    space_id = lower(space_id);

UPDATE indicator_targets SET
    set_id = lower(set_id),
    indicator_id = lower(indicator_id),
    space_id = lower(space_id);

UPDATE observations SET
    id = lower(id),
    indicator_id = lower(indicator_id),
    space_id = lower(space_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE assessments SET
    id = lower(id),
    indicator_id = lower(indicator_id),
    space_id = lower(space_id),
    actor_id = lower(actor_id),
    created_at = CASE WHEN created_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19) || substr(created_at, -6))
            || '.'
            || substr(CASE WHEN substr(created_at, 20, 1) = '.'
                           THEN substr(created_at, 21, length(created_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(updated_at, 1, 19) || substr(updated_at, -6))
            || '.'
            || substr(CASE WHEN substr(updated_at, 20, 1) = '.'
                           THEN substr(updated_at, 21, length(updated_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE updated_at END;

UPDATE schema_migrations SET
    applied_at = CASE WHEN applied_at GLOB '????-??-?? ??:??:??*[+-]??:??'
        THEN strftime('%Y-%m-%dT%H:%M:%S', substr(applied_at, 1, 19) || substr(applied_at, -6))
            || '.'
            || substr(CASE WHEN substr(applied_at, 20, 1) = '.'
                           THEN substr(applied_at, 21, length(applied_at) - 26) ELSE '' END || '0000000', 1, 7)
            || 'Z'
        ELSE applied_at END;
