-- casefile store, schema version 4: layer rows keyed by the document's ingestion number.
--
-- Until version 3 every layer row was keyed by its document's content hash, so each new
-- document's rows landed at random places in six B-trees, and two indexes ordered by name and by
-- event type scattered them further. At a few hundred thousand documents every batch rewrote
-- thousands of scattered pages (hundreds of KiB written per document) and ingest slowed to a
-- crawl. Keyed by `documents.seq`, which only grows, a new document's rows are appended at the
-- right-hand edge of each tree. The indexes by entity type and by event type, which nothing read,
-- are gone for the same reason. Offsets, enum names and formats are as in version 1.

-- Renaming also renames the references the other tables' foreign keys make.
ALTER TABLE event_participants RENAME TO old_event_participants;
ALTER TABLE claims RENAME TO old_claims;
ALTER TABLE events RENAME TO old_events;
ALTER TABLE timexes RENAME TO old_timexes;
ALTER TABLE mentions RENAME TO old_mentions;
ALTER TABLE sentences RENAME TO old_sentences;
DROP INDEX mentions_by_type;
DROP INDEX events_by_type;
DROP INDEX event_participants_by_mention;

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

-- The foreign-key check of a participant's mention; appended in order like the rest.
CREATE INDEX event_participants_by_mention ON event_participants (document_seq, mention_idx);

-- Parents before children, so every foreign key holds as rows arrive.
INSERT INTO sentences
    SELECT d.seq, o.idx, o.start, o."end"
    FROM old_sentences o JOIN documents d ON d.id = o.document_id ORDER BY d.seq, o.idx;
INSERT INTO mentions
    SELECT d.seq, o.idx, o.start, o."end", o.text, o.entity_type, o.country, o.legal
    FROM old_mentions o JOIN documents d ON d.id = o.document_id ORDER BY d.seq, o.idx;
INSERT INTO timexes
    SELECT d.seq, o.idx, o.start, o."end", o.text, o.type, o.value
    FROM old_timexes o JOIN documents d ON d.id = o.document_id ORDER BY d.seq, o.idx;
INSERT INTO events
    SELECT d.seq, o.idx, o.type, o.trigger_start, o.trigger_end, o.evidence_start,
           o.evidence_end, o.date, o.date_timex, o.location, o.sentence, o.victim_count,
           o.modality, o.negated, o.charges, o.legal_basis
    FROM old_events o JOIN documents d ON d.id = o.document_id ORDER BY d.seq, o.idx;
INSERT INTO event_participants
    SELECT d.seq, o.event_idx, o.idx, o.mention_idx, o.role
    FROM old_event_participants o JOIN documents d ON d.id = o.document_id
    ORDER BY d.seq, o.event_idx, o.idx;
INSERT INTO claims
    SELECT d.seq, o.idx, o.quantity, o.qualifier, o.unit, o.retracted, o.evidence_start,
           o.evidence_end, o.claimant
    FROM old_claims o JOIN documents d ON d.id = o.document_id ORDER BY d.seq, o.idx;

-- Children before parents.
DROP TABLE old_event_participants;
DROP TABLE old_claims;
DROP TABLE old_events;
DROP TABLE old_timexes;
DROP TABLE old_mentions;
DROP TABLE old_sentences;
