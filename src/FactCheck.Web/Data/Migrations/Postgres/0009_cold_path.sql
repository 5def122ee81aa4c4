-- The cold path (bench/README.md): what readers see of each advisory, rendered when it is saved
-- (Publishing/RenderedHtml.cs); the content version every instance watches and announces with NOTIFY
-- (Site/ContentVersion.cs); and search ordered the same way as on SQLite (Search/PostgresSearchIndex.cs).
-- Generated with 'FactCheck.Web schema' (see README, "How the database schema changes").
CREATE TABLE "RenderedAdvisories" (
    "AdvisoryId" uuid NOT NULL,
    "RendererVersion" character varying(40) NOT NULL,
    "BodyHtml" text NOT NULL,
    "Parts" text NOT NULL,
    CONSTRAINT "PK_RenderedAdvisories" PRIMARY KEY ("AdvisoryId"),
    CONSTRAINT "FK_RenderedAdvisories_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE
);
-- Filled by StaleRenderings after the start that applies this script; until then pages render per request.

-- A feed's Last-Modified counts its last withdrawal: read newest first from this index, it stops at the
-- first withdrawn advisory of the feed's scope instead of reading every withdrawn one of the language.
CREATE INDEX "IX_Advisories_Status_Language_WithdrawnAt" ON "Advisories" ("Status", "Language", "WithdrawnAt");

CREATE TABLE "ContentVersions" (
    "Id" integer NOT NULL,
    "Number" bigint NOT NULL,
    CONSTRAINT "PK_ContentVersions" PRIMARY KEY ("Id")
);
INSERT INTO "ContentVersions" ("Id", "Number") VALUES (1, 0);

-- Search orders by whether every term is in the title, then by sort_key (publication time, then a hash
-- of the id: SearchIndex.SortKey), exactly as SQLite's rowid does. The exact-word vector is no longer
-- used. Emptied here and rebuilt on the next start (RebuildIfEmptyAsync).
DELETE FROM search_index;
ALTER TABLE search_index DROP COLUMN words;
ALTER TABLE search_index ADD COLUMN language character varying(8) NOT NULL;
ALTER TABLE search_index ADD COLUMN sort_key bigint NOT NULL;
CREATE INDEX "IX_search_index_language_sort_key" ON search_index (language, sort_key);
