-- Full-text search (Search/SqliteSearchIndex.cs). Outside the EF model: a virtual table and its shadow tables.
-- The text is folded and split by SearchText before it gets here, so the 'ascii' tokenizer only has to split at
-- spaces (it keeps every non-ASCII character, and ʼ, inside words). title/prose/facts hold stems, words the
-- folded words. Contentless: the advisories table already has the text; only advisory_id is stored.
-- The rows are filled on first start by SearchIndex.RebuildIfEmptyAsync.
CREATE VIRTUAL TABLE search_index USING fts5(
    advisory_id UNINDEXED,
    title,
    prose,
    facts,
    words,
    content = '',
    contentless_delete = 1,
    contentless_unindexed = 1,
    tokenize = 'ascii'
);

-- The check page's phone lookup: Type = 'Phone' and a suffix of Normalized (Data/Configurations, IndicatorConfiguration).
CREATE INDEX "IX_Indicators_Type_Normalized" ON "Indicators" ("Type", "Normalized");
