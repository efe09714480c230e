-- casefile store, schema version 1.
--
-- One row per document in `documents`; one row per fact in the layer tables, keyed by
-- (document_id, idx) where idx is the fact's position in its AnalyzedDocument list, so the
-- analysis reads back in the order it was written and the indexes facts use to point at each
-- other (an event's participants, location and date) stay valid.
--
-- Every `start`/`end` here is a BYTE offset into documents.text (the model's Span), unlike the
-- JSON export, which gives CHARACTER offsets. Enum values are the model's serde names
-- ("legal_provision", "death_in_custody", "DATE"), dates are PartialDate strings ("1998-04-08",
-- "1998-04", "1998", "--01-09"), booleans are 0/1 and lists are JSON arrays.

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

CREATE TABLE sentences (
    document_id TEXT    NOT NULL REFERENCES documents (id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
    document_id TEXT    NOT NULL REFERENCES documents (id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    entity_type TEXT    NOT NULL,               -- person, organization, location, legal_provision, misc
    country     TEXT,                           -- ISO 3166-1 alpha-2, for places
    legal       TEXT CHECK (legal IS NULL OR json_valid(legal)),  -- LegalRef as JSON, for provisions
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE timexes (
    document_id TEXT    NOT NULL REFERENCES documents (id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    type        TEXT    NOT NULL,               -- DATE, TIME, DURATION, SET
    value       TEXT    NOT NULL,               -- TimeML value
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE events (
    document_id    TEXT    NOT NULL REFERENCES documents (id),
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
    PRIMARY KEY (document_id, idx),
    FOREIGN KEY (document_id, date_timex) REFERENCES timexes (document_id, idx),
    FOREIGN KEY (document_id, location) REFERENCES mentions (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE event_participants (
    document_id TEXT    NOT NULL REFERENCES documents (id),
    event_idx   INTEGER NOT NULL,
    idx         INTEGER NOT NULL,               -- position in the event's participant list
    mention_idx INTEGER NOT NULL,
    role        TEXT    NOT NULL,               -- victim, perpetrator, authority, participant, claimant
    PRIMARY KEY (document_id, event_idx, idx),
    FOREIGN KEY (document_id, event_idx) REFERENCES events (document_id, idx),
    FOREIGN KEY (document_id, mention_idx) REFERENCES mentions (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE claims (
    document_id    TEXT    NOT NULL REFERENCES documents (id),
    idx            INTEGER NOT NULL,
    quantity       INTEGER NOT NULL,
    qualifier      TEXT    NOT NULL,            -- exact, at_least, more_than, about, up_to, fewer_than
    unit           TEXT    NOT NULL,
    retracted      INTEGER NOT NULL CHECK (retracted IN (0, 1)),
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    claimant       INTEGER,                     -- mentions.idx of who makes the claim
    PRIMARY KEY (document_id, idx),
    FOREIGN KEY (document_id, claimant) REFERENCES mentions (document_id, idx)
) WITHOUT ROWID;

-- The primary keys above lead with document_id, so they already index it. These serve the
-- queries search and the web app make across documents, and the foreign-key checks.
CREATE INDEX mentions_by_type ON mentions (entity_type, text);
CREATE INDEX events_by_type ON events (type, date);
CREATE INDEX event_participants_by_mention ON event_participants (document_id, mention_idx);
CREATE INDEX documents_by_published ON documents (published);
