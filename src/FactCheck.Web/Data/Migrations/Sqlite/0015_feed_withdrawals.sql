-- A feed's Last-Modified counts its last withdrawal: read newest first from this index, it stops at the
-- first withdrawn advisory of the feed's scope instead of reading every withdrawn one of the language.
CREATE INDEX "IX_Advisories_Status_Language_WithdrawnAt" ON "Advisories" ("Status", "Language", "WithdrawnAt");
