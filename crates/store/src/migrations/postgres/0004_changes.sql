-- casefile store on PostgreSQL, schema version 4: the change counter (as ../0003_changes.sql).
--
-- One row, raised by one as the LAST statement of every transaction that changes what the record
-- is built from (a document stored, by `ingest` or a worker; an analysis replaced; a review
-- recorded). Its row lock orders those commits, so the number grows in commit order: a reader
-- that saw N has seen every change up to N, which a sequence (allocated before commit, so out of
-- commit order) would not promise. `casefile serve` polls it to keep its search index following
-- the store. Writers hold the lock only from that last statement to their commit.
CREATE TABLE changes (counter BIGINT NOT NULL);
INSERT INTO changes VALUES (0);
