-- casefile store, schema version 5: every passage of an event's statement.
--
-- An event told several times in one document ("was arrested on 3 May" … "his arrest" … "called
-- for his release after the arrest") is stored as one statement whose participants, date and law
-- may come from any of those sentences. Version 4 kept only the main passage, so a participant
-- named in another sentence had no passage of its own. `restated` lists the others: a JSON array
-- of {"start": byte offset, "end": byte offset} into the clean text, in text order.
ALTER TABLE events ADD COLUMN restated TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(restated));
