-- Document numbers per team, type and year, handed out in the issuing push's transaction (under the team row
-- lock every push takes first), so two agents issuing at once get consecutive numbers and a refused or
-- rolled-back push never leaves a gap.
CREATE TABLE IF NOT EXISTS document_numbers (
  team_id text NOT NULL REFERENCES teams(team_id) ON DELETE CASCADE,
  doc_type text NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (team_id, doc_type, year)
);
