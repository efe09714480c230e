-- casefile store on PostgreSQL, schema version 2: the review log (as ../0002_reviews.sql).
--
-- One row per review action, never updated or deleted. `anchor` and `value_anchor` are JSON
-- ReviewAnchor values: what the target was when judged, so the judgement still finds its fact
-- when ids change.

CREATE TABLE reviews (
    id           BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target       TEXT   NOT NULL,   -- event, entity or document id
    action       TEXT   NOT NULL,   -- ReviewAction's snake_case name
    value        TEXT,              -- JSON, for corrections, merges and splits
    note         TEXT,
    anchor       TEXT,              -- JSON ReviewAnchor, or NULL
    value_anchor TEXT,              -- JSON ReviewAnchor, or NULL
    "user"       TEXT   NOT NULL,   -- the token's (or CLI's) user
    created_at   TEXT   NOT NULL    -- UTC, RFC 3339
);
CREATE INDEX reviews_target ON reviews (target);
