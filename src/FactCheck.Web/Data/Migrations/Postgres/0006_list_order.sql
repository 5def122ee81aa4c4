-- Lists page by published date with the id as tie-breaker; with the id in the index, deep pages
-- (OFFSET tens of thousands) walk the index alone instead of sorting every row of the language.
DROP INDEX "IX_Advisories_Status_Language_PublishedAt";
CREATE INDEX "IX_Advisories_Status_Language_PublishedAt_Id" ON "Advisories" ("Status", "Language", "PublishedAt", "Id");
