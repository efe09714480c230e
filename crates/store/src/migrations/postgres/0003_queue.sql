-- casefile store on PostgreSQL, schema version 3: the work queue of `casefile enqueue` and
-- `casefile worker` (PostgreSQL only: the embedded store has one writer and no queue).
--
-- One row per file to read, keyed by its content id (the id its document will have), so a file
-- is queued once whatever how often it is enqueued. A worker takes a `queued` row with
-- `SELECT … FOR UPDATE SKIP LOCKED`, reads it, and in the SAME transaction stores the document
-- and marks the row `done`: a worker that dies mid-document leaves the row `queued` (its lock
-- goes with its connection) for another worker, and a committed row is never read again.

CREATE TABLE queue (
    id          BIGINT      NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- queue order
    document_id TEXT        NOT NULL UNIQUE,          -- content hash of raw: the document's id
    source      TEXT        NOT NULL,                 -- the path as enqueued: the document's source
    format      TEXT        NOT NULL,                 -- text, markdown, html, pdf
    meta        TEXT        NOT NULL DEFAULT '{}',    -- JSON: metadata supplied with the file
    raw         BYTEA       NOT NULL,                 -- the bytes; emptied once stored in documents
    state       TEXT        NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'done', 'failed')),
    worker      TEXT,                                 -- who finished it (done or failed)
    error       TEXT,                                 -- why it failed, one line
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ
);
-- What a worker looks for: the oldest waiting row.
CREATE INDEX queue_waiting ON queue (id) WHERE state = 'queued';

-- Every time a worker took a row, committed at once on a second connection, outside the job's
-- transaction, so that it survives the worker's death: a row taken too often (its workers keep
-- dying or losing the server on it) is given up as failed instead of being retried forever.
-- No foreign key: checking one would lock the queue row the worker's transaction holds.
CREATE TABLE queue_claims (
    job_id     BIGINT      NOT NULL,                  -- queue.id
    worker     TEXT        NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX queue_claims_job ON queue_claims (job_id);
