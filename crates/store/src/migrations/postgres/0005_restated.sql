-- casefile store on PostgreSQL, schema version 5: every passage of an event's statement (as
-- ../0005_restated.sql). `restated` lists the passages other than the main one that state the
-- same event in the document: a JSON array of {"start": byte offset, "end": byte offset}.
ALTER TABLE events ADD COLUMN restated TEXT NOT NULL DEFAULT '[]';
