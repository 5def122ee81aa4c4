-- The cold path (bench/README.md): what readers see of each advisory, rendered when it is saved
-- (Publishing/RenderedHtml.cs); the content version every instance watches (Site/ContentVersion.cs);
-- and a search index that ranks without reading the advisories (Search/SqliteSearchIndex.cs).
-- Generated with 'FactCheck.Web schema' (see README, "How the database schema changes").
CREATE TABLE "RenderedAdvisories" (
    "AdvisoryId" TEXT NOT NULL CONSTRAINT "PK_RenderedAdvisories" PRIMARY KEY,
    "RendererVersion" TEXT NOT NULL,
    "BodyHtml" TEXT NOT NULL,
    "Parts" TEXT NOT NULL,
    CONSTRAINT "FK_RenderedAdvisories_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE
);
-- Filled by StaleRenderings after the start that applies this script; until then pages render per request.

-- A feed's Last-Modified counts its last withdrawal: read newest first from this index, it stops at the
-- first withdrawn advisory of the feed's scope instead of reading every withdrawn one of the language.
CREATE INDEX "IX_Advisories_Status_Language_WithdrawnAt" ON "Advisories" ("Status", "Language", "WithdrawnAt");

CREATE TABLE "ContentVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentVersions" PRIMARY KEY,
    "Number" INTEGER NOT NULL
);
INSERT INTO "ContentVersions" ("Id", "Number") VALUES (1, 0);

-- The full-text index again, with the rowid ordered by publication (newest first is a walk of the index)
-- and a 'meta' column of filter tokens (language, kind, verdict, platforms, the advisory's id), so that
-- matching, filtering, counting and ordering need no join. Rebuilt on the next start (RebuildIfEmptyAsync).
DROP TABLE search_index;
-- SQLite (3.50) leaves the stored-unindexed-values table of a contentless_unindexed FTS5 table behind on DROP.
DROP TABLE IF EXISTS search_index_content;
CREATE VIRTUAL TABLE search_index USING fts5(
    advisory_id UNINDEXED,
    meta,
    title,
    prose,
    facts,
    content = '',
    contentless_delete = 1,
    contentless_unindexed = 1,
    tokenize = 'ascii'
);
