-- casefile store, the schema of version 4 in one script, for a new store: what migrations 0001 to
-- 0004 leave, as SQLite stores it (sqlite_master), without their renames and copies. Running the
-- migrations on an empty database re-parsed the whole schema at each `ALTER TABLE … RENAME`,
-- ≈ 4.7 ms of a new store's opening. A test checks that both give the same schema and rows; a new
-- migration still goes in its own file and runs after this script.

CREATE TABLE documents (
    id          TEXT    NOT NULL PRIMARY KEY,   -- content hash of the raw bytes
    seq         INTEGER NOT NULL UNIQUE,        -- ingestion order, 1, 2, 3, ...
    source      TEXT    NOT NULL,               -- path or name it was ingested from
    format      TEXT    NOT NULL,               -- text, markdown, html, pdf
    title       TEXT,
    publisher   TEXT,
    published   TEXT,                           -- PartialDate, or NULL when the document does not say
    reference   TEXT,
    source_url  TEXT,
    supplied    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(supplied)),  -- fields a person supplied
    -- When this store received it, UTC. For audit only: never a publication date.
    ingested_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    text        TEXT    NOT NULL,               -- the clean text every span points into
    -- Last, so that reading the other columns never walks the blob's overflow pages.
    raw         BLOB    NOT NULL
);

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

CREATE TABLE changes (counter INTEGER NOT NULL);

INSERT INTO changes VALUES (0);

CREATE TABLE sentences (
    document_seq INTEGER NOT NULL REFERENCES documents (seq),
    idx          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    PRIMARY KEY (document_seq, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
    document_seq INTEGER NOT NULL REFERENCES documents (seq),
    idx          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    entity_type  TEXT    NOT NULL,              -- person, organization, location, legal_provision, misc
    country      TEXT,                          -- ISO 3166-1 alpha-2, for places
    legal        TEXT CHECK (legal IS NULL OR json_valid(legal)),  -- LegalRef as JSON, for provisions
    PRIMARY KEY (document_seq, idx)
) WITHOUT ROWID;

CREATE TABLE timexes (
    document_seq INTEGER NOT NULL REFERENCES documents (seq),
    idx          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    type         TEXT    NOT NULL,              -- DATE, TIME, DURATION, SET
    value        TEXT    NOT NULL,              -- TimeML value
    PRIMARY KEY (document_seq, idx)
) WITHOUT ROWID;

CREATE TABLE events (
    document_seq   INTEGER NOT NULL REFERENCES documents (seq),
    idx            INTEGER NOT NULL,
    type           TEXT    NOT NULL,            -- arrest, detention, ..., other
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    date           TEXT,                        -- PartialDate
    date_timex     INTEGER,                     -- timexes.idx the date comes from
    location       INTEGER,                     -- mentions.idx of the place
    sentence       TEXT,                        -- ISO 8601 duration, for a conviction
    victim_count   INTEGER,
    modality       TEXT    NOT NULL,            -- asserted, alleged, denied, demanded
    negated        INTEGER NOT NULL CHECK (negated IN (0, 1)),
    charges        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(charges)),      -- JSON array of strings
    legal_basis    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(legal_basis)),  -- JSON array of mentions.idx
    PRIMARY KEY (document_seq, idx),
    FOREIGN KEY (document_seq, date_timex) REFERENCES timexes (document_seq, idx),
    FOREIGN KEY (document_seq, location) REFERENCES mentions (document_seq, idx)
) WITHOUT ROWID;

CREATE TABLE event_participants (
    document_seq INTEGER NOT NULL REFERENCES documents (seq),
    event_idx    INTEGER NOT NULL,
    idx          INTEGER NOT NULL,              -- position in the event's participant list
    mention_idx  INTEGER NOT NULL,
    role         TEXT    NOT NULL,              -- victim, perpetrator, authority, participant, claimant
    PRIMARY KEY (document_seq, event_idx, idx),
    FOREIGN KEY (document_seq, event_idx) REFERENCES events (document_seq, idx),
    FOREIGN KEY (document_seq, mention_idx) REFERENCES mentions (document_seq, idx)
) WITHOUT ROWID;

CREATE TABLE claims (
    document_seq   INTEGER NOT NULL REFERENCES documents (seq),
    idx            INTEGER NOT NULL,
    quantity       INTEGER NOT NULL,
    qualifier      TEXT    NOT NULL,            -- exact, at_least, more_than, about, up_to, fewer_than
    unit           TEXT    NOT NULL,
    retracted      INTEGER NOT NULL CHECK (retracted IN (0, 1)),
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    claimant       INTEGER,                     -- mentions.idx of who makes the claim
    PRIMARY KEY (document_seq, idx),
    FOREIGN KEY (document_seq, claimant) REFERENCES mentions (document_seq, idx)
) WITHOUT ROWID;

CREATE INDEX documents_by_published ON documents (published);

CREATE INDEX reviews_target ON reviews(target);

CREATE INDEX event_participants_by_mention ON event_participants (document_seq, mention_idx);
