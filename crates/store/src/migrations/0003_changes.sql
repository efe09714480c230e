-- casefile store, schema version 3: the change counter.
--
-- One row, one number, raised by one in the same transaction as every change to what the record
-- is built from (a document stored, an analysis replaced, a review recorded). A reader that saw
-- the number N has seen every change up to N: `casefile serve` polls it and rebuilds its record
-- and search index when it moved. Writers already serialise on SQLite's write lock.
CREATE TABLE changes (counter INTEGER NOT NULL);
INSERT INTO changes VALUES (0);
