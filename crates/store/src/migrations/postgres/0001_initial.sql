-- casefile store on PostgreSQL, schema version 1: the same tables as the SQLite schema
-- (../0001_initial.sql), with PostgreSQL's types.
--
-- One row per document in `documents`; one row per fact in the layer tables, keyed by
-- (document_id, idx) where idx is the fact's position in its AnalyzedDocument list. Every
-- `start`/`end` is a BYTE offset into documents.text (the model's Span). Enum values are the
-- model's serde names, dates are PartialDate strings ("1998-04-08", "1998-04", "1998", "--01-09"),
-- lists and LegalRef values are JSON text (cast with ::jsonb to query them).
--
-- PostgreSQL's TEXT cannot hold a NUL character, which SQLite's can and an ingested text may
-- (rarely) have. Free-text columns therefore store U+0000 as U+FFFF '0' and U+FFFF itself as
-- U+FFFF U+FFFF (a noncharacter no real text carries); casefile decodes them on reading, and text
-- without either character is stored unchanged.

CREATE TABLE documents (
    id          TEXT        NOT NULL PRIMARY KEY,      -- content hash of the raw bytes
    seq         BIGINT      GENERATED ALWAYS AS IDENTITY UNIQUE,  -- ingestion order (gaps allowed)
    source      TEXT        NOT NULL,                  -- path or name it was ingested from
    format      TEXT        NOT NULL,                  -- text, markdown, html, pdf
    title       TEXT,
    publisher   TEXT,
    published   TEXT,                                  -- PartialDate, or NULL when not stated
    reference   TEXT,
    source_url  TEXT,
    supplied    TEXT        NOT NULL DEFAULT '[]',     -- JSON array of fields a person supplied
    -- When this store received it. For audit only: never a publication date.
    ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    text        TEXT        NOT NULL,                  -- the clean text every span points into
    raw         BYTEA       NOT NULL
);

CREATE TABLE sentences (
    document_id TEXT   NOT NULL REFERENCES documents (id),
    idx         BIGINT NOT NULL,
    start       BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE mentions (
    document_id TEXT   NOT NULL REFERENCES documents (id),
    idx         BIGINT NOT NULL,
    start       BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    text        TEXT   NOT NULL,
    entity_type TEXT   NOT NULL,               -- person, organization, location, legal_provision, misc
    country     TEXT,                          -- ISO 3166-1 alpha-2, for places
    legal       TEXT,                          -- LegalRef as JSON, for provisions
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE timexes (
    document_id TEXT   NOT NULL REFERENCES documents (id),
    idx         BIGINT NOT NULL,
    start       BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    text        TEXT   NOT NULL,
    type        TEXT   NOT NULL,               -- DATE, TIME, DURATION, SET
    value       TEXT   NOT NULL,               -- TimeML value
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE events (
    document_id    TEXT    NOT NULL REFERENCES documents (id),
    idx            BIGINT  NOT NULL,
    type           TEXT    NOT NULL,           -- arrest, detention, ..., other
    trigger_start  BIGINT  NOT NULL,
    trigger_end    BIGINT  NOT NULL,
    evidence_start BIGINT  NOT NULL,
    evidence_end   BIGINT  NOT NULL,
    date           TEXT,                       -- PartialDate
    date_timex     BIGINT,                     -- timexes.idx the date comes from
    location       BIGINT,                     -- mentions.idx of the place
    sentence       TEXT,                       -- ISO 8601 duration, for a conviction
    victim_count   BIGINT,
    modality       TEXT    NOT NULL,           -- asserted, alleged, denied, demanded
    negated        BOOLEAN NOT NULL,
    charges        TEXT    NOT NULL DEFAULT '[]',  -- JSON array of strings
    legal_basis    TEXT    NOT NULL DEFAULT '[]',  -- JSON array of mentions.idx
    PRIMARY KEY (document_id, idx),
    FOREIGN KEY (document_id, date_timex) REFERENCES timexes (document_id, idx),
    FOREIGN KEY (document_id, location) REFERENCES mentions (document_id, idx)
);

CREATE TABLE event_participants (
    document_id TEXT   NOT NULL REFERENCES documents (id),
    event_idx   BIGINT NOT NULL,
    idx         BIGINT NOT NULL,               -- position in the event's participant list
    mention_idx BIGINT NOT NULL,
    role        TEXT   NOT NULL,               -- victim, perpetrator, authority, participant, claimant
    PRIMARY KEY (document_id, event_idx, idx),
    FOREIGN KEY (document_id, event_idx) REFERENCES events (document_id, idx),
    FOREIGN KEY (document_id, mention_idx) REFERENCES mentions (document_id, idx)
);

CREATE TABLE claims (
    document_id    TEXT    NOT NULL REFERENCES documents (id),
    idx            BIGINT  NOT NULL,
    quantity       BIGINT  NOT NULL,
    qualifier      TEXT    NOT NULL,           -- exact, at_least, more_than, about, up_to, fewer_than
    unit           TEXT    NOT NULL,
    retracted      BOOLEAN NOT NULL,
    evidence_start BIGINT  NOT NULL,
    evidence_end   BIGINT  NOT NULL,
    claimant       BIGINT,                     -- mentions.idx of who makes the claim
    PRIMARY KEY (document_id, idx),
    FOREIGN KEY (document_id, claimant) REFERENCES mentions (document_id, idx)
);

CREATE INDEX mentions_by_type ON mentions (entity_type, text);
CREATE INDEX events_by_type ON events (type, date);
CREATE INDEX event_participants_by_mention ON event_participants (document_id, mention_idx);
CREATE INDEX documents_by_published ON documents (published);
