-- Full-text search on PostgreSQL (the counterpart of Sqlite/0002_search.sql). Outside the EF model.
-- The application folds and stems the text itself (SearchText), exactly as for SQLite, and stores it with
-- to_tsvector('simple', ...), which only lower-cases and splits; the same folding is applied to queries.
-- Weights: A title, B facts (tags, platforms, indicators), C prose (stems); 'words' holds the exact folded words
-- so an exact form can rank above a stem match.
CREATE TABLE search_index (
    advisory_id uuid NOT NULL,
    document tsvector NOT NULL,
    words tsvector NOT NULL,
    CONSTRAINT "PK_search_index" PRIMARY KEY (advisory_id),
    CONSTRAINT "FK_search_index_Advisories" FOREIGN KEY (advisory_id) REFERENCES "Advisories" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_search_index_document" ON search_index USING GIN (document);

-- The check page's phone lookup: Type = 'Phone' and a suffix of Normalized (Data/Configurations, IndicatorConfiguration).
CREATE INDEX "IX_Indicators_Type_Normalized" ON "Indicators" ("Type", "Normalized");
