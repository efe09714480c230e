-- casefile store, schema version 2: the review log.
--
-- One row per review action, never updated or deleted: the audit log of what people judged
-- (what, on which target, by which user, when). Resolution re-applies the log every time the
-- record is built, so judgements survive re-ingest and re-extraction. `anchor` and
-- `value_anchor` are JSON ReviewAnchor values: what the target (and, for merges and splits, the
-- other entity) was when judged, so the judgement still finds its fact when ids change.

CREATE TABLE reviews (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    target       TEXT    NOT NULL,   -- event, entity or document id
    action       TEXT    NOT NULL,   -- ReviewAction's snake_case name
    value        TEXT,               -- JSON, for corrections, merges and splits
    note         TEXT,
    anchor       TEXT,               -- JSON ReviewAnchor, or NULL
    value_anchor TEXT,               -- JSON ReviewAnchor, or NULL
    user         TEXT    NOT NULL,   -- the token's (or CLI's) user
    created_at   TEXT    NOT NULL    -- UTC, RFC 3339
);
CREATE INDEX reviews_target ON reviews(target);
